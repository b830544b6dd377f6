package org.sundwerk.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preloaded-contexts directory (index format and its checks at startup) and the bundled Smart
 * Data Models contexts.
 */
class PreloadedContextsTest {

  @TempDir Path directory;

  @Test
  void servesTheFileTheIndexNamesForAUrl() throws IOException {
    Files.writeString(directory.resolve("a.jsonld"), "{\"@context\": {}}");
    Files.writeString(
        directory.resolve("index.json"), "{\"https://example.org/a.jsonld\": \"a.jsonld\"}");

    PreloadedContexts preloaded = PreloadedContexts.from(directory);

    assertThat(preloaded.find("https://example.org/a.jsonld")).contains("{\"@context\": {}}");
    assertThat(preloaded.find("https://example.org/b.jsonld")).isEmpty();
  }

  @Test
  void rejectsAnIndexThatPointsOutsideTheDirectory() throws IOException {
    Path inside = Files.createDirectory(directory.resolve("contexts"));
    Files.writeString(directory.resolve("secret.jsonld"), "{}");
    Files.writeString(
        inside.resolve("index.json"), "{\"https://example.org/x\": \"../secret.jsonld\"}");

    assertThatThrownBy(() -> PreloadedContexts.from(inside))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a file inside");
  }

  @Test
  void rejectsADirectoryWithoutIndex() {
    assertThatThrownBy(() -> PreloadedContexts.from(directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index");
  }

  @Test
  void bundlesTheSmartDataModelsContextsBehindAConfiguredDirectory() throws IOException {
    String parking =
        "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld";
    String weather =
        "https://raw.githubusercontent.com/smart-data-models/dataModel.Weather/master/context.jsonld";
    Files.writeString(directory.resolve("p.jsonld"), "{\"@context\": {\"own\": \"urn:own\"}}");
    Files.writeString(directory.resolve("index.json"), "{\"" + parking + "\": \"p.jsonld\"}");

    PreloadedContexts bundled = PreloadedContexts.smartDataModels();
    PreloadedContexts both = PreloadedContexts.from(directory).orElse(bundled);

    assertThat(bundled.find(parking).orElseThrow())
        .contains("\"availableSpotNumber\": \"https://smartdatamodels.org/dataModel.Parking/");
    assertThat(both.find(parking).orElseThrow()).contains("urn:own");
    assertThat(both.find(weather)).isEqualTo(bundled.find(weather));
  }
}
