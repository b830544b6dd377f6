package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sundwerk.app.HeadlessChromium;

/**
 * A resident's way through the portal in headless Chromium (Debian's chromium and chromedriver):
 * register, confirm the address with the link GreenMail received, sign in, create an API key (shown
 * once), use it on the NGSI-LD API, revoke it (htmx, with the CSRF token from the meta tag) and see
 * it refused. axe-core checks the login, registration and account pages against WCAG 2.1 AA.
 */
class AccountBrowserIT extends PortalTest {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Pattern KEY = Pattern.compile("sw_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    chromium = HeadlessChromium.open("--window-size=1280,1400");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // htmx replaces a key's row: an element found just before the swap goes stale.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void registersConfirmsSignsInCreatesUsesAndRevokesAKey() {
    String address = newAddress("browser");

    browser.get(base() + "/register");
    assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
    assertMeetsWcag21AA();
    Instant before = Instant.now();
    browser.findElement(By.id("email")).sendKeys(address);
    browser.findElement(By.id("displayName")).sendKeys("Browser Resident");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("register")).click();
    wait.until(b -> !b.findElements(By.id("notice")).isEmpty());

    browser.get(linkMailedTo(address, before));
    browser.findElement(By.id("verify")).click();
    wait.until(b -> b.findElement(By.tagName("h1")).getText().equals("Adresse bestätigt"));
    browser.findElement(By.id("to-login")).click();

    wait.until(b -> !b.findElements(By.id("login")).isEmpty());
    assertMeetsWcag21AA();
    browser.findElement(By.id("email")).sendKeys(address);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/account"));
    assertThat(browser.findElement(By.id("profile-email")).getText()).isEqualTo(address);
    assertMeetsWcag21AA();

    browser.findElement(By.id("key-name")).sendKeys("Wetterstation Hafen");
    browser.findElement(By.id("create-key")).click();
    String key = wait.until(b -> b.findElement(By.id("created-key"))).getText();
    assertThat(key).matches(KEY);
    assertMeetsWcag21AA();
    browser.get(base() + "/account");
    assertThat(browser.getPageSource()).doesNotContain(key).contains("Wetterstation Hafen");

    assertThat(visitor().get("/ngsi-ld/v1/types", "X-API-Key", key).status()).isEqualTo(200);

    browser.findElement(By.cssSelector("tr.key button.revoke")).click();
    wait.until(b -> b.findElement(By.cssSelector("tr.key")).getText().contains("widerrufen"));
    assertThat(browser.getCurrentUrl()).endsWith("/account");

    assertThat(visitor().get("/ngsi-ld/v1/types", "X-API-Key", key).status()).isEqualTo(401);
  }

  @Test
  void theAccountPagesMeetWcag21AAInEnglishToo() {
    browser.get(base() + "/login?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    assertMeetsWcag21AA();
    browser.findElement(By.id("nav-register")).click();
    wait.until(b -> b.findElement(By.tagName("h1")).getText().equals("Create an account"));
    browser.findElement(By.id("register")).click();
    assertMeetsWcag21AA();
  }

  /** No violation of WCAG 2.1 A or AA rules, whatever their impact. */
  private void assertMeetsWcag21AA() {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
    assertThat(results.getViolations().stream().map(AccountBrowserIT::describe).toList())
        .as(browser.getCurrentUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
