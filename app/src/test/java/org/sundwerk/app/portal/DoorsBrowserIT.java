package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.sundwerk.app.HeadlessChromium;

/**
 * The front doors, the legal pages and the 404 page in headless Chromium, in German and English, at
 * desktop width (1280 px) and on a phone (390 px): axe-core finds no violation of any rule and any
 * impact, nothing is wider than the screen, and a screenshot of each lands in {@code
 * target/screenshots/}. The doors show a small city in July (summer) and January (winter).
 */
class DoorsBrowserIT extends PortalClockTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> DOORS =
      List.of("einwohner", "touristen", "senioren", "familien", "unternehmen");
  private static final List<String> LEGAL =
      List.of("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache");

  private WebDriver browser;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--hide-scrollbars");
    browser = chromium.driver();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void everyDoorInSummerAndWinterMeetsWcagOnDesktopAndPhone() {
    String tenant = "doors-browser";
    // Forward in time only (SettableClock): January, then July, then back to today.
    Instant january = Instant.parse("2026-01-15T10:00:00Z");
    Instant july = Instant.parse("2026-07-15T10:00:00Z");
    CLOCK.set(january);
    DoorCity.create(base(), tenant, january);
    doors(tenant, "winter");
    CLOCK.set(july);
    DoorCity.createEvents(base(), tenant, july);
    doors(tenant, "summer");
  }

  private void doors(String tenant, String season) {
    for (String door : DOORS) {
      for (String lang : List.of("de", "en")) {
        visit("/" + door + "?tenant=" + tenant + "&lang=" + lang, lang);
        assertThat(browser.findElement(By.cssSelector("main")).getDomAttribute("class"))
            .contains("season-" + season);
        assertThat(browser.findElements(By.cssSelector("li.tile"))).isNotEmpty();
        check("door-" + door + "-" + season + "-" + lang);
      }
    }
  }

  @Test
  void everyLegalPageAndTheErrorPageMeetWcagOnDesktopAndPhone() {
    for (String page : LEGAL) {
      for (String lang : List.of("de", "en")) {
        visit("/" + page + "?lang=" + lang, lang);
        check("legal-" + page + "-" + lang);
      }
    }
    for (String lang : List.of("de", "en")) {
      visit("/gibt-es-nicht?lang=" + lang, lang);
      assertThat(browser.findElement(By.id("error-status")).getText()).contains("404");
      check("error-404-" + lang);
    }
  }

  @Test
  void theSkipLinkTakesTheKeyboardToTheContent() {
    visit("/touristen", "de");
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Zum Inhalt springen");
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(browser.getCurrentUrl()).endsWith("#main");
  }

  private void visit(String path, String lang) {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(base() + path);
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
  }

  /**
   * A screenshot at 1280 px, then at 390 px with axe (every rule, every impact): the narrow layout
   * is the one that can hide or overlap something; the markup is the same.
   */
  private void check(String name) {
    for (int width : new int[] {1280, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      if (width == 390) {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getViolations().stream().map(DoorsBrowserIT::describe).toList())
            .as(browser.getCurrentUrl() + " at " + width + " px")
            .isEmpty();
      }
      Object overflow =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.documentElement.scrollWidth > window.innerWidth + 1;");
      assertThat(overflow).as(name + " wider than " + width + " px").isEqualTo(false);
      screenshot(name + "-" + (width == 1280 ? "desktop" : "390"));
    }
  }

  private void screenshot(String name) {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
