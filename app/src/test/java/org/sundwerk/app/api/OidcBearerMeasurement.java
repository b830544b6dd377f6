package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Not part of the build (the name is no test's): what an OIDC bearer token costs per request, side
 * by side with an anonymous read and the bootstrap API key, in interleaved rounds of GET by id over
 * HTTP. Run with {@code ./mvnw -o -pl app -am test -Dtest=OidcBearerMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}; the numbers are printed.
 */
@TestPropertySource(properties = "sundwerk.access.rate-limited=false")
class OidcBearerMeasurement extends OidcApiTest {

  private static final int ROUNDS = 5;
  private static final int REQUESTS = 1000;

  @Test
  void measuresGetByIdWithABearerToken() {
    String url = ENTITIES + "/urn:ngsi-ld:OffStreetParking:m";
    assertThat(http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:m")).status())
        .isEqualTo(201);
    Map<String, Http> clients = new LinkedHashMap<>();
    clients.put("anonymous", http.anonymous());
    clients.put("bootstrap key", http);
    clients.put(
        "OIDC bearer",
        bearer(OidcProvider.token("m-" + tenant, OidcProvider.verified(uniqueEmail()))));
    Map<String, long[]> nanos = new LinkedHashMap<>();
    clients.keySet().forEach(name -> nanos.put(name, new long[ROUNDS * REQUESTS]));
    clients.values().forEach(client -> run(client, url, new long[REQUESTS]));

    for (int round = 0; round < ROUNDS; round++) {
      for (Map.Entry<String, Http> client : clients.entrySet()) {
        long[] all = nanos.get(client.getKey());
        long[] these = new long[REQUESTS];
        run(client.getValue(), url, these);
        System.arraycopy(these, 0, all, round * REQUESTS, REQUESTS);
      }
    }

    nanos.forEach(
        (name, values) -> {
          Arrays.sort(values);
          System.out.printf(
              "MEASURED %-14s median %5d µs  p90 %5d µs  p99 %5d µs%n",
              name,
              values[values.length / 2] / 1000,
              values[values.length * 9 / 10] / 1000,
              values[values.length * 99 / 100] / 1000);
        });
  }

  private static void run(Http client, String url, long[] nanos) {
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      Http.Response answer = client.get(url);
      nanos[i] = System.nanoTime() - start;
      assertThat(answer.status()).isEqualTo(200);
    }
  }
}
