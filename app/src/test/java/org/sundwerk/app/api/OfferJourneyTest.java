package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.TestKeys;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15's journey over HTTP: a bike rental applies, is approved and accepts the partner terms,
 * puts its service into the catalog (approved by an operator), and publishes a metered and a
 * subscription offer; a hotel orders the car park data offer, reads car parks with the key it got
 * (and nothing else), cancels, and the key stops working at once. The car park company and the
 * hotel are members made through the access layer.
 */
class OfferJourneyTest extends ApiTest {

  static final String PARKING = "https://smartdatamodels.org/dataModel.Parking/OffStreetParking";
  static final String WASTE =
      "https://smartdatamodels.org/dataModel.WasteManagement/WasteContainer";

  @Autowired ApplicationContext context;

  Http radhaus;
  Http parkhanse;
  Http hotel;
  Http resident;
  String offers;

  @BeforeEach
  void partners() {
    TestKeys keys = new TestKeys(context);
    radhaus = onboarded("radhaus");
    parkhanse = member(keys, "parkhanse", PartnerRole.OWNER);
    hotel = member(keys, "hotel", PartnerRole.VIEWER);
    resident = http.key(keys.key(TestKeys.all()));
    offers = "/api/v1/" + tenant + "/offers";
    inCatalog(radhaus, "sundrad-verleih", "radhaus");
    inCatalog(parkhanse, "parkhaus-daten", "parkhanse");
  }

  /**
   * A partner onboarded through the partners API: a new account applies, the platform operator
   * approves, the new owner accepts the terms in force. Returns the owner's key.
   */
  private Http onboarded(String partner) {
    String api = "/api/v1/" + tenant;
    status(
        201,
        http.post(
            api + "/partner-terms",
            """
            {"version": 1, "effective": "2025-01-01",
             "text": {"de": "# Partnerbedingungen", "en": "# Partner terms"}}
            """));
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    Http owner = http.key(admin.key(account, tenant, "read", "write", "admin"));
    status(
        201,
        owner.post(
            api + "/partners",
            """
            {"id": "%s", "kind": "business", "displayName": "Radhaus am Sund",
             "legalName": "Radhaus am Sund GmbH",
             "address": {"street": "Hafenstraße 3", "postcode": "18439", "city": "Stralsund"},
             "contacts": [{"name": "Lena Beispiel", "role": "Geschäftsführung",
                           "email": "lena@radhaus.example", "phone": "+49 3831 000000"}],
             "vatId": "DE123456789",
             "bankAccount": {"iban": "DE89 3704 0044 0532 0130 00",
                             "holder": "Radhaus am Sund GmbH"}}
            """
                .formatted(partner)));
    status(403, offerOf(owner, partner));
    status(
        200,
        http.post(
            api + "/partners/" + partner + "/review",
            "{\"decision\": \"approve\", \"reason\": \"complete\"}"));
    status(200, owner.post(api + "/partners/" + partner + "/terms", "{\"version\": 1}"));
    assertThat(status(200, owner.get(api + "/partners/" + partner)).path("status").asString())
        .isEqualTo("active");
    return owner;
  }

  /** Before its approval an applicant is no member: it cannot offer anything. */
  private Http.Response offerOf(Http applicant, String partner) {
    return applicant.post("/api/v1/" + tenant + "/offers", draftOf("zu-frueh", partner));
  }

  /** The provider submits its service to the catalog; the platform operator approves it. */
  private void inCatalog(Http provider, String service, String partner) {
    String services = "/api/v1/" + tenant + "/services";
    status(
        201,
        provider.post(
            services,
            """
            {"id": "%s", "provider": "%s", "name": {"de": "Dienst %s"},
             "description": {"de": "Ein Dienst im Katalog."},
             "category": "mobility", "targetGroups": ["residents"],
             "seasons": ["all_year"], "channels": ["web"]}
            """
                .formatted(service, partner, service)));
    status(200, http.post(services + "/" + service + "/approve", ""));
  }

  private Http member(TestKeys keys, String partner, PartnerRole role) {
    PartnerId id = new PartnerId(partner);
    return http.key(
        keys.key(TestKeys.all(), Optional.of(id), new Role.Member(TenantId.of(tenant), id, role)));
  }

  private static JsonNode status(int expected, Http.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    return response.json();
  }

  private JsonNode publishedOffer(Http provider, String json) {
    JsonNode created = status(201, provider.post(offers, json));
    assertThat(created.path("status").asString()).isEqualTo("DRAFT");
    return status(
        200, provider.post(offers + "/" + created.path("id").asString() + "/publish", ""));
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  /** Creates an entity with one property, as the platform operator. */
  private void created(String id, String type, String property, String value) {
    status(
        201,
        http.post(
            ENTITIES,
            """
            {"id": "%s", "type": "%s",
             "https://smartdatamodels.org/%s": {"type": "Property", "value": %s}}
            """
                .formatted(id, type, property, value)));
  }

  private String typeQuery(String type) {
    return ENTITIES + "?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8);
  }

  @Test
  void aBikeRentalPublishesMeteredAndSubscriptionOffers() {
    publishedOffer(
        radhaus,
        """
        {"id": "stundenmiete", "provider": "radhaus", "service": "sundrad-verleih",
         "name": {"de": "Stundenmiete", "en": "Hourly hire"},
         "terms": {"de": "Rückgabe an jeder Station."},
         "model": {"kind": "metered", "unit": "BOOKING",
                   "tiers": [{"from": 0, "unitPrice": "3.00"}, {"from": 10, "unitPrice": "2.50"}]},
         "vat": "STANDARD"}
        """);
    publishedOffer(
        radhaus,
        """
        {"id": "jahresabo", "provider": "radhaus", "service": "sundrad-verleih",
         "name": {"de": "Monatsabo"}, "terms": {"de": "Monatlich kündbar."},
         "model": {"kind": "subscription", "period": "MONTHLY", "price": "9.90",
                   "noticeDays": 0},
         "vat": "STANDARD"}
        """);
    status(201, radhaus.post(offers, draftOf("entwurf", "radhaus")));

    JsonNode listed = status(200, http.anonymous().get(offers + "?service=sundrad-verleih"));
    assertThat(ids(listed)).containsExactly("jahresabo", "stundenmiete");
    JsonNode metered = listed.get(1);
    assertThat(
            metered.path("price").path("model").path("tiers").get(1).path("unitPrice").asString())
        .isEqualTo("2.5000");
    assertThat(metered.path("price").path("vatPercent").asString()).isEqualTo("19");
    assertThat(ids(status(200, radhaus.get(offers + "?partner=radhaus"))))
        .containsExactly("entwurf", "jahresabo", "stundenmiete");

    // another partner's member may neither edit nor publish, nor see the draft
    status(403, hotel.post(offers + "/entwurf/publish", ""));
    status(403, hotel.put(offers + "/stundenmiete", draftOf("stundenmiete", "radhaus")));
    status(403, hotel.get(offers + "/entwurf"));
    status(403, hotel.post(offers, draftOf("fremd", "radhaus")));
    // a partner sells only its own catalog services
    JsonNode foreign = status(400, parkhanse.post(offers, draftOf("geliehen", "parkhanse")));
    assertThat(foreign.path("detail").asString()).contains("provided by radhaus");
    status(
        400,
        radhaus.post(
            offers, draftOf("ohne-dienst", "radhaus").replace("sundrad-verleih", "gibt-es-nicht")));
    status(401, http.anonymous().get(offers + "?partner=radhaus"));

    // a price change is a new version; the resident's order keeps the version it bought
    JsonNode order =
        status(201, resident.post(offers + "/jahresabo/orders", "{\"acceptTerms\": 1}"));
    JsonNode repriced =
        status(
            200,
            radhaus.put(
                offers + "/jahresabo",
                """
                {"provider": "radhaus", "service": "sundrad-verleih",
                 "name": {"de": "Monatsabo"}, "terms": {"de": "Monatlich kündbar."},
                 "model": {"kind": "subscription", "period": "MONTHLY", "price": "11.90"},
                 "vat": "STANDARD"}
                """));
    assertThat(repriced.path("price").path("version").asInt()).isEqualTo(2);
    JsonNode mine = status(200, resident.get("/api/v1/" + tenant + "/orders"));
    assertThat(ids(mine)).containsExactly(order.path("id").asString());
    assertThat(mine.get(0).path("priceVersion").asInt()).isEqualTo(1);
    assertThat(order.has("apiKey")).isFalse();

    JsonNode cancelled =
        status(
            200,
            resident.post(
                "/api/v1/" + tenant + "/orders/" + order.path("id").asString() + "/cancel", ""));
    assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED_PENDING");
    assertThat(cancelled.path("cancellation").path("effectiveAt").asString())
        .isEqualTo(order.path("periodEnd").asString());
  }

  private static String draftOf(String id, String provider) {
    return """
        {"id": "%s", "provider": "%s", "service": "sundrad-verleih",
         "name": {"de": "Entwurf"}, "terms": {"de": "Noch offen."},
         "model": {"kind": "free"}, "vat": "ZERO"}
        """
        .formatted(id, provider);
  }

  @Test
  void aHotelReadsTheCarParksItBoughtAndNothingElseUntilItCancels() {
    String carPark = "urn:ngsi-ld:OffStreetParking:" + tenant + ":hafen";
    created(carPark, PARKING, "availableSpotNumber", "42");
    created("urn:ngsi-ld:WasteContainer:" + tenant + ":1", WASTE, "fillingLevel", "0.5");
    publishedOffer(
        parkhanse,
        """
        {"id": "parkdaten", "provider": "parkhanse", "service": "parkhaus-daten",
         "name": {"de": "Parkhausbelegung", "en": "Car park occupancy"},
         "terms": {"de": "Nur für eigene Angebote."},
         "model": {"kind": "freemium", "unit": "API_CALL", "includedPerMonth": 1000,
                   "tiers": [{"from": 0, "unitPrice": "0.002"}]},
         "vat": "STANDARD",
         "dataProduct": {"entityTypes": ["%s"], "requestsPerMinute": 60}}
        """
            .formatted(PARKING));

    status(401, http.anonymous().post(offers + "/parkdaten/orders", "{\"acceptTerms\": 1}"));
    status(409, hotel.post(offers + "/parkdaten/orders", "{\"acceptTerms\": 2}"));
    JsonNode order = status(201, hotel.post(offers + "/parkdaten/orders", "{\"acceptTerms\": 1}"));
    assertThat(order.path("actingFor").asString()).isEqualTo("hotel");
    String key = order.path("apiKey").asString();
    assertThat(key).startsWith("sw_");
    Http bought = http.key(key).tenant(tenant);

    JsonNode carParks = status(200, bought.get(typeQuery(PARKING)));
    assertThat(ids(carParks)).containsExactly(carPark);
    status(403, bought.get(typeQuery(WASTE)));
    status(
        403, bought.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:X:1\", \"type\": \"" + PARKING + "\"}"));

    // the provider sees the order of its offer, other partners do not
    assertThat(ids(status(200, parkhanse.get("/api/v1/" + tenant + "/orders?partner=parkhanse"))))
        .containsExactly(order.path("id").asString());
    status(403, radhaus.get("/api/v1/" + tenant + "/orders?partner=parkhanse"));
    status(
        403,
        radhaus.post(
            "/api/v1/" + tenant + "/orders/" + order.path("id").asString() + "/cancel", ""));
    assertThat(ids(status(200, http.get("/api/v1/" + tenant + "/orders?all=true"))))
        .containsExactly(order.path("id").asString());

    JsonNode cancelled =
        status(
            200,
            hotel.post(
                "/api/v1/" + tenant + "/orders/" + order.path("id").asString() + "/cancel", ""));
    assertThat(cancelled.path("status").asString()).isEqualTo("ENDED");
    status(401, bought.get(typeQuery(PARKING)));
    status(
        409,
        hotel.post("/api/v1/" + tenant + "/orders/" + order.path("id").asString() + "/cancel", ""));
  }

  @Test
  void malformedOffersAreProblemDetails() {
    Http.Response response =
        radhaus.post(
            offers,
            """
            {"provider": "radhaus", "service": "sundrad-verleih",
             "name": {"de": "Kaputt"}, "terms": {"de": "x"},
             "model": {"kind": "metered", "unit": "BOOKING", "tiers": [{"from": 5, "unitPrice": "1"}]},
             "vat": "STANDARD"}
            """);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type").orElse("")).contains("problem+json");
    status(404, http.anonymous().get(offers + "/gibt-es-nicht"));
  }
}
