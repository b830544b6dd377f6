package org.sundwerk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.EntityQuery;
import tools.jackson.databind.JsonNode;

/** The demo city is there after start, at real places, and loading it again changes nothing. */
class DemoCityTest extends CityTest {

  @Autowired Broker broker;
  @Autowired DemoCity city;

  @Test
  void loadsBothMunicipalitiesAsTenants() {
    assertThat(city.municipalities())
        .extracting(DemoCity.Municipality::tenant)
        .containsExactly("stralsund", "grimmen");
    for (DemoCity.Municipality municipality : city.municipalities()) {
      assertThat(count(municipality.tenant())).isEqualTo(municipality.entities().size());
    }
    assertThat(count(STRALSUND)).isGreaterThanOrEqualTo(25);
  }

  @Test
  void placesTheOzeaneumAtItsAddressWithGermanAndEnglishText() {
    JsonNode ozeaneum = entity(STRALSUND, "urn:ngsi-ld:Museum:stralsund:ozeaneum");
    // Read with the PointOfInterest context: the type is the Smart Data Models Museum.
    assertThat(ozeaneum.path("type").asString()).isEqualTo("Museum");
    assertThat(ozeaneum.at("/location/value/coordinates/0").asDouble()).isEqualTo(13.09694);
    assertThat(ozeaneum.at("/location/value/coordinates/1").asDouble()).isEqualTo(54.31556);
    assertThat(ozeaneum.at("/description/languageMap/de").asString()).contains("Aquarien");
    assertThat(ozeaneum.at("/description/languageMap/en").asString()).contains("aquariums");
  }

  @Test
  void loadingAgainIsIdempotent() {
    long before = count(STRALSUND);
    int written = new DemoLoader(broker, city).load();
    assertThat(written)
        .isEqualTo(city.municipalities().stream().mapToInt(m -> m.entities().size()).sum());
    assertThat(count(STRALSUND)).isEqualTo(before);
    JsonNode garage = entity(STRALSUND, "urn:ngsi-ld:OffStreetParking:stralsund:parkhaus-am-hafen");
    assertThat(garage.at("/totalSpotNumber/value").asInt()).isEqualTo(290);
  }

  /**
   * A client that knows only the official Smart Data Models Parking context finds the demo's car
   * parks by their published attribute names.
   */
  @Test
  void answersAQueryWithTheOfficialSmartDataModelsParkingContext() {
    Response response =
        get(
            "/ngsi-ld/v1/entities?type=OffStreetParking&q=availableSpotNumber%3E50&limit=100",
            "NGSILD-Tenant",
            STRALSUND,
            "Accept",
            "application/json",
            "Link",
            link(contextOf("OffStreetParking")));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json()).isNotEmpty();
    for (JsonNode garage : response.json()) {
      assertThat(garage.path("type").asString()).isEqualTo("OffStreetParking");
      assertThat(garage.at("/availableSpotNumber/value").asInt()).isGreaterThan(50);
      assertThat(garage.at("/totalSpotNumber/value").isNumber()).isTrue();
    }
  }

  private long count(String tenant) {
    EntityQuery all =
        new EntityQuery(
            java.util.Optional.empty(),
            java.util.List.of(),
            java.util.Optional.of(".*"),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Set.of(),
            new org.sundwerk.broker.paging.Paging(0, 0, true));
    return broker.entities().query().handle(tenant, all).count().orElseThrow();
  }

  @Test
  void anonymousReadersSeeStralsundsWasteContainersWithoutTheStadtwerkesAttributes()
      throws Exception {
    String id = "urn:ngsi-ld:WasteContainer:stralsund:alter-markt";
    HttpResponse<String> anonymous = container(id);
    JsonNode operator = entity(STRALSUND, id);

    assertThat(anonymous.statusCode()).isEqualTo(200);
    JsonNode seen = JSON.readTree(anonymous.body());
    assertThat(seen.has("fillingLevel")).as("the map shows it").isTrue();
    assertThat(seen.has("location")).isTrue();
    assertThat(seen.has("dateLastEmptying")).as("partners only").isFalse();
    assertThat(seen.has("binCapacity")).as("the Stadtwerke and the city only").isFalse();
    assertThat(operator.has("dateLastEmptying")).isTrue();
    assertThat(operator.has("binCapacity")).isTrue();
  }

  @Autowired Accounts accounts;
  @Autowired ApiKeys keys;

  @Test
  void theDemoPartnerSeesWhatItsStadtwerkeProvide() throws Exception {
    Account partner = accounts.findByEmail(DemoPartner.EMAIL).orElseThrow();
    String key =
        keys.create(
                partner.id(),
                Optional.of(DemoPartner.PARTNER),
                "demo test",
                new KeyScope(Set.of(TenantId.of(STRALSUND)), Set.of(Operation.READ), Set.of()))
            .key();
    String id = "urn:ngsi-ld:WasteContainer:stralsund:alter-markt";
    HttpResponse<String> answer = container(id, "X-API-Key", key);

    assertThat(partner.roles())
        .contains(new Role.Member(TenantId.of(STRALSUND), DemoPartner.PARTNER, PartnerRole.EDITOR));
    assertThat(accounts.hasPassword(partner.id())).as("a one-time password was set").isTrue();
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode seen = JSON.readTree(answer.body());
    assertThat(seen.has("dateLastEmptying")).as("partners see it").isTrue();
    assertThat(seen.has("binCapacity")).as("the provider sees its private attribute").isTrue();
    assertThat(DemoPartner.createIfNone(accounts, new java.security.SecureRandom()))
        .as("a second start leaves the account as it is")
        .isEmpty();
  }

  /** A Stralsund waste container as the caller sees it, with extra headers as name, value... */
  private HttpResponse<String> container(String id, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + ENTITIES
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)))
            .header("NGSILD-Tenant", STRALSUND)
            .header("Link", link(contextOf("WasteContainer")));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient()
        .send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
