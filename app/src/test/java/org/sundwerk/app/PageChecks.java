package org.sundwerk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * What the browser tests check on every page they open: axe-core, no sideways scrolling, a look.
 */
public final class PageChecks {

  /** Where screenshots go, for a person to look at after the run. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private PageChecks() {}

  /** No axe-core violation at all, of any rule and impact (WCAG 2.1 A/AA and best practices). */
  public static void assertNoViolations(WebDriver browser) {
    Results results = new AxeBuilder().analyze(browser);
    assertThat(results.getViolations().stream().map(PageChecks::describe).toList())
        .as(browser.getCurrentUrl())
        .isEmpty();
  }

  /** The page fits its window's width (WCAG 1.4.10 reflow at 320 CSS px and up). */
  public static void assertNoHorizontalScrolling(WebDriver browser) {
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow in px at " + browser.getCurrentUrl())
        .isLessThanOrEqualTo(0);
  }

  /** Saves the page as {@code target/screenshots/<name>.png}. */
  public static void screenshot(WebDriver browser, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
