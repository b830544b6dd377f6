package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;
import org.sundwerk.app.PageChecks;

/**
 * The public service catalog of the demo city in headless Chromium: a visitor reaches it from the
 * navigation, searches and filters it with the plain form, and opens a service with its live-data
 * places, on a desktop and a 390 px phone, in German and English; axe-core reports no violation.
 * Screenshots go to {@code target/screenshots/}.
 */
class CatalogBrowserIT extends CityTest {

  private WebDriver browser;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--window-size=1280,900");
    browser = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void searchesFiltersAndOpensAServiceInGermanOnADesktop() {
    browser.get(base() + "/");
    browser.findElement(By.id("nav-catalog")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(b -> b.getCurrentUrl().contains("/dienste"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dienste");
    PageChecks.assertNoViolations(browser);

    browser.findElement(By.id("catalog-q")).sendKeys("rad");
    new Select(browser.findElement(By.id("catalog-targetGroup"))).selectByValue("tourists");
    browser.findElement(By.id("catalog-submit")).click();

    assertThat(names())
        .contains("Sundrad Fahrradverleih")
        .doesNotContain("Seniorenshuttle Knieper");
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "catalog-de-desktop");

    browser.findElement(By.linkText("Sundrad Fahrradverleih")).click();
    assertThat(browser.findElement(By.id("service-name")).getText())
        .isEqualTo("Sundrad Fahrradverleih");
    assertThat(browser.findElements(By.cssSelector("#service-live a"))).isNotEmpty();
    assertThat(browser.findElement(By.id("service-offers")).getText())
        .isEqualTo("Angebote und Preise");
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "catalog-service-de-desktop");

    browser.get(base() + "/dienste/badewasser-strandbad");
    browser.findElement(By.id("easy-toggle")).click();
    assertThat(browser.findElement(By.id("service-description")).getText()).contains("Strand-Bad");
    PageChecks.assertNoViolations(browser);
  }

  @Test
  void fitsA390PixelPhoneInGermanAndEnglish() {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String lang : List.of("de", "en")) {
      browser.get(base() + "/dienste?lang=" + lang + "&season=winter");
      assertThat(names())
          .contains(
              lang.equals("de")
                  ? "Weihnachtsmarkt Alter Markt"
                  : "Christmas market at the Alter Markt");
      PageChecks.assertNoHorizontalScrolling(browser);
      PageChecks.assertNoViolations(browser);
      PageChecks.screenshot(browser, "catalog-" + lang + "-390");
      browser.get(base() + "/dienste/parkleitsystem?lang=" + lang);
      assertThat(browser.findElement(By.id("service-name")).getText())
          .isEqualTo(lang.equals("de") ? "Parkleitsystem Altstadt" : "Car park guidance old town");
      PageChecks.assertNoHorizontalScrolling(browser);
      PageChecks.assertNoViolations(browser);
      PageChecks.screenshot(browser, "catalog-service-" + lang + "-390");
    }
  }

  private List<String> names() {
    return browser.findElements(By.cssSelector("#catalog-results h2")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
