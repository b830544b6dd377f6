package org.sundwerk.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Expansion and compaction with the real Smart Data Models contexts, served from a
 * preloaded-contexts directory for their GitHub URLs (no network).
 */
class SmartDataModelContextsTest {

  private static final Path REFERENCE = Path.of("/work/shared/reference/smart-data-models");
  private static final String DEFAULT_VOCAB = "https://uri.etsi.org/ngsi-ld/default-context/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path preloaded;
  private static ContextResolver resolver;

  @BeforeAll
  static void preloadSmartDataModels() throws IOException {
    StringBuilder index = new StringBuilder("{");
    for (String file : contextFiles()) {
      Files.copy(REFERENCE.resolve(file), preloaded.resolve(file));
      if (index.length() > 1) {
        index.append(',');
      }
      index.append('"').append(urlOf(file)).append("\":\"").append(file).append('"');
    }
    Files.writeString(preloaded.resolve(PreloadedContexts.INDEX_FILE), index.append('}'));
    resolver =
        ContextResolver.create(
            ContextSettings.defaults().withPreloadedDirectory(preloaded), HostedContexts.NONE);
  }

  static List<String> contextFiles() throws IOException {
    try (Stream<Path> files = Files.list(REFERENCE)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".context.jsonld"))
          .sorted()
          .toList();
    }
  }

  private static String urlOf(String file) {
    String domain = file.substring(0, file.indexOf('.'));
    return "https://raw.githubusercontent.com/smart-data-models/dataModel."
        + domain
        + "/master/context.jsonld";
  }

  private static TermDictionary dictionaryFor(String file) {
    return resolver.resolve(StringNode.valueOf(urlOf(file)));
  }

  @ParameterizedTest
  @MethodSource("contextFiles")
  void everyTermOfTheContextExpandsToItsIriAndCompactsBack(String file) throws IOException {
    TermDictionary dictionary = dictionaryFor(file);
    Map<String, String> coreTerms = ((ContextDictionary) resolver.defaultDictionary()).terms();
    JsonNode context = JSON.readTree(REFERENCE.resolve(file).toFile()).get("@context");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> term : context.properties()) {
      if (!term.getValue().isString() || term.getValue().asString().startsWith("@")) {
        continue; // keyword aliases such as "type": "@type"
      }
      String name = term.getKey();
      String expected =
          coreTerms.containsKey(name)
              ? coreTerms.get(name) // the core context wins over the domain's definition
              : term.getValue().asString();
      assertThat(dictionary.expand(name)).as(name).isEqualTo(expected);
      assertThat(dictionary.expand(dictionary.compact(expected))).as(name).isEqualTo(expected);
      checked.add(name);
    }
    assertThat(checked).isNotEmpty();
  }

  @Test
  void parkingTypeAndAttributeExpandAndCompactBack() {
    TermDictionary parking = dictionaryFor("Parking.context.jsonld");

    assertThat(parking.expand("OffStreetParking"))
        .isEqualTo("https://smartdatamodels.org/dataModel.Parking/OffStreetParking");
    assertThat(parking.expand("availableSpotNumber"))
        .isEqualTo("https://smartdatamodels.org/dataModel.Parking/availableSpotNumber");
    assertThat(parking.compact("https://smartdatamodels.org/dataModel.Parking/OffStreetParking"))
        .isEqualTo("OffStreetParking");
    assertThat(parking.compact("https://smartdatamodels.org/dataModel.Parking/availableSpotNumber"))
        .isEqualTo("availableSpotNumber");
  }

  @Test
  void undefinedTermsGetTheDefaultVocabulary() {
    TermDictionary parking = dictionaryFor("Parking.context.jsonld");

    assertThat(parking.expand("myOwnAttribute")).isEqualTo(DEFAULT_VOCAB + "myOwnAttribute");
    assertThat(parking.compact(DEFAULT_VOCAB + "myOwnAttribute")).isEqualTo("myOwnAttribute");
  }

  @Test
  void coreTermsExpandPerTheCoreContext() {
    TermDictionary parking = dictionaryFor("Parking.context.jsonld");

    assertThat(parking.expand("location")).isEqualTo("https://uri.etsi.org/ngsi-ld/location");
    assertThat(parking.expand("observedAt")).isEqualTo("https://uri.etsi.org/ngsi-ld/observedAt");
    assertThat(parking.compact("https://uri.etsi.org/ngsi-ld/observedAt")).isEqualTo("observedAt");
    assertThat(parking.expand("Property")).isEqualTo("https://uri.etsi.org/ngsi-ld/Property");
  }

  @Test
  void issueTrackingTermsWithAnUndeclaredPrefixMeanWhatTheContextSays() {
    TermDictionary issues = dictionaryFor("IssueTracking.context.jsonld");

    assertThat(issues.expand("open311:type"))
        .isEqualTo("https://smartdatamodels.org/dataModel.IssueTracking/open311:type");
    assertThat(issues.compact("https://smartdatamodels.org/dataModel.IssueTracking/open311:type"))
        .isEqualTo("open311:type");
    // The domain's entity type is spelled as in Open311, not "ServiceRequest".
    assertThat(issues.expand("service_requests"))
        .isEqualTo("https://smartdatamodels.org/dataModel.IssueTracking/service_requests");
  }

  @Test
  void anArrayOfSeveralDomainsDefinesTheTermsOfAll() {
    TermDictionary both =
        resolver.resolve(
            JSON.createArrayNode()
                .add(urlOf("Parking.context.jsonld"))
                .add(urlOf("WasteManagement.context.jsonld")));

    assertThat(both.expand("OffStreetParking"))
        .isEqualTo("https://smartdatamodels.org/dataModel.Parking/OffStreetParking");
    assertThat(both.expand("WasteContainer"))
        .isEqualTo("https://smartdatamodels.org/dataModel.WasteManagement/WasteContainer");
  }
}
