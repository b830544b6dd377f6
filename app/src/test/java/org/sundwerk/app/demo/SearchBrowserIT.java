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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;
import org.sundwerk.app.PageChecks;

/**
 * The search page with the demo city in headless Chromium (Debian's chromium and chromedriver): a
 * resident finds the street-lighting service by "Beleuchtung" and the right places by "Hafen",
 * "Ozeaneum", "Parkhaus" and "Strandbad", with the keyboard only, on a desktop and a 390 px wide
 * phone, in German and English; axe-core reports no violation of any impact on any of these pages.
 * Screenshots go to {@code target/screenshots/}.
 */
class SearchBrowserIT extends CityTest {

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
  void findsTheStreetLightingServiceAndThePlacesOfTheDemoCityInGerman() {
    browser.get(base() + "/");
    // From the map to the search by the navigation, with the keyboard.
    browser.findElement(By.id("nav-search")).sendKeys(Keys.ENTER);
    wait.until(b -> b.getCurrentUrl().endsWith("/suche"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Suche");
    PageChecks.assertNoViolations(browser);

    search("Beleuchtung");
    assertThat(status()).isEqualTo("1 Treffer für „Beleuchtung“.");
    assertThat(titles("service")).containsExactly("Defekte Straßenbeleuchtung melden");
    assertThat(browser.findElement(By.cssSelector("#results-service a")).getDomAttribute("href"))
        .isEqualTo("/dienste/maengelmelder-strassenbeleuchtung");
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "search-de-desktop");

    search("Hafen");
    assertThat(titles("place"))
        .contains("Parkhaus Am Hafen", "Wetterstation Hafen", "Ladestation Am Hafen", "Hafenfest");
    assertThat(titles("place").getFirst()).contains("Hafen");

    search("Ozeaneum");
    assertThat(titles("place").getFirst()).isEqualTo("Ozeaneum");
    assertThat(browser.findElement(By.cssSelector("#results-place a")).getDomAttribute("href"))
        .isEqualTo("/orte/urn:ngsi-ld:Museum:stralsund:ozeaneum");

    search("Parkhaus");
    assertThat(titles("place").subList(0, 3))
        .containsExactlyInAnyOrder(
            "Parkhaus Am Hafen", "Parkhaus Am Ozeaneum", "Parkhaus Am Bahnhof");

    search("Strasse");
    assertThat(titles("place")).contains("Container Ossenreyerstraße", "Container Hafenstraße");

    search("Xylophon");
    assertThat(status()).isEqualTo("Keine Treffer für „Xylophon“.");
    assertThat(browser.findElement(By.id("no-results")).isDisplayed()).isTrue();
    PageChecks.assertNoViolations(browser);

    search("ab");
    assertThat(status()).isEqualTo("Bitte geben Sie mindestens 3 Buchstaben ein.");
  }

  @Test
  void fitsA390PixelPhoneInGermanAndEnglish() {
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(base() + "/suche?lang=de");
    search("Strandbad");
    // The beach, then its bathing water.
    assertThat(titles("place")).containsExactly("Strandbad Stralsund", "Badewasser Strandbad");
    PageChecks.assertNoHorizontalScrolling(browser);
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "search-de-390");

    browser.findElement(By.id("language")).sendKeys(Keys.ENTER);
    wait.until(b -> "en".equals(b.findElement(By.tagName("html")).getDomAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Search");
    // The two places and the catalog's bathing-water service.
    assertThat(status()).isEqualTo("3 results for “Strandbad”.");
    assertThat(titles("service")).containsExactly("Bathing water quality at the lido");
    assertThat(browser.findElement(By.cssSelector("#results-place h2")).getText())
        .isEqualTo("Places (2)");
    PageChecks.assertNoHorizontalScrolling(browser);
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "search-en-390");
  }

  @Test
  void searchesInEnglishOnADesktop() {
    browser.get(base() + "/suche?lang=en");
    search("harbour");
    assertThat(status()).endsWith("results for “harbour”.");
    assertThat(titles("place")).contains("Harbour festival", "Parkhaus Am Hafen");
    search("Beleuchtung");
    assertThat(titles("service")).containsExactly("Report a broken street light");
    PageChecks.assertNoViolations(browser);
    PageChecks.screenshot(browser, "search-en-desktop");
  }

  /** Types the query into the field and submits with Enter, as a keyboard user does. */
  private void search(String query) {
    WebElement field = browser.findElement(By.id("q"));
    field.clear();
    field.sendKeys(query);
    field.sendKeys(Keys.ENTER);
    // The form is sent with GET: a new page, on which the old field is gone.
    wait.until(ExpectedConditions.stalenessOf(field));
    wait.until(b -> b.findElement(By.id("q")).getDomProperty("value").equals(query));
  }

  private String status() {
    return browser.findElement(By.id("search-status")).getText().strip();
  }

  private List<String> titles(String kind) {
    return browser.findElements(By.cssSelector("#results-" + kind + " a.hit-link")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
