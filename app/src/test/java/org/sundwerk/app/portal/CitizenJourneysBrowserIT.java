package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;
import org.sundwerk.app.TestAdmin;

/**
 * The main paths of the issue, walked as a visitor does, in headless Chromium on a desktop (1280
 * px) and a phone (390 px): from the tourists' door to the nearest car park with free spaces, from
 * the map filtered to bathing water to its rating and history, and from the door to an event next
 * week. Every page on the way passes axe-core (every rule, any impact), is no wider than the
 * screen, and leaves a screenshot in {@code target/screenshots/journey-*}.
 */
class CitizenJourneysBrowserIT extends PortalClockTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--hide-scrollbars");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 390})
  void aTouristFindsTheNearestCarParkWithFreeSpaces(int width) {
    String tenant = city("parking-" + width);
    open("/touristen?tenant=" + tenant, width);
    check("journey-parking-door-" + width);

    List<WebElement> carParks =
        browser.findElements(By.cssSelector("#tile-parking a.name[href^='/orte/']"));
    // The nearest to the old town with free spaces first; the full one is not offered.
    assertThat(carParks).extracting(WebElement::getText).startsWith("Nah").doesNotContain("Voll");
    follow(carParks.getFirst());

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nah");
    assertThat(browser.findElement(By.id("values")).getText()).contains("40");
    check("journey-parking-place-" + width);
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 390})
  void aResidentChecksTheBathingWaterAndItsHistory(int width) {
    String tenant = city("water-" + width);
    Instant now = CLOCK.instant().truncatedTo(ChronoUnit.HOURS);
    for (int hoursAgo : new int[] {5, 3, 1}) {
      reading(tenant, 40 * hoursAgo, now.minus(Duration.ofHours(hoursAgo)));
    }
    open("/?tenant=" + tenant + "&kind=water", width);
    check("journey-water-map-" + width);

    follow(browser.findElement(By.cssSelector("#entity-list li.kind-water a.place")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Badewasser");
    assertThat(browser.findElement(By.id("rating")).getText()).contains("500");
    // The chart shows the first reading (the temperature) until the visitor picks E. coli.
    follow(browser.findElement(By.cssSelector("#history a[href*='attr=escherichiaColi']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
    assertThat(browser.findElements(By.cssSelector("#history-table tbody tr")))
        .hasSizeGreaterThanOrEqualTo(3);
    check("journey-water-place-" + width);

    follow(browser.findElement(By.cssSelector("ul.period a[href*='period=week']")));
    assertThat(browser.findElement(By.id("chart-summary")).getText()).isNotBlank();
    check("journey-water-week-" + width);
  }

  @ParameterizedTest
  @ValueSource(ints = {1280, 390})
  void aVisitorFindsAnEventNextWeek(int width) {
    String tenant = city("events-" + width);
    open("/touristen?tenant=" + tenant, width);

    List<WebElement> events =
        browser.findElements(By.cssSelector("#tile-events a.name[href^='/orte/']"));
    // Within the next seven days only: not the one that is over, not the one in ten days.
    assertThat(events).extracting(WebElement::getText).containsExactly("in-3-days");
    follow(events.getFirst());

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("in-3-days");
    String day =
        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(java.time.ZoneId.of("Europe/Berlin"))
            .format(CLOCK.instant().plus(Duration.ofDays(3)));
    assertThat(browser.findElement(By.id("dates")).getText()).startsWith(day).contains(" – ");
    check("journey-event-place-" + width);
  }

  /** A small city in a tenant of its own, around the test clock's now. */
  private String city(String name) {
    String tenant = "journey-" + name;
    DoorCity.create(base(), tenant, CLOCK.instant());
    return tenant;
  }

  /** An E. coli reading of the bathing water, observed at {@code at}: one instance of history. */
  private void reading(String tenant, int escherichiaColi, Instant at) {
    String id = DoorCity.id("WaterQualityObserved", tenant, "strandbad");
    String body =
        """
        {"escherichiaColi": {"type": "Property", "value": %d, "observedAt": "%s"}}
        """
            .formatted(escherichiaColi, at);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/ngsi-ld/v1/entities/" + id + "/attrs"))
            .header("Content-Type", "application/json")
            .header(
                "Link",
                "<https://raw.githubusercontent.com/smart-data-models/dataModel.WaterQuality"
                    + "/master/context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\";"
                    + " type=\"application/ld+json\"")
            .header("NGSILD-Tenant", tenant)
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void open(String path, int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    browser.get(base() + path);
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
  }

  /** Follows a link with the keyboard, as a visitor without a mouse does. */
  private void follow(WebElement link) {
    String before = browser.getCurrentUrl();
    link.sendKeys(org.openqa.selenium.Keys.ENTER);
    wait.until(b -> !b.getCurrentUrl().equals(before));
  }

  private void check(String name) {
    List<String> violations =
        new AxeBuilder()
            .analyze(browser).getViolations().stream()
                .map(CitizenJourneysBrowserIT::describe)
                .toList();
    assertThat(violations).as(browser.getCurrentUrl()).isEmpty();
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    assertThat(overflow).as(name + " wider than the screen").isEqualTo(false);
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
