package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Rate limits per tier from {@code sundwerk.access.rate-limits.<tier>}: the request over an
 * anonymous client's limit is answered 429 with {@code Retry-After} and a ProblemDetails, while
 * callers of other tiers go on; a partner key has its own configured limit.
 */
@TestPropertySource(
    properties = {
      // Shadows ApiTest's "false": the other API tests run without limits.
      "sundwerk.access.rate-limited=true",
      "sundwerk.access.rate-limits.anonymous.requests=3",
      "sundwerk.access.rate-limits.anonymous.period=1h",
      "sundwerk.access.rate-limits.anonymous.burst=3",
      "sundwerk.access.rate-limits.partner.requests=5",
      "sundwerk.access.rate-limits.partner.period=1h",
    })
class RateLimitTest extends ApiTest {

  @Test
  void theRequestOverTheAnonymousLimitIsRefusedOthersGoOn() {
    assertThat(
            http.post(ENTITIES, "{\"id\": \"urn:ngsi-ld:Sensor:1\", \"type\": \"Sensor\"}")
                .status())
        .isEqualTo(201);
    AdminCalls admin = new AdminCalls(http, tenant);
    String partner = admin.account();
    admin.grantMember(partner, tenant, "stadtwerke", "viewer");
    Http partnerKey = http.key(admin.key(partner, tenant, "read"));
    String sensor = ENTITIES + "/urn:ngsi-ld:Sensor:1";
    Http anonymous = http.anonymous();

    for (int i = 0; i < 3; i++) {
      assertThat(anonymous.get(sensor).status()).isEqualTo(200);
    }
    Http.Response limited = anonymous.get(sensor);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(limited.header("Content-Type")).hasValue("application/problem+json");
    assertThat(limited.json().path("status").asInt()).isEqualTo(429);
    assertThat(limited.json().path("detail").asString()).contains("anonymous");
    // Other tiers are not affected: the platform key (unlimited) and a partner key.
    assertThat(http.get(sensor).status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(partnerKey.get(sensor).status()).isEqualTo(200);
    }
    // The partner tier's burst defaults to its requests (5): the sixth is over.
    assertThat(partnerKey.get(sensor).status()).isEqualTo(429);
    assertThat(http.get(sensor).status()).isEqualTo(200);
  }
}
