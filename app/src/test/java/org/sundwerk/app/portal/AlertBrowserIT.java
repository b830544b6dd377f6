package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;

/**
 * Alerts in headless Chromium: a resident signs in, follows the bathing water warning of Stralsund
 * and, with the "Folgen" button, one bathing site; gets the mail when E. coli passes the limit,
 * opens its unsubscribe link and confirms; removes the other follow on the notifications page. axe
 * reports no violation (any rule, any impact) on the notifications page and the unsubscribe pages,
 * in German and English, at 1280 and 390 px; screenshots go to {@code target/screenshots/}.
 */
class AlertBrowserIT extends PortalTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--window-size=1280,900");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aResidentFollowsAWarningAndAPlaceGetsTheMailAndUnsubscribes() throws Exception {
    AlertTest api = new AlertTest();
    api.port = port;
    String water = api.createWater("browser-" + UUID.randomUUID().toString().substring(0, 8), 40);
    String address = newAddress("browser-alerts");
    registered(address, "Browser Schwimmer");

    browser.get(base() + "/login");
    browser.findElement(By.id("email")).sendKeys(address);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/account"));

    browser.get(base() + "/konto/benachrichtigungen");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Ihre Benachrichtigungen");
    assertThat(browser.findElements(By.id("no-follows"))).hasSize(1);
    assertNoViolations();

    // The place's button, as the detail page of a place includes it (alert/follow :: button).
    followPlaceAsItsDetailPageWould(water);
    wait.until(b -> !b.findElements(By.id("followed")).isEmpty());
    assertThat(browser.findElement(By.id("followed")).getText())
        .isEqualTo("Sie folgen jetzt „Badewasser Test“: Badewasser belastet.");

    browser.findElement(By.cssSelector("label[for=warning-water]")).click();
    browser.findElement(By.id("follow-warning")).click();
    wait.until(b -> b.findElements(By.cssSelector("li.follow")).size() == 2);
    assertThat(browser.findElement(By.id("followed")).getText())
        .isEqualTo("Sie folgen jetzt „Hansestadt Stralsund“: Badewasser belastet.");
    assertNoViolations();
    screenshots("alert-follows");

    assertThat(api.patchEColi(water, 1200)).isEqualTo(204);
    // One mail per follow: the place's and the warning's.
    MimeMessage mail = awaitMail(address, "Badewasser Test");
    awaitMail(address, "Hansestadt Stralsund");
    assertThat(AlertTest.mailsTo(address)).hasSize(2);
    Matcher link =
        Pattern.compile("(https?://\\S+/abbestellen\\?\\S+)").matcher(mail.getContent().toString());
    assertThat(link.find()).isTrue();

    browser.get(link.group(1));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Benachrichtigung abbestellen");
    assertNoViolations();
    screenshots("alert-unsubscribe");
    browser.findElement(By.id("unsubscribe")).click();
    wait.until(b -> b.findElement(By.tagName("h1")).getText().equals("Abbestellt"));
    assertNoViolations();
    screenshotsOfThisPage("alert-unsubscribed");

    // The done page offers the place's follow button (the fragment): the resident is signed in.
    browser.findElement(By.cssSelector("form.follow-place button.follow")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/konto/benachrichtigungen"));
    wait.until(b -> b.findElements(By.cssSelector("li.follow")).size() == 2);

    browser.findElements(By.cssSelector("li.follow button.remove")).getFirst().click();
    wait.until(b -> !b.findElements(By.id("removed")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("li.follow"))).hasSize(1);
    assertNoViolations();
  }

  private static MimeMessage awaitMail(String address, String about) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (MimeMessage mail : AlertTest.mailsTo(address)) {
        if (AlertTest.subject(mail).endsWith(about)) {
          return mail;
        }
      }
      MAIL.waitForIncomingEmail(200, MAIL.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no alert about " + about + " to " + address);
  }

  /**
   * Posts what the follow button of a place's detail page posts (that page is another part of the
   * portal; the button itself is clicked on the unsubscribe page below).
   */
  private void followPlaceAsItsDetailPageWould(String id) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "const f = document.createElement('form'); f.method = 'post'; f.action = '/folgen';"
                + "for (const [k, v] of [['id', arguments[0]], ['m', 'stralsund'],"
                + " ['_csrf', document.querySelector('meta[name=csrf-token]').content]]) {"
                + " const i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
                + " i.value = v; f.appendChild(i); }"
                + "document.body.appendChild(f); f.submit();",
            id);
  }

  /** Desktop and 390 px, German and English, of the page now open. */
  private void screenshots(String name) throws IOException {
    String url = browser.getCurrentUrl().replaceAll("[?&]lang=\\w+", "");
    String separator = url.contains("?") ? "&" : "?";
    Files.createDirectories(SCREENSHOTS);
    for (String lang : new String[] {"de", "en"}) {
      for (int width : new int[] {1280, 390}) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(url + separator + "lang=" + lang);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertNoViolations();
        Long overflow =
            (Long)
                ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript(
                        "return document.documentElement.scrollWidth"
                            + " - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling at %d px", width).isLessThanOrEqualTo(0L);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(
            shot.toPath(),
            SCREENSHOTS.resolve(
                name + "-" + lang + "-" + (width == 1280 ? "desktop" : "390") + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(url + separator + "lang=de");
  }

  /** Desktop and 390 px of a page that cannot be loaded again (the answer to a POST). */
  private void screenshotsOfThisPage(String name) throws IOException {
    String lang = browser.findElement(By.tagName("html")).getDomAttribute("lang");
    for (int width : new int[] {1280, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      assertNoViolations();
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          SCREENSHOTS.resolve(
              name + "-" + lang + "-" + (width == 1280 ? "desktop" : "390") + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  /** No axe violation of any rule and impact (WCAG 2.1 A/AA and best practices). */
  private void assertNoViolations() {
    Results results = new AxeBuilder().analyze(browser);
    assertThat(results.getViolations().stream().map(AlertBrowserIT::describe).toList())
        .as(browser.getCurrentUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
