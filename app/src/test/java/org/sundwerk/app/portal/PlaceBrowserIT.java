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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;

/**
 * A visitor checks the bathing water and its history in headless Chromium (Debian's chromium and
 * chromedriver), on a desktop and at 390 px, in German and English: the rating, the chart (drawn by
 * uPlot from the JSON endpoint), the table alternative with the same numbers, no sideways scrolling
 * on the phone, and axe-core reports no violation of any impact. Screenshots go to {@code
 * target/screenshots/}.
 */
class PlaceBrowserIT extends PortalTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--window-size=1280,900");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void checksTheBathingWaterAndItsHistoryOnDesktopAndPhoneInGermanAndEnglish() {
    String id = bathingWaterWithADayOfHistory();

    for (String lang : List.of("de", "en")) {
      for (int width : List.of(1280, 390)) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(base() + PlaceData.place(id, "strand") + "&lang=" + lang + "&period=day");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertThat(browser.findElement(By.tagName("h1")).getText())
            .isEqualTo("Badewasser Nordstrand");
        assertThat(browser.findElement(By.id("rating")).getText())
            .contains(lang.equals("de") ? "Ausgezeichnet" : "Excellent")
            .contains("250");
        wait.until(b -> !b.findElements(By.cssSelector("#chart canvas")).isEmpty());
        assertThat(browser.findElement(By.id("chart-summary")).getText())
            .contains(lang.equals("de") ? "höchster Wert 19,0" : "highest 19.0");

        browser.findElement(By.cssSelector("#history-table summary")).click();
        List<String> rows =
            browser.findElements(By.cssSelector("#history-table tbody tr")).stream()
                .map(row -> row.getText())
                .toList();
        assertThat(rows).hasSize(24);
        assertThat(rows.getLast()).contains(lang.equals("de") ? "19,0" : "19.0");
        assertThat(scrollsSideways()).as("sideways scrolling at %d px", width).isFalse();
        assertNoViolations();
        screenshot("place-bathing-water-" + lang + "-" + (width == 390 ? "390" : "desktop"));
      }
    }
  }

  @Test
  void anUnknownPlaceIsAnAccessibleGermanPage() {
    browser.get(base() + "/orte/urn:ngsi-ld:Nothing:here");

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ort nicht gefunden");
    assertNoViolations();
    screenshot("place-not-found-de-desktop");
  }

  /** A bathing water with an hourly water temperature over the last 24 hours, 19.0 °C last. */
  private String bathingWaterWithADayOfHistory() {
    String id = "urn:ngsi-ld:WaterQualityObserved:strand:" + UUID.randomUUID();
    PlaceData data = new PlaceData(base());
    data.create(
        "strand",
        PlaceData.WATER_CONTEXT,
        """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser Nordstrand"},
         "description": {"type": "LanguageProperty", "languageMap": {
           "de": "Messstelle am Nordstrand.", "en": "Station at the north beach."}},
         "temperature": {"type": "Property", "value": 17.5, "observedAt": "2026-06-01T08:00:00Z"},
         "escherichiaColi": {"type": "Property", "value": 40, "observedAt": "2026-06-01T08:00:00Z"},
         "enterococci": {"type": "Property", "value": 12, "observedAt": "2026-06-01T08:00:00Z"},
         "dataProvider": {"type": "Property", "value": "Landesamt Test"}}
        """
            .formatted(id));
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    List<String> instances = new ArrayList<>();
    for (int hour = 23; hour >= 0; hour--) {
      double value = hour == 0 ? 19.0 : 15.0 + (hour % 5) * 0.5;
      instances.add(PlaceData.instance(value, now.minus(hour, ChronoUnit.HOURS).plusSeconds(60)));
    }
    data.addWaterHistory("strand", id, "temperature", instances);
    return id;
  }

  private boolean scrollsSideways() {
    Object wider =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    return Boolean.TRUE.equals(wider);
  }

  /** No violation of any axe-core rule, whatever its impact. */
  private void assertNoViolations() {
    Results results = new AxeBuilder().analyze(browser);
    assertThat(results.getViolations().stream().map(PlaceBrowserIT::describe).toList())
        .as(browser.getCurrentUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }

  private void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
