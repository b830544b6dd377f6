package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The payload limit ({@code sundwerk.max-payload-bytes}, 1 MiB in the tests) holds on every path
 * that takes a body, the ingestion webhooks included: a larger declared body is refused before it
 * is sent, a chunked one as soon as it passes the limit, both with a 413 ProblemDetails.
 */
class PayloadLimitTest extends ApiTest {

  private static final long LIMIT = 1024 * 1024;

  private RawHttp raw;

  @BeforeEach
  void raw() {
    raw = new RawHttp(port);
  }

  static Stream<String> pathsWithBodies() {
    return Stream.of(
        "/ingestion/chirpstack?event=up",
        "/ingestion/ttn",
        "/ingestion/json/t1/urn:ngsi-ld:T:1",
        "/ngsi-ld/v1/entities",
        "/ngsi-ld/v1/entityOperations/upsert",
        "/ngsi-ld/v1/jsonldContexts");
  }

  /** The server answers with only the head sent: it never waits for, reads or buffers the body. */
  @ParameterizedTest
  @MethodSource("pathsWithBodies")
  void refusesADeclared64MiBBodyBeforeReadingIt(String path) {
    RawHttp.Response response =
        raw.exchange(
            "POST",
            path,
            Map.of("Content-Type", "application/json", "Content-Length", "" + (64L << 20)),
            out -> out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
    assertThat(response.errorType()).isEqualTo("PayloadTooLarge");
  }

  /**
   * 2.5 MiB in chunks: the limit cuts the read at 1 MiB; the rest stays under Tomcat's swallow
   * limit (2 MiB), so that the connection ends cleanly and the answer can be read.
   */
  @ParameterizedTest
  @MethodSource("pathsWithBodies")
  void refusesAChunkedBodyOnceItPassesTheLimit(String path) {
    RawHttp.Response response =
        raw.exchange(
            "POST",
            path,
            Map.of("Content-Type", "application/json"),
            RawHttp.chunked(LIMIT * 5 / 2, (byte) ' '));

    assertThat(response.status()).as(response.toString()).isEqualTo(413);
    assertThat(response.isProblemDetails()).as(response.toString()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ingestion/json/t1/urn:ngsi-ld:T:1", "/ngsi-ld/v1/entities"})
  void readsAChunkedBodyBelowTheLimit(String path) {
    RawHttp.Response response =
        raw.exchange(
            "POST",
            path,
            Map.of("Content-Type", "application/json"),
            RawHttp.chunked(LIMIT / 2, (byte) ' '));

    // Blanks only: read in full, then refused as no JSON (not as too large).
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
  }
}
