package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.TestServices;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.DataProduct;
import org.sundwerk.business.offer.OfferDraft;
import org.sundwerk.business.offer.OfferId;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.Tier;
import org.sundwerk.business.offer.Tiers;

/**
 * The offer pages over HTTP as a browser uses them: a service's offers in plain words in German and
 * English, ordering with consent, one's orders and cancelling; a data product's key shown once; a
 * partner's workplace creating and publishing an offer and seeing the orders of its offers.
 */
class OfferPagesTest extends PortalTest {

  static final TenantId CITY = TenantId.of("stralsund");

  @Autowired Offers offers;
  @Autowired Accounts accounts;

  @Autowired Services services;

  private String service(String provider) {
    return TestServices.of(services, CITY, provider);
  }

  private void published(
      String id, String service, String provider, BusinessModel model, Optional<DataProduct> data) {
    offers.create(
        CITY,
        new OfferId(id),
        new PartnerId(provider),
        new OfferDraft(
            service,
            Text.of("Angebot " + id, "Offer " + id),
            Text.of("Bedingungen von " + id, "Terms of " + id),
            model,
            VatRate.STANDARD,
            LocalDate.of(2026, 1, 1),
            Optional.empty(),
            data));
    offers.publish(CITY, new OfferId(id));
  }

  private Visitor signedIn(String who, Role... roles) {
    String address = newAddress(who);
    Visitor visitor = registered(address, who);
    for (Role role : roles) {
      accounts.grant(accounts.findByEmail(address).orElseThrow().id(), role);
    }
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    return visitor;
  }

  @Test
  void aResidentReadsThePriceInPlainWordsOrdersWithConsentAndCancels() {
    String service = service("radhaus");
    String abo = "abo-" + service;
    published(
        abo,
        service,
        "radhaus",
        new BusinessModel.Subscription(BusinessModel.Period.MONTHLY, Money.euros("9.90"), 0, 0),
        Optional.empty());
    published(
        "abruf-" + service,
        service,
        "radhaus",
        new BusinessModel.Freemium(
            BusinessModel.Unit.API_CALL, 1000, Optional.of(Tiers.of(Tier.of(0, "0.02")))),
        Optional.empty());

    String german = text(visitor().get("/dienste/" + service + "/angebote"));
    assertThat(german)
        .contains("Dienst " + service)
        .contains("9,90 € im Monat, monatlich kündbar")
        .contains("1.000 Abrufe im Monat frei, danach 0,02 € je Abruf ab dem 1.001. Abruf")
        .contains("Preise netto zzgl. 19 % Umsatzsteuer");
    String english = text(visitor().get("/dienste/" + service + "/angebote?lang=en"));
    assertThat(english)
        .contains("Service " + service)
        .contains("€9.90 a month, cancel monthly")
        .contains("1,000 calls a month free, then €0.02 per call from call 1,001 on");

    Visitor resident = signedIn("resident");
    String page = "/dienste/" + service + "/angebote/" + abo + "/bestellen";
    assertThat(resident.get(page).body()).contains("Bedingungen von " + abo);
    Visitor.Page refused = resident.submitOn(page, page, "termsVersion", "1");
    assertThat(refused.body()).contains("Bitte stimmen Sie den Bedingungen zu");
    Visitor.Page ordered = resident.submitOn(page, page, "termsVersion", "1", "consent", "true");
    assertThat(ordered.status()).isEqualTo(200);
    assertThat(ordered.body()).contains("ist bestellt").doesNotContain("issued-key");

    String orders = resident.get("/konto/bestellungen").body();
    assertThat(orders).contains("Angebot " + abo).contains("läuft");
    String orderId = between(orders, "id=\"order-", "\"");
    Visitor.Page cancelled =
        resident.submitOn("/konto/bestellungen", "/konto/bestellungen/" + orderId + "/kuendigen");
    assertThat(cancelled.status()).isEqualTo(302);
    assertThat(resident.get("/konto/bestellungen").body())
        .contains("Die Bestellung endet zum angegebenen Tag")
        .contains("gekündigt")
        .doesNotContain("id=\"cancel-" + orderId + "\"");

    assertThat(visitor().get("/konto/bestellungen").status()).isEqualTo(302);
  }

  @Test
  void aDataProductShowsItsKeyOnceAfterOrdering() {
    String service = service("parkhanse");
    String data = "daten-" + service;
    published(
        data,
        service,
        "parkhanse",
        new BusinessModel.Free(),
        Optional.of(
            new DataProduct(
                Set.of("https://smartdatamodels.org/dataModel.Parking/OffStreetParking"), 60)));
    Visitor hotel =
        signedIn("hotel", new Role.Member(CITY, new PartnerId("hotel"), PartnerRole.VIEWER));

    String page = "/dienste/" + service + "/angebote/" + data + "/bestellen";
    Visitor.Page ordered = hotel.submitOn(page, page, "termsVersion", "1", "consent", "true");

    assertThat(ordered.body()).contains("id=\"issued-key\"").contains("value=\"sw_");
    String orders = hotel.get("/konto/bestellungen").body();
    assertThat(orders).contains("Angebot " + data).contains("hotel").doesNotContain("sw_");
  }

  @Test
  void aPartnerCreatesAndPublishesAnOfferAndSeesItsOrders() {
    String service = service("radhaus");
    Visitor partner =
        signedIn("radhaus", new Role.Member(CITY, new PartnerId("radhaus"), PartnerRole.EDITOR));

    Visitor.Page created =
        partner.submitOn(
            "/werkstatt/angebote",
            "/werkstatt/angebote",
            "service",
            service,
            "id",
            "neu-" + service,
            "nameDe",
            "Leihrad Tagesmiete",
            "nameEn",
            "Bike day hire",
            "termsDe",
            "Rückgabe bis 20 Uhr.",
            "termsEn",
            "",
            "kind",
            "metered",
            "unit",
            "RENTAL_HOUR",
            "unitPrice",
            "2,50",
            "vat",
            "STANDARD",
            "period",
            "MONTHLY",
            "price",
            "",
            "dataTypes",
            "");
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String workplace = text(partner.get("/werkstatt/angebote"));
    assertThat(workplace)
        .contains("Leihrad Tagesmiete")
        .contains("Entwurf")
        .contains("2,50 € je Leihstunde");

    Visitor.Page published =
        partner.submitOn(
            "/werkstatt/angebote", "/werkstatt/angebote/neu-" + service + "/veroeffentlichen");
    assertThat(published.status()).isEqualTo(302);
    assertThat(partner.get("/werkstatt/angebote").body()).contains("Angebot veröffentlicht.");
    assertThat(visitor().get("/dienste/" + service + "/angebote").body())
        .contains("Leihrad Tagesmiete");

    Visitor.Page broken =
        partner.submitOn(
            "/werkstatt/angebote",
            "/werkstatt/angebote",
            "service",
            service,
            "nameDe",
            "Kaputt",
            "termsDe",
            "x",
            "kind",
            "subscription",
            "price",
            "abc",
            "vat",
            "STANDARD",
            "period",
            "MONTHLY",
            "unit",
            "API_CALL");
    assertThat(broken.status()).isEqualTo(200);
    assertThat(broken.body()).contains("id=\"form-error\"");

    Visitor resident = signedIn("kundin");
    String page = "/dienste/" + service + "/angebote/neu-" + service + "/bestellen";
    resident.submitOn(page, page, "termsVersion", "1", "consent", "true");
    assertThat(partner.get("/werkstatt/bestellungen").body())
        .contains("Leihrad Tagesmiete")
        .contains("privat");

    // an edit of the price is a new version: the order keeps the price it bought
    String edit = "/werkstatt/angebote/neu-" + service + "/bearbeiten";
    assertThat(partner.get(edit).body()).contains("value=\"2.5000\"");
    Visitor.Page edited =
        partner.submitOn(
            edit,
            edit,
            "service",
            service,
            "nameDe",
            "Leihrad Tagesmiete",
            "termsDe",
            "Rückgabe bis 20 Uhr.",
            "kind",
            "metered",
            "unit",
            "RENTAL_HOUR",
            "unitPrice",
            "3,00",
            "vat",
            "STANDARD",
            "period",
            "MONTHLY");
    assertThat(edited.status()).as(edited.body()).isEqualTo(302);
    assertThat(text(partner.get("/werkstatt/angebote"))).contains("3,00 € je Leihstunde");
    assertThat(text(partner.get("/werkstatt/bestellungen")))
        .contains("2,50 € je Leihstunde")
        .doesNotContain("3,00 €");

    assertThat(resident.get("/werkstatt/angebote").status()).isEqualTo(404);
    assertThat(resident.get("/werkstatt/angebote?partner=radhaus").status()).isEqualTo(403);
  }

  /** The page with the no-break spaces of formatted money as plain spaces. */
  private static String text(Visitor.Page page) {
    return page.body().replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
