package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tenants (clause 4.14): created on first write, isolated, unknown ones answer NonexistentTenant.
 */
class TenantTest extends ApiTest {

  @Test
  void keepsTenantsApart() {
    Http other = new Http(port).tenant(tenant + "b");
    http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"a\": 1}");
    other.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:T:1\", \"type\": \"T\", \"a\": 2}");

    assertThat(http.get(ENTITIES + "/urn:ngsi-ld:T:1").json().at("/a/value").asInt()).isEqualTo(1);
    assertThat(other.get(ENTITIES + "/urn:ngsi-ld:T:1").json().at("/a/value").asInt()).isEqualTo(2);
    assertThat(http.get(ENTITIES + "?type=T").json().size()).isEqualTo(1);
  }

  @Test
  void answersNonexistentTenantForReadsOfAnUnknownTenant() {
    Http.Response response = http.get(ENTITIES + "?type=T");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorType()).isEqualTo("NonexistentTenant");
  }

  @Test
  void rejectsMalformedTenantNames() {
    Http.Response response = new Http(port).tenant("bad tenant!").get(ENTITIES + "?type=T");

    assertThat(response.status()).isEqualTo(400);
  }
}
