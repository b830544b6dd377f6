package org.sundwerk.app.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.portal.search.SearchDocument;
import org.sundwerk.portal.search.SearchIndex;
import org.sundwerk.portal.search.SearchKind;
import org.sundwerk.portal.search.SearchQuery;

/**
 * What the search index must do on every database, run by a subclass per backend over a real
 * database: a SQLite file, the machine's PostgreSQL. Each test works in a tenant of its own, filled
 * with a small German town.
 */
abstract class SearchIndexContract {

  static final SearchDocument CAR_PARK =
      new SearchDocument(
          SearchKind.PLACE,
          "urn:ngsi-ld:OffStreetParking:x:hafen",
          "/orte/urn:ngsi-ld:OffStreetParking:x:hafen",
          "Parkhaus Am Hafen",
          "Car park at the harbour",
          "Parkhaus am Fährwall, nah an Altstadt und Hafen.",
          "Multi-storey car park at Fährwall, close to the old town and the harbour.");
  static final SearchDocument LIGHTS =
      new SearchDocument(
          SearchKind.SERVICE,
          "lights",
          "https://example.org/maengel",
          "Defekte Straßenbeleuchtung melden",
          "Report a broken street light",
          "Eine Laterne ist dunkel oder flackert? Melden Sie es im Mängelmelder.",
          "A street lamp is dark or flickering? Report it.");
  static final SearchDocument MINT =
      SearchDocument.of(SearchKind.PLACE, "mint", "/orte/mint", "Alte Münze", "Museum am Markt");
  static final SearchDocument BEACH =
      new SearchDocument(
          SearchKind.PLACE,
          "beach",
          "/orte/beach",
          "Strandbad Stralsund",
          "Stralsund lido",
          "Sandstrand am Ende der Sundpromenade.",
          "Sandy beach at the end of the Sundpromenade.");
  static final SearchDocument WATER =
      new SearchDocument(
          SearchKind.PLACE,
          "water",
          "/orte/water",
          "Badewasser Strandbad",
          "Bathing water at the lido",
          "Wassertemperatur und E. coli.",
          "Water temperature and E. coli.");
  static final SearchDocument FESTIVAL =
      new SearchDocument(
          SearchKind.PLACE,
          "festival",
          "/orte/festival",
          "Hafenfest",
          "Harbour festival",
          "Musik, Schiffe und Essen auf der Insel.",
          "Music, ships and food on the island.");
  static final SearchDocument CHARGER =
      SearchDocument.of(
          SearchKind.PLACE,
          "charger",
          "/orte/charger",
          "Ladestation Ozeaneum",
          "Zwei Ladepunkte nahe dem Hafen");
  static final SearchDocument WEATHER =
      SearchDocument.of(
          SearchKind.PLACE,
          "weather",
          "/orte/weather",
          "Wetterstation Hochschule",
          "Zur Schwedenschanze, Grosse Parower Strasse");
  static final SearchDocument MAP_PAGE =
      new SearchDocument(
          SearchKind.PAGE,
          "/",
          "/",
          "Live-Stadtkarte",
          "Live city map",
          "Sensoren, Strand und Orte der Stadt, laufend aktualisiert.",
          "Sensors, beach and places of the city, updated continuously.");

  static final List<SearchDocument> TOWN =
      List.of(CAR_PARK, LIGHTS, MINT, BEACH, WATER, FESTIVAL, CHARGER, WEATHER, MAP_PAGE);

  String tenant;

  /** The index under test, opened once per test class on a fresh database. */
  abstract SearchIndex index();

  /**
   * Whether the backend reduces words to their stem and accepts near spellings (PostgreSQL) or
   * matches the letters typed only (SQLite).
   */
  abstract boolean stems();

  @BeforeEach
  void town() {
    tenant = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    assertThat(index().replace(tenant, TOWN)).isEqualTo(TOWN.size());
  }

  List<String> find(String input) {
    return index().search(tenant, SearchQuery.parse(input), 50).stream()
        .map(SearchDocument::ref)
        .toList();
  }

  @Test
  void findsAPartOfACompoundWord() {
    assertThat(find("Beleuchtung")).containsExactly("lights");
    assertThat(find("beleuchtung melden")).containsExactly("lights");
    assertThat(find("Bad")).containsExactlyInAnyOrder("beach", "water");
    assertThat(find("Promenade")).containsExactly("beach");
  }

  @Test
  void findsUmlautsAndSharpSWrittenEitherWay() {
    assertThat(find("Münze")).containsExactly("mint");
    assertThat(find("Muenze")).containsExactly("mint");
    assertThat(find("MÜNZE")).containsExactly("mint");
    assertThat(find("Straße")).containsExactlyInAnyOrder("lights", "weather");
    assertThat(find("Strasse")).containsExactlyInAnyOrder("lights", "weather");
    assertThat(find("große")).containsExactly("weather");
    assertThat(find("Mängelmelder")).containsExactly("lights");
    assertThat(find("Maengelmelder")).containsExactly("lights");
    // Decomposed input (u + combining diaeresis), as some keyboards send it.
    assertThat(find("Mu\u0308nze")).containsExactly("mint");
  }

  @Test
  void ignoresCase() {
    assertThat(find("OZEANEUM")).containsExactly("charger");
    assertThat(find("STRANDBAD")).containsExactlyInAnyOrder("beach", "water");
  }

  @Test
  void findsEnglishWordsToo() {
    assertThat(find("harbour"))
        .containsExactlyInAnyOrder("urn:ngsi-ld:OffStreetParking:x:hafen", "festival");
    assertThat(find("street light")).containsExactly("lights");
  }

  @Test
  void findsAWholeWordOnlyWhereItIs() {
    assertThat(find("Strandbad")).containsExactlyInAnyOrder("beach", "water");
    assertThat(find("Strand")).containsExactlyInAnyOrder("beach", "water", "/");
  }

  @Test
  void toleratesATypoWhereTheBackendCan() {
    if (stems()) {
      assertThat(find("Ozeanum")).containsExactly("charger");
      assertThat(find("Beleuchtug")).containsExactly("lights");
    } else {
      assertThat(find("Ozeanum")).isEmpty();
    }
  }

  @Test
  void putsTitleHitsFirst() {
    List<String> found = find("Hafen");
    assertThat(found)
        .containsExactlyInAnyOrder("urn:ngsi-ld:OffStreetParking:x:hafen", "festival", "charger");
    assertThat(found.getLast()).isEqualTo("charger");
    // Both titles have the word; the one that starts with it comes first.
    assertThat(find("Strandbad")).containsExactly("beach", "water");
    assertThat(find("Wasser")).containsExactly("water");
  }

  @Test
  void wantsEveryWord() {
    assertThat(find("Hafen Parkhaus")).containsExactly("urn:ngsi-ld:OffStreetParking:x:hafen");
    assertThat(find("Hafen Ozeaneum")).containsExactly("charger");
    assertThat(find("Hafen Münze")).isEmpty();
  }

  @Test
  void reducesWordsToTheirStemWhereTheBackendCan() {
    if (stems()) {
      assertThat(find("Parkhäuser")).containsExactly("urn:ngsi-ld:OffStreetParking:x:hafen");
      assertThat(find("Laternen")).containsExactly("lights");
      assertThat(find("harbours"))
          .containsExactlyInAnyOrder("urn:ngsi-ld:OffStreetParking:x:hafen", "festival");
    } else {
      // SQLite has no German stemmer: a plural with an umlaut is another string of letters.
      assertThat(find("Parkhäuser")).isEmpty();
      // Nor is a plural found in its singular: "Laterne" is a part of "Laternen", not the other
      // way round. (Typing the shorter form finds both.)
      assertThat(find("Laternen")).isEmpty();
    }
    assertThat(find("Parkhaus")).containsExactly("urn:ngsi-ld:OffStreetParking:x:hafen");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "\"\"\"",
        "*",
        "NEAR(",
        "NEAR(Hafen Münze, 2)",
        "' OR 1=1",
        "' OR '1'='1' --",
        "'; DROP TABLE portal_search_document; --",
        "Hafen\" OR \"Münze",
        "Hafen OR Münze",
        "Hafen NOT Parkhaus",
        "title_fold:Münze",
        "{title_fold}: Münze",
        "^Hafen",
        "Hafen*",
        "%",
        "_",
        "\\",
        "%afen",
        "\u0000Hafen"
      })
  void treatsQuerySyntaxAsPlainText(String input) {
    List<String> found = find(input);
    SearchQuery query = SearchQuery.parse(input);
    // Whatever was typed, the result is that of its words, all of which must occur.
    for (String ref : found) {
      SearchDocument document =
          TOWN.stream().filter(d -> d.ref().equals(ref)).findFirst().orElseThrow();
      String all =
          (document.titleDe()
              + " "
              + document.titleEn()
              + " "
              + document.textDe()
              + " "
              + document.textEn());
      assertThat(query.words()).isNotEmpty();
      assertThat(query.words())
          .allSatisfy(
              w ->
                  assertThat(stems() || fold(all).contains(w.folded()))
                      .as(ref + " contains " + w.folded())
                      .isTrue());
    }
    assertThat(find("Hafen OR Münze")).isEmpty();
    assertThat(find("Beleuchtung")).containsExactly("lights");
    assertThat(index().search(tenant, SearchQuery.parse("Münze"), 50)).hasSize(1);
  }

  @Test
  void answersShortQueriesWithAHintNotAScan() {
    assertThat(SearchQuery.parse("ab").tooShort()).isTrue();
    assertThat(find("ab")).isEmpty();
    assertThat(SearchQuery.parse("").tooShort()).isFalse();
    assertThat(find("")).isEmpty();
    assertThat(find("   ")).isEmpty();
    assertThat(find("an der Sundpromenade")).containsExactly("beach");
  }

  @Test
  void limitsQueryLengthAndResultCount() {
    String longQuery = "Hafen ".repeat(2000);
    assertThat(SearchQuery.parse(longQuery).text()).hasSizeLessThanOrEqualTo(200);
    assertThat(find(longQuery)).hasSize(3);
    String manyWords = "Hafen Parkhaus Fährwall Altstadt Multi storey harbour town close";
    assertThat(SearchQuery.parse(manyWords).words()).hasSize(8);
    assertThat(index().search(tenant, SearchQuery.parse("Hafen"), 2)).hasSize(2);
  }

  @Test
  void keepsTenantsApart() {
    String other = tenant + "b";
    index()
        .replace(
            other,
            List.of(SearchDocument.of(SearchKind.PLACE, "b", "/orte/b", "Ozeaneum Nord", "")));
    assertThat(find("Ozeaneum")).containsExactly("charger");
    assertThat(index().search(other, SearchQuery.parse("Ozeaneum"), 50))
        .extracting(SearchDocument::ref)
        .containsExactly("b");
    assertThat(index().search(other, SearchQuery.parse("Münze"), 50)).isEmpty();
  }

  @Test
  void replacesATenantsDocumentsWhole() {
    index().replace(tenant, List.of(BEACH, MINT, MINT));
    assertThat(find("Beleuchtung")).isEmpty();
    assertThat(find("Münze")).containsExactly("mint");
    assertThat(find("Strandbad")).containsExactly("beach");
    assertThat(index().search(tenant, SearchQuery.parse("Strandbad"), 50).getFirst())
        .isEqualTo(BEACH);
  }

  @Test
  void keepsThePreviousIndexWhenARebuildFails() {
    Iterable<SearchDocument> failing =
        () ->
            new Iterator<>() {
              private int next;

              @Override
              public boolean hasNext() {
                return true;
              }

              @Override
              public SearchDocument next() {
                if (next++ == 0) {
                  return SearchDocument.of(SearchKind.PAGE, "new", "/new", "Neue Seite", "");
                }
                throw new IllegalStateException("source failed half-way");
              }
            };
    assertThatThrownBy(() -> index().replace(tenant, failing)).hasMessageContaining("half-way");
    assertThat(find("Neue Seite")).isEmpty();
    assertThat(find("Beleuchtung")).containsExactly("lights");
    assertThat(find("Hafen")).hasSize(3);
  }

  private static String fold(String text) {
    return text.toLowerCase(java.util.Locale.GERMAN)
        .replace("ä", "ae")
        .replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ß", "ss");
  }
}
