package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.app.HeadlessChromium;
import org.sundwerk.business.partner.Partners;

/**
 * The partner and operator workplaces in headless Chromium: an organisation applies, an operator
 * reviews the application at /betrieb/partner and approves it, the owner accepts the partner terms
 * at /werkstatt. axe-core checks every page against WCAG 2.1 AA, on the desktop and at 390 px, in
 * German and in English.
 */
class WorkplacePartnerBrowserIT extends PortalTest {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  @Autowired Accounts accounts;
  @Autowired Partners partners;

  private WebDriver browser;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeEach
  void openBrowser() throws IOException {
    Workplaces.terms(partners);
    chromium = HeadlessChromium.open("--window-size=1280,1400");
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
  void anOperatorApprovesAnApplicationAndItsOwnerAcceptsTheTerms() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String id = "hafencafe-" + suffix;
    String applicant = newAddress("applicant");
    Workplaces.person(accounts, applicant, "Greta Beispiel");
    String operator = newAddress("operator");
    Workplaces.operator(accounts, operator);

    signIn(applicant);
    browser.get(base() + "/partner/bewerben");
    assertEverywhere("/partner/bewerben");
    browser.findElement(By.id("displayName")).sendKeys("Hafencafé " + suffix);
    browser.findElement(By.id("legalName")).sendKeys("Hafencafé " + suffix + " OHG");
    browser.findElement(By.id("street")).sendKeys("Hafenstraße 9");
    browser.findElement(By.id("postcode")).sendKeys("18439");
    browser.findElement(By.id("city")).sendKeys("Stralsund");
    browser.findElement(By.id("contactName")).sendKeys("Greta Beispiel");
    browser.findElement(By.id("contactRole")).sendKeys("Inhaberin");
    browser.findElement(By.id("contactEmail")).sendKeys("greta@example.org");
    browser.findElement(By.id("iban")).sendKeys("DE89 3704 0044 0532 0130 00");
    browser.findElement(By.id("apply-submit")).click();
    wait.until(b -> !b.findElements(By.id("apply-sent")).isEmpty());
    assertMeetsWcag21AA();
    signOut();

    signIn(operator);
    browser.findElement(By.id("nav-operations")).click();
    wait.until(b -> !b.findElements(By.id("to-partners")).isEmpty());
    assertEverywhere("/betrieb");
    browser.get(base() + "/betrieb/partner");
    assertEverywhere("/betrieb/partner");
    browser.findElement(By.id("reason-" + id)).sendKeys("Angaben vollständig");
    browser.findElement(By.id("approve-" + id)).click();
    wait.until(b -> !b.findElements(By.id("partners-done")).isEmpty());
    assertThat(browser.findElement(By.id("partner-" + id)).getText()).contains("zugelassen");
    signOut();

    signIn(applicant);
    browser.findElement(By.id("nav-workplace")).click();
    wait.until(b -> !b.findElements(By.id("accept-terms")).isEmpty());
    assertThat(browser.findElement(By.id("terms-text")).getText()).contains("Partnerbedingungen");
    assertEverywhere("/werkstatt");
    browser.findElement(By.id("accept-terms")).click();
    wait.until(b -> b.findElement(By.id("partner-status")).getText().equals("aktiv"));
    assertThat(browser.findElements(By.id("accept-terms"))).isEmpty();
    assertEverywhere("/werkstatt");
  }

  private void signIn(String email) {
    browser.get(base() + "/login");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/account"));
  }

  private void signOut() {
    browser.findElement(By.id("logout")).click();
    wait.until(b -> !b.findElements(By.id("nav-login")).isEmpty());
  }

  /**
   * Checks {@code path} in German and English, on the desktop and at 390 px, and leaves the browser
   * on it in German on the desktop.
   */
  private void assertEverywhere(String path) {
    for (String lang : List.of("en", "de")) {
      for (int width : new int[] {390, 1280}) {
        browser.manage().window().setSize(new Dimension(width, 1400));
        browser.get(base() + path + "?lang=" + lang);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        assertMeetsWcag21AA();
        if (width == 390) {
          Object overflow =
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth > window.innerWidth + 1;");
          assertThat(overflow).as(path + " scrolls sideways at 390 px").isEqualTo(false);
        }
      }
    }
  }

  /** No violation of WCAG 2.1 A or AA rules, whatever their impact. */
  private void assertMeetsWcag21AA() {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
    assertThat(results.getViolations().stream().map(WorkplacePartnerBrowserIT::describe).toList())
        .as(browser.getCurrentUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
  }
}
