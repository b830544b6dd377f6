package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live city map in headless Chromium (Debian's chromium and chromedriver): markers and the list
 * appear, the filter and the language switch work, a new reading shows up without reload, and
 * axe-core finds no serious or critical accessibility violation in either language. No tiles are
 * configured: the test runs without internet.
 */
class CityMapBrowserIT extends CityTest {

  private static final Set<String> BLOCKING = Set.of("serious", "critical");
  // 30 places and sensors, 3 of them events, plus 3 winter events for the front doors.
  private static final int STRALSUND_ENTITIES = 33;
  private static final int STRALSUND_CAR_PARKS = 6;

  private WebDriver browser;
  private WebDriverWait wait;
  private Path profile;

  @BeforeEach
  void openBrowser() throws IOException {
    profile = Files.createTempDirectory("sundwerk-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1400",
        "--user-data-dir=" + profile);
    // A German browser: the portal follows Accept-Language until a language is chosen.
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "de-DE,de"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (UncheckedIOException ignored) {
      // a leftover profile in the temp directory is harmless
    }
  }

  @Test
  void showsTheMapWithMarkersAndTheListInGermanThenInEnglish() {
    browser.get(base() + "/?tenant=stralsund");

    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live-Stadtkarte");
    wait.until(b -> markers().size() == STRALSUND_ENTITIES);
    assertThat(rows()).hasSize(STRALSUND_ENTITIES);
    assertThat(browser.findElement(By.id("entity-list")).getText()).contains("Ozeaneum", "frei");
    assertNoSeriousViolations();

    browser.findElement(By.id("language")).click();

    wait.until(b -> "en".equals(b.findElement(By.tagName("html")).getDomAttribute("lang")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live city map");
    wait.until(b -> markers().size() == STRALSUND_ENTITIES);
    assertThat(browser.findElement(By.id("entity-list")).getText()).contains("spaces free");
    assertNoSeriousViolations();
  }

  @Test
  void filtersMapAndListByKind() {
    browser.get(base() + "/?tenant=stralsund&lang=de");
    wait.until(b -> markers().size() == STRALSUND_ENTITIES);

    browser.findElement(By.id("kind-parking")).click();

    wait.until(b -> markers().size() == STRALSUND_ENTITIES - STRALSUND_CAR_PARKS);
    assertThat(browser.findElements(By.cssSelector("path.sw-marker.kind-parking"))).isEmpty();
    wait.until(b -> rows().size() == STRALSUND_ENTITIES - STRALSUND_CAR_PARKS);
  }

  @Test
  void showsANewReadingWithoutReload() {
    browser.get(base() + "/?tenant=stralsund&lang=en");
    wait.until(b -> markers().size() == STRALSUND_ENTITIES);

    Response response =
        post(
            "/ingestion/json/stralsund/urn:ngsi-ld:OffStreetParking:stralsund:parkplatz-quartier-65",
            "{\"availableSpotNumber\": 3}".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(200);

    wait.until(
        b ->
            b.findElement(By.id("entity-list")).getText().contains("3 of 80 spaces free")
                && !b.findElements(By.cssSelector("path.sw-marker.kind-parking.level-alert"))
                    .isEmpty());
  }

  private List<WebElement> markers() {
    return browser.findElements(By.cssSelector("path.sw-marker"));
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#entity-list tbody tr.row"));
  }

  private void assertNoSeriousViolations() {
    Results results = new AxeBuilder().analyze(browser);
    List<String> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING.contains(rule.getImpact()))
            .map(CityMapBrowserIT::describe)
            .toList();
    assertThat(blocking).isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
