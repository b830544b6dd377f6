package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Client patterns run on a linear-time engine, within a size, and fail clearly otherwise. */
class RegexTest {

  private static final String ID = "urn:ngsi-ld:OffStreetParking:stralsund-hafen";

  @ParameterizedTest(name = "{0} finds in the id: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          OffStreetParking                         | true
          ^urn:ngsi-ld:OffStreetParking:.*$        | true
          ^OffStreetParking                        | false
          (?i)offstreetparking                     | true
          \\Qngsi-ld:Off\\E                        | true
          \\p{L}+:\\d                              | false
          [[:alpha:]]+-hafen$                      | true
          urn:ngsi-ld:[A-Za-z]+:[a-z]{3,12}-hafen  | true
          (.*.){5}#                                | false
          """)
  void matchesWithFindSemantics(String pattern, boolean found) {
    assertThat(Regex.compile(pattern, "idPattern").find(ID)).isEqualTo(found);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          (a)\\1                       | invalid escape sequence
          a(?=b)                       | Perl syntax
          a(?<!b)                      | lookaround
          a++                          | nested repetition
          [a-                          | missing closing ]
          (a{1000}){1000}              | expands beyond
          ((a{10}){10}){11}            | expands beyond
          (\\Q0123456789\\E){19}       | expands beyond
          (.{1,6}){29}                 | expands beyond
          """)
  void rejectsWhatTheEngineCannotRunCheaply(String pattern, String reason) {
    assertThatThrownBy(() -> Regex.compile(pattern, "idPattern"))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageStartingWith("idPattern is not a supported regular expression: ")
        .hasMessageContaining(reason);
  }

  @Test
  void explainsThatBackreferencesAndLookaroundAreUnsupported() {
    assertThat(Regex.problem("(a)\\1"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("backreferences, lookaround"));
  }

  @Test
  void acceptsPatternsUpToBothLimits() {
    assertThat(Regex.problem("[a-z]".repeat(Regex.MAX_LENGTH / 5))).isEmpty();
    assertThat(Regex.problem("a".repeat(Regex.MAX_SIZE))).isEmpty();
    assertThat(Regex.problem("[a-z]".repeat(Regex.MAX_LENGTH / 5) + "abc"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("at most " + Regex.MAX_LENGTH));
    assertThat(Regex.problem("a".repeat(Regex.MAX_SIZE + 1)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("beyond " + Regex.MAX_SIZE));
  }

  @ParameterizedTest(name = "{0} expands to {1} atoms")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          abc                    -> 3
          a{3}                   -> 3
          (ab){3}                -> 9
          (a|b){3,5}             -> 15
          (a{2}){3}c             -> 10
          [a-z{}]{4}             -> 4
          \\d{2,}                -> 3
          \\Qa{9}\\E             -> 4
          x{,9}                  -> 5
          """)
  void estimatesTheExpandedSize(String pattern, long size) {
    assertThat(Regex.size(pattern)).isEqualTo(size);
  }
}
