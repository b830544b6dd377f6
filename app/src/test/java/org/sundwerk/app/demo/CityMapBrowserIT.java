package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;

/**
 * The live city map in headless Chromium (Debian's chromium and chromedriver): markers (links with
 * a symbol per kind) and the list appear, the legend explains kinds and levels, filters stay in the
 * URL, changes pushed by server-sent events update one marker without moving the keyboard focus,
 * Enter on a marker opens its detail page, and no tile is requested before the visitor consents.
 * axe-core finds no violation of any impact, in German and English, on desktop and at 390 px.
 * Screenshots go to {@code target/screenshots/}. The configured tile server ({@link CityTest}) does
 * not exist: the test runs without internet.
 */
class CityMapBrowserIT extends CityTest {

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
  void showsTheMapWithLegendMarkersAndListInGermanThenInEnglish() throws IOException {
    browser.get(base() + "/?tenant=stralsund");

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live-Stadtkarte");
    awaitAllMarkers();
    String list = browser.findElement(By.id("entity-list")).getText();
    assertThat(list).contains("Ozeaneum", "frei", "gemessen am");
    // Dates as Germans write them, no ISO dates, no events that are over.
    assertThat(list).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    assertThat(list)
        .doesNotContain("Hafenfest")
        .contains("Weihnachtsmarkt", "ab 23. November 2026");
    assertThat(browser.findElement(By.className("legend")).getText())
        .contains("Legende", "gut", "Achtung", "kritisch", "Badewasser");
    // Kinds differ by symbol, not by colour alone.
    assertThat(symbols()).contains("#sym-parking", "#sym-water", "#sym-museum", "#sym-bike");
    assertThat(browser.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
    assertThat(noViolations()).isEmpty();
    screenshot("map-desktop-de");

    browser.findElement(By.id("language")).click();

    wait.until(b -> "en".equals(b.findElement(By.tagName("html")).getDomAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live city map");
    awaitAllMarkers();
    assertThat(browser.findElement(By.id("entity-list")).getText())
        .contains("spaces free", "measured");
    assertThat(noViolations()).isEmpty();
    screenshot("map-desktop-en");
  }

  @Test
  void fitsA390PixelPhoneInBothLanguages() throws IOException {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String lang : List.of("de", "en")) {
      browser.get(base() + "/?tenant=stralsund&lang=" + lang);
      awaitAllMarkers();

      Long overflow =
          (Long)
              js(
                  "return document.documentElement.scrollWidth"
                      + " - document.documentElement.clientWidth;");
      assertThat(overflow)
          .as("horizontal overflow at 390 px (" + lang + ")")
          .isLessThanOrEqualTo(0);
      assertThat(noViolations()).isEmpty();
      screenshot("map-390-" + lang);
    }
  }

  @Test
  void filtersMapAndListByKindAndKeepsTheFilterInTheUrl() {
    browser.get(base() + "/?tenant=stralsund&lang=de");
    awaitAllMarkers();
    int all = pins().size();

    browser.findElement(By.id("kind-parking")).click();

    wait.until(b -> pins().size() < all);
    assertThat(browser.findElements(By.cssSelector("a.pin.kind-parking"))).isEmpty();
    assertThat(visibleRows()).hasSize(pins().size());
    String url = browser.getCurrentUrl();
    assertThat(url)
        .contains("tenant=stralsund", "lang=de", "kind=water")
        .doesNotContain("kind=parking");

    browser.get(url);

    awaitRows();
    assertThat(browser.findElement(By.id("kind-parking")).isSelected()).isFalse();
    wait.until(b -> pins().size() == visibleRows().size());
    assertThat(browser.findElements(By.cssSelector("a.pin.kind-parking"))).isEmpty();
  }

  /**
   * WCAG 2.1.1 and 2.2.2: every marker is reached with Tab; while the focused marker's car park
   * fills up (a PATCH through the NGSI-LD API, pushed by server-sent events) the focus stays on it;
   * Enter opens the detail page; Back returns to the map.
   */
  @Test
  void keyboardReachesEveryMarkerAndKeepsFocusWhileUpdatesArrive() {
    browser.get(base() + "/?tenant=stralsund&lang=de");
    awaitAllMarkers();
    wait.until(b -> "true".equals(mapElement().getDomAttribute("data-connected")));
    int all = pins().size();

    WebElement first = tabUntil(e -> e.getTagName().equals("a") && hasClass(e, "pin"), 80);
    String firstId = first.getDomAttribute("data-id");
    // The list and the map start with the car parks, what most people look for.
    assertThat(firstId).startsWith("urn:ngsi-ld:OffStreetParking:stralsund:");
    int before = entity(STRALSUND, firstId).at("/availableSpotNumber/value").asInt();
    assertThat(patch(firstId, "{\"availableSpotNumber\": 2}")).isEqualTo(204);
    wait.until(b -> hasClass(first, "level-alert"));
    wait.until(b -> rowText(firstId).contains("2 von "));
    assertThat(focused().getDomAttribute("data-id")).isEqualTo(firstId);
    assertThat(js("return document.activeElement === arguments[0];", first)).isEqualTo(true);
    patch(firstId, "{\"availableSpotNumber\": " + before + "}");
    wait.until(b -> !hasClass(first, "level-alert"));
    assertThat(js("return document.activeElement === arguments[0];", first)).isEqualTo(true);

    Set<String> reached = new LinkedHashSet<>();
    reached.add(firstId);
    for (int i = 1; i < all; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement now = focused();
      assertThat(hasClass(now, "pin")).as("Tab %d reached %s", i, now.getText()).isTrue();
      reached.add(now.getDomAttribute("data-id"));
    }
    assertThat(reached).hasSize(all);

    new Actions(browser).sendKeys(Keys.ENTER).perform();
    String last = reached.stream().reduce((a, b) -> b).orElseThrow();
    wait.until(
        b ->
            b.getCurrentUrl().contains("/orte/" + URLEncoder.encode(last, StandardCharsets.UTF_8)));
    browser.navigate().back();
    wait.until(b -> b.getCurrentUrl().contains("tenant=stralsund"));
    awaitAllMarkers();
  }

  /** WCAG 2.2.2: while paused nothing on the page changes; resuming applies what arrived. */
  @Test
  void pauseHoldsUpdatesUntilResumed() {
    browser.get(base() + "/?tenant=stralsund&lang=de");
    awaitAllMarkers();
    wait.until(b -> "true".equals(mapElement().getDomAttribute("data-connected")));
    String id = pins().getFirst().getDomAttribute("data-id");
    int before = entity(STRALSUND, id).at("/availableSpotNumber/value").asInt();
    String shown = rowText(id);
    WebElement pause = browser.findElement(By.id("pause"));

    pause.click();
    assertThat(pause.getDomAttribute("aria-pressed")).isEqualTo("true");
    assertThat(patch(id, "{\"availableSpotNumber\": 1}")).isEqualTo(204);
    wait.until(b -> "1".equals(pause.getDomAttribute("data-pending")));
    String whilePaused = rowText(id);
    pause.click();
    wait.until(b -> rowText(id).contains("1 von "));
    patch(id, "{\"availableSpotNumber\": " + before + "}");

    assertThat(whilePaused).isEqualTo(shown);
    assertThat(pause.getDomAttribute("aria-pressed")).isEqualTo("false");
  }

  @Test
  void requestsNoTileBeforeConsentAndRemembersIt() {
    browser.get(base() + "/?tenant=stralsund&lang=en");
    awaitAllMarkers();
    wait.until(b -> !b.findElements(By.cssSelector("path.outline")).isEmpty());

    assertThat(browser.findElements(By.cssSelector(".leaflet-tile"))).isEmpty();
    assertThat(tileRequests()).isZero();
    assertThat(browser.findElement(By.className("tiles")).getText()).contains("tiles.invalid");

    browser.findElement(By.id("tiles-consent")).click();

    wait.until(b -> !b.findElements(By.cssSelector("img.leaflet-tile")).isEmpty());
    assertThat(js("return localStorage.getItem('sundwerk.tiles');")).isEqualTo("yes");
    browser.navigate().refresh();
    wait.until(b -> !b.findElements(By.cssSelector("img.leaflet-tile")).isEmpty());
    browser.findElement(By.id("tiles-revoke")).click();
    wait.until(b -> b.findElements(By.cssSelector("img.leaflet-tile")).isEmpty());
    assertThat(js("return localStorage.getItem('sundwerk.tiles');")).isNull();
  }

  private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted, int most) {
    for (int i = 0; i < most; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement now = focused();
      if (wanted.test(now)) {
        return now;
      }
    }
    throw new AssertionError("not reached with " + most + " Tabs");
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private static boolean hasClass(WebElement element, String name) {
    String classes = element.getDomAttribute("class");
    return classes != null && List.of(classes.split("\\s+")).contains(name);
  }

  private int patch(String id, String body) {
    Response response =
        send(
            java.net.http.HttpRequest.newBuilder(
                    uri(ENTITIES + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/attrs"))
                .header("NGSILD-Tenant", STRALSUND)
                .header("Content-Type", "application/json")
                .header("Link", link(contextOf("OffStreetParking")))
                .header(org.sundwerk.app.TestAdmin.HEADER, org.sundwerk.app.TestAdmin.KEY)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    return response.status();
  }

  private String rowText(String id) {
    return browser.findElements(By.cssSelector("#entity-list li.row")).stream()
        .filter(row -> id.equals(row.getDomAttribute("data-id")))
        .findFirst()
        .map(WebElement::getText)
        .orElse("");
  }

  private long tileRequests() {
    return (Long)
        js(
            "return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.name.indexOf('tiles.invalid') >= 0; }).length;");
  }

  private Set<String> symbols() {
    Set<String> symbols = new LinkedHashSet<>();
    for (WebElement use : browser.findElements(By.cssSelector("a.pin use"))) {
      symbols.add(use.getDomAttribute("href"));
    }
    return symbols;
  }

  private WebElement mapElement() {
    return browser.findElement(By.id("map"));
  }

  private void awaitRows() {
    wait.until(b -> !visibleRows().isEmpty());
  }

  /** Every visible list entry has its marker on the map. */
  private void awaitAllMarkers() {
    awaitRows();
    wait.until(b -> pins().size() == visibleRows().size());
    assertThat(pins().size()).isGreaterThan(20);
  }

  private List<WebElement> pins() {
    return browser.findElements(By.cssSelector("a.pin"));
  }

  private List<WebElement> visibleRows() {
    return browser.findElements(By.cssSelector("#entity-list li.row:not([hidden])"));
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** axe-core's violations of any impact, described. */
  private List<String> noViolations() {
    Results results = new AxeBuilder().analyze(browser);
    return results.getViolations().stream().map(CityMapBrowserIT::describe).toList();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }

  /** The whole page: the window is stretched to the page's height for the shot. */
  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Dimension window = browser.manage().window().getSize();
    long height = (Long) js("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 100));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    browser.manage().window().setSize(window);
    Files.copy(
        shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
