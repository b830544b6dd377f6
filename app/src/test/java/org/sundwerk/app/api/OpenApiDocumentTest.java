package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document of the business APIs: public, generated from the controllers. */
class OpenApiDocumentTest extends ApiTest {

  @Test
  void describesTheBusinessApisToAnyone() {
    Http.Response answer = http.anonymous().get("/api/v1/openapi.json");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode document = answer.json();
    assertThat(document.path("openapi").asString()).startsWith("3.");
    assertThat(document.path("info").path("title").asString())
        .isEqualTo("Sundwerk services and business API");
    List<String> paths = new ArrayList<>();
    document.path("paths").propertyNames().forEach(paths::add);
    assertThat(paths)
        .contains(
            "/api/v1/{tenant}/services",
            "/api/v1/{tenant}/services/{id}/lifecycle",
            "/api/v1/{tenant}/partners",
            "/api/v1/{tenant}/offers",
            "/api/v1/{tenant}/offers/{offer}/orders",
            "/api/v1/{tenant}/orders/{order}/cancel")
        .allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    assertThat(document.path("paths").path("/api/v1/{tenant}/services").has("get")).isTrue();
    // JSON bodies are described as JSON objects, not as the getters of a Java tree type.
    assertThat(document.path("components").path("schemas").has("JsonNode")).isFalse();
  }
}
