package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.portal.search.SearchDocument;
import org.sundwerk.portal.search.SearchIndexer;
import org.sundwerk.portal.search.SearchKind;
import org.sundwerk.portal.search.SearchSource;

/**
 * The search page {@code /suche} over HTTP, as an anonymous visitor, on the backend the build
 * chooses ({@link TestBackend}): places written through the NGSI-LD API are found after a reindex,
 * with links to their pages, in German and English; what only partners may see (a type, an
 * attribute) is never found; typed query syntax and markup are plain text; a source added as one
 * bean is searched, and while it fails the previous index stays.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SearchPageTest.LegalPages.class)
class SearchPageTest extends ApiTest {

  static final String TENANT = "suchtest";
  static final String POI =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.PointOfInterest/master/context.jsonld";
  static final String BEACH = "urn:ngsi-ld:Beach:suchtest:devin";
  static final String MUSEUM = "urn:ngsi-ld:Museum:suchtest:depot";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void visibility(DynamicPropertyRegistry registry) {
    String tenant = "sundwerk.access.tenants." + TENANT + ".types.";
    registry.add("sundwerk.data-dir", SearchPageTest::ownDataDir);
    registry.add(
        tenant + "[https://smartdatamodels.org/dataModel.PointOfInterest/Museum].level",
        () -> "partner");
    registry.add(
        tenant
            + "[https://smartdatamodels.org/dataModel.PointOfInterest/Beach].attributes"
            + ".[http://purl.org/dc/terms/description]",
        () -> "partner");
  }

  private static String ownDataDir() {
    try {
      return Files.createTempDirectory("sundwerk-search-test").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired SearchIndexer indexer;

  /** Whether {@link LegalPages} fails, as a source whose backend is down would. */
  static final AtomicBoolean LEGAL_PAGES_DOWN = new AtomicBoolean();

  /** A source added as one class, as the legal pages will be. */
  @TestConfiguration
  static class LegalPages {
    @Bean
    SearchSource legalPages() {
      return tenant -> {
        if (LEGAL_PAGES_DOWN.get()) {
          throw new IllegalStateException("legal pages are not available");
        }
        return Stream.of(
            SearchDocument.of(
                SearchKind.PAGE,
                "/impressum",
                "/impressum",
                "Impressum",
                "Anbieterkennzeichnung nach § 5 DDG"));
      };
    }
  }

  @BeforeEach
  void places() {
    Http admin = new Http(port).tenant(TENANT).link(POI);
    assertThat(
            admin
                .post(
                    ENTITIES,
                    """
                    {"id": "%s", "type": "Beach",
                     "name": {"type": "Property", "value": "Strandbad Devin"},
                     "description": {"type": "LanguageProperty",
                       "languageMap": {"de": "Geheimtipp der Stadtwerke", "en": "Insider tip"}},
                     "address": {"type": "Property", "value": {"streetAddress": "Am Devin",
                       "postalCode": "18439", "addressLocality": "Stralsund"}},
                     "location": {"type": "GeoProperty",
                       "value": {"type": "Point", "coordinates": [13.13, 54.27]}}}
                    """
                        .formatted(BEACH))
                .status())
        .isIn(201, 409);
    assertThat(
            admin
                .post(
                    ENTITIES,
                    """
                    {"id": "%s", "type": "Museum",
                     "name": {"type": "Property", "value": "Kulturhistorisches Depot"},
                     "location": {"type": "GeoProperty",
                       "value": {"type": "Point", "coordinates": [13.09, 54.31]}}}
                    """
                        .formatted(MUSEUM))
                .status())
        .isIn(201, 409);
    assertThat(indexer.reindex(TENANT)).isPositive();
  }

  @Test
  void findsAPlaceAndLinksToItsPage() {
    Page page = search("Strandbad", "de");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/orte/urn:ngsi-ld:Beach:suchtest:devin\"")
        .contains(">Strandbad Devin</a>")
        .contains("Orte (1)")
        .contains("1 Treffer für „Strandbad“")
        .contains("role=\"status\"")
        .contains("<title>Suche nach „Strandbad“: 1 Treffer – Sundwerk</title>");
  }

  @Test
  void findsByAddressAndKindWordInEitherLanguage() {
    assertThat(search("Devin", "de").body()).contains("Strandbad Devin");
    assertThat(search("Strand", "de").body()).contains("Strandbad Devin");
    Page english = search("beach", "en");
    assertThat(english.body())
        .contains("<html lang=\"en\"")
        .contains("Strandbad Devin")
        .contains("Places (1)")
        .contains("results for “beach”");
  }

  @Test
  void findsThePortalsPages() {
    Page page = search("Stadtkarte", "de");
    assertThat(page.body()).contains("Seiten (").contains("href=\"/?tenant=suchtest\"");
    assertThat(search("Konto", "de").body()).contains("href=\"/register\"");
  }

  @Test
  void neverFindsWhatOnlyPartnersMaySee() {
    Page hiddenType = search("Depot", "de");
    assertThat(hiddenType.body())
        .doesNotContain(MUSEUM)
        .doesNotContain("Kulturhistorisches")
        .contains("Keine Treffer für „Depot“")
        .contains("id=\"no-results\"");
    assertThat(search("Museum", "de").body()).doesNotContain(MUSEUM);
    Page hiddenAttribute = search("Geheimtipp", "de");
    assertThat(hiddenAttribute.body()).doesNotContain(BEACH).contains("Keine Treffer");
    assertThat(search("Strandbad", "de").body()).doesNotContain("Geheimtipp");
  }

  @Test
  void findsTheDocumentsOfASourceAddedAsOneClass() {
    assertThat(search("Anbieterkennzeichnung", "de").body())
        .contains("Seiten (1)")
        .contains("href=\"/impressum\"");
  }

  @Test
  void keepsThePreviousIndexWhileASourceFails() {
    LEGAL_PAGES_DOWN.set(true);
    try {
      assertThatThrownBy(() -> indexer.reindex(TENANT)).hasMessageContaining("not available");
      assertThat(search("Strandbad", "de").body()).contains(BEACH);
      assertThat(search("Impressum", "de").body()).contains("href=\"/impressum\"");
    } finally {
      LEGAL_PAGES_DOWN.set(false);
    }
  }

  @Test
  void asksForThreeLettersWhenAQueryIsTooShort() {
    Page page = search("ab", "de");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Bitte geben Sie mindestens 3 Buchstaben ein.");
    assertThat(search("ab", "en").body()).contains("Please enter at least 3 letters.");
  }

  @Test
  void showsAnEmptyFormWithoutAQuery() {
    Page page = get("/suche");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<label for=\"q\">Suchbegriff</label>")
        .contains("role=\"search\"")
        .doesNotContain("Treffer für")
        .doesNotContain("id=\"no-results\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "*",
        "NEAR(",
        "NEAR(Strandbad Depot)",
        "' OR 1=1",
        "' OR '1'='1' --",
        "'; DROP TABLE portal_search_document; --",
        "Strandbad\" OR \"Depot",
        "Strandbad OR Depot",
        "{title_fold}: Depot",
        "%",
        "<script>alert(1)</script>"
      })
  void treatsQuerySyntaxAndMarkupAsText(String input) {
    Page page = search(input, "de");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(MUSEUM).doesNotContain("<script>alert");
    assertThat(search("Strandbad", "de").body()).contains(BEACH);
  }

  @Test
  void cutsVeryLongQueriesAndOddTenants() {
    assertThat(search("Strandbad ".repeat(100), "de").body()).contains(BEACH);
    Page odd = get("/suche?q=Strandbad&tenant=" + encode("<b>x</b>'\""));
    assertThat(odd.status()).isEqualTo(200);
    assertThat(odd.body()).doesNotContain("<b>x</b>").doesNotContain(BEACH);
  }

  record Page(int status, String body) {}

  Page search(String query, String lang) {
    return get("/suche?tenant=" + TENANT + "&lang=" + lang + "&q=" + encode(query));
  }

  Page get(String path) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
