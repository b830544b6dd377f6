package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.HeadlessChromium;
import org.sundwerk.app.PageChecks;
import org.sundwerk.app.TestServices;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.Offers;

/**
 * Offers in headless Chromium: a signed-in resident orders a subscription with consent, sees it
 * among the orders and cancels it; a partner member creates an offer in the workplace and publishes
 * it. axe reports no violation (any rule, any impact) on every page, in German and English, at 1280
 * and 390 px, without horizontal scrolling; screenshots go to {@code target/screenshots/}.
 */
class OfferBrowserIT extends PortalTest {

  private static final TenantId CITY = TenantId.of("stralsund");

  @Autowired Offers offers;
  @Autowired Services services;
  @Autowired Accounts accounts;

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

  private void signIn(String address) {
    browser.get(base() + "/login");
    browser.findElement(By.id("email")).sendKeys(address);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/account"));
  }

  @Test
  void aResidentOrdersASubscriptionSeesItAndCancels() throws IOException {
    String service = TestServices.of(services, CITY, "sundtour");
    OfferId id = new OfferId("stralsund-card-" + service);
    offers.create(
        CITY,
        id,
        new PartnerId("sundtour"),
        new OfferDraft(
            service,
            Text.of("Stralsund-Card im Abo", "Stralsund Card subscription"),
            Text.of("Freier Eintritt in teilnehmende Museen.", "Free entry to museums."),
            new BusinessModel.Subscription(
                BusinessModel.Period.MONTHLY, Money.euros("12.90"), 14, 3),
            VatRate.STANDARD,
            LocalDate.of(2026, 1, 1),
            Optional.empty(),
            Optional.empty()));
    offers.publish(CITY, id);
    String address = newAddress("browser-offer");
    registered(address, "Browser Kundin");
    signIn(address);

    browser.get(base() + "/dienste/" + service + "/angebote");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Angebote für Dienst " + service);
    screenshots("offer-list");

    browser.findElement(By.id("order-" + id.value())).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/bestellen"));
    screenshots("offer-order");
    browser.findElement(By.cssSelector("label[for=consent]")).click();
    browser.findElement(By.id("place-order")).click();
    wait.until(b -> !b.findElements(By.id("ordered")).isEmpty());
    screenshotsOfThisPage("offer-ordered");

    browser.findElement(By.id("to-orders")).click();
    wait.until(b -> b.getCurrentUrl().endsWith("/konto/bestellungen"));
    assertThat(browser.findElement(By.cssSelector(".order-status")).getText()).isEqualTo("läuft");
    screenshots("offer-orders");

    browser.findElement(By.cssSelector("button.cancel")).click();
    wait.until(b -> !b.findElements(By.id("cancelled")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".order-status")).getText())
        .isEqualTo("gekündigt");
    assertThat(browser.findElements(By.cssSelector("button.cancel"))).isEmpty();
    PageChecks.assertNoViolations(browser);
  }

  @Test
  void aPartnerCreatesAndPublishesAnOffer() throws IOException {
    String service = TestServices.of(services, CITY, "radhaus");
    String address = newAddress("browser-partner");
    registered(address, "Browser Radhaus");
    accounts.grant(
        accounts.findByEmail(address).orElseThrow().id(),
        new Role.Member(CITY, new PartnerId("radhaus"), PartnerRole.EDITOR));
    signIn(address);

    browser.get(base() + "/werkstatt/angebote");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Angebote von radhaus");
    screenshots("offer-workplace-empty");

    browser.findElement(By.id("service")).sendKeys(service);
    browser.findElement(By.id("offer-id")).sendKeys(service);
    browser.findElement(By.id("name-de")).sendKeys("Leihrad Monatsabo");
    browser.findElement(By.id("terms-de")).sendKeys("Monatlich kündbar.");
    browser.findElement(By.cssSelector("label[for=kind-subscription]")).click();
    browser.findElement(By.id("price")).sendKeys("9,90");
    browser.findElement(By.id("create-offer")).click();
    wait.until(b -> !b.findElements(By.id("created")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#own-" + service + " .offer-status")).getText())
        .isEqualTo("Entwurf");

    browser.findElement(By.id("publish-" + service)).click();
    wait.until(b -> !b.findElements(By.id("moved")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("#own-" + service + " .offer-status")).getText())
        .isEqualTo("veröffentlicht");
    screenshots("offer-workplace");

    browser.get(base() + "/werkstatt/bestellungen");
    screenshots("offer-workplace-orders");
  }

  /** Desktop and 390 px, German and English, of the page now open. */
  private void screenshots(String name) throws IOException {
    String url = browser.getCurrentUrl().replaceAll("[?&]lang=\\w+", "");
    String separator = url.contains("?") ? "&" : "?";
    for (String lang : new String[] {"de", "en"}) {
      for (int width : new int[] {1280, 390}) {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.get(url + separator + "lang=" + lang);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(lang);
        shoot(name + "-" + lang, width);
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
      shoot(name + "-" + lang, width);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  /** Checks the page at {@code width} (axe, no horizontal scrolling) and saves its screenshot. */
  private void shoot(String name, int width) {
    PageChecks.assertNoViolations(browser);
    PageChecks.assertNoHorizontalScrolling(browser);
    PageChecks.screenshot(browser, name + "-" + (width == 1280 ? "desktop" : "390"));
  }
}
