package org.sundwerk.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

/** Context processing rules: the core context is implied and wins, inline and hosted contexts. */
class ContextResolverTest {

  private static final String VOCAB = "https://uri.etsi.org/ngsi-ld/default-context/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  // No network in these tests: the default guard denies nothing here because nothing is fetched.
  private final ContextResolver resolver =
      ContextResolver.create(ContextSettings.defaults(), HostedContexts.NONE);

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void aMissingContextGivesTheCoreContext() {
    assertThat(resolver.resolve(NullNode.getInstance())).isSameAs(resolver.defaultDictionary());
    assertThat(resolver.resolve(MissingNode.getInstance())).isSameAs(resolver.defaultDictionary());
    assertThat(resolver.defaultDictionary().expand("temperature")).isEqualTo(VOCAB + "temperature");
    assertThat(resolver.defaultDictionary().compact(VOCAB + "temperature"))
        .isEqualTo("temperature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.4", "1.8", "1.9"})
  void everyBundledCoreContextResolvesWithoutNetwork(String version) {
    String url = CoreContexts.URL_PREFIX + "-v" + version + ".jsonld";

    TermDictionary core = resolver.resolve(StringNode.valueOf(url));

    assertThat(resolver.loader().load(url).source()).isEqualTo(ContextDocument.Source.CORE);
    assertThat(core.expand("location")).isEqualTo("https://uri.etsi.org/ngsi-ld/location");
    assertThat(core.expand("Property")).isEqualTo("https://uri.etsi.org/ngsi-ld/Property");
  }

  @Test
  void theUnversionedAliasIsVersionOnePointEight() {
    ContextDocument alias = resolver.loader().load(CoreContexts.ALIAS_URL);
    ContextDocument v18 = resolver.loader().load(CoreContexts.DEFAULT_URL);

    assertThat(alias.source()).isEqualTo(ContextDocument.Source.CORE);
    assertThat(alias.body()).isEqualTo(v18.body());
  }

  @Test
  void anInlineContextDefinesTermsPrefixesAndVocabTerms() {
    TermDictionary dictionary =
        resolver.resolve(
            json(
                """
                {"ex": "https://example.org/terms/",
                 "Sensor": "ex:Sensor",
                 "temp": "ex:temperature",
                 "temperature": "ex:temperature",
                 "category": {"@id": "ex:category", "@type": "@vocab"}}
                """));

    assertThat(dictionary.expand("Sensor")).isEqualTo("https://example.org/terms/Sensor");
    assertThat(dictionary.expand("ex:humidity")).isEqualTo("https://example.org/terms/humidity");
    assertThat(dictionary.expand("urn:ngsi-ld:Thing:1")).isEqualTo("urn:ngsi-ld:Thing:1");
    assertThat(dictionary.expand("https://other.org/x")).isEqualTo("https://other.org/x");
    assertThat(dictionary.compact("https://example.org/terms/temperature")).isEqualTo("temp");
    assertThat(dictionary.compact("https://example.org/terms/humidity")).isEqualTo("ex:humidity");
    assertThat(dictionary.compact("https://unknown.org/x")).isEqualTo("https://unknown.org/x");
    assertThat(dictionary.isVocabTerm("category")).isTrue();
    assertThat(dictionary.isVocabTerm("temp")).isFalse();
  }

  @Test
  void coreTermsCannotBeOverridden() {
    TermDictionary dictionary =
        resolver.resolve(
            json(
                """
                [{"location": "https://example.org/myLocation",
                  "observedAt": "https://example.org/seen",
                  "@vocab": "https://example.org/vocab/"}]
                """));

    assertThat(dictionary.expand("location")).isEqualTo("https://uri.etsi.org/ngsi-ld/location");
    assertThat(dictionary.expand("observedAt"))
        .isEqualTo("https://uri.etsi.org/ngsi-ld/observedAt");
    assertThat(dictionary.expand("whatever")).isEqualTo(VOCAB + "whatever");
  }

  @Test
  void theCoreVocabTermsAreKnown() {
    assertThat(resolver.defaultDictionary().isVocabTerm("watchedAttributes")).isTrue();
    assertThat(resolver.defaultDictionary().isVocabTerm("observedAt")).isFalse();
  }

  @Test
  void aContextIsProcessedOnceAndThenCached() {
    JsonNode first = json("{\"b\": \"https://example.org/b\", \"a\": \"https://example.org/a\"}");
    JsonNode sameInOtherOrder =
        json("{\"a\": \"https://example.org/a\", \"b\": \"https://example.org/b\"}");

    assertThat(resolver.resolve(first)).isSameAs(resolver.resolve(sameInOtherOrder));
  }

  @Test
  void aHostedContextResolvesFromTheHostWithoutHttp() {
    String url = "http://127.0.0.1:1/ngsi-ld/v1/jsonldContexts/abc";
    ContextResolver withHosted =
        ContextResolver.create(
            ContextSettings.defaults(),
            u ->
                u.equals(url)
                    ? Optional.of("{\"@context\": {\"Lamp\": \"https://example.org/Lamp\"}}")
                    : Optional.empty());

    assertThat(withHosted.resolve(StringNode.valueOf(url)).expand("Lamp"))
        .isEqualTo("https://example.org/Lamp");
  }

  @Test
  void anInvalidContextIsBadRequestData() {
    assertThatThrownBy(() -> resolver.resolve(json("{\"broken\": 5}")))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA));
    assertThatThrownBy(() -> resolver.resolve(json("42")))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA));
  }

  @Test
  void aContextThatCannotBeFetchedIsNotAvailable() {
    assertThatThrownBy(() -> resolver.resolve(StringNode.valueOf("ftp://example.org/ctx.jsonld")))
        .isInstanceOfSatisfying(
            NgsiLdException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.LD_CONTEXT_NOT_AVAILABLE));
  }
}
