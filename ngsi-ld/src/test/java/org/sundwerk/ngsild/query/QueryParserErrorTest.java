package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.ngsild.query.PrefixTerms.TERMS;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Malformed {@code q} expressions fail with BadRequestData naming what and where (1-based). */
class QueryParserErrorTest {

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          temperature>                  -> Expected a value                       -> 13
          temperature=20                -> Unknown operator                       -> 12
          temperature~20                -> Unknown operator                       -> 12
          (temperature>20               -> Missing ')'                            -> 1
          temperature>20)               -> Unbalanced ')'                         -> 15
          temperature>20;               -> Expected an attribute name             -> 16
          temperature>20||a             -> Expected an attribute name             -> 16
          ==1                           -> Expected an attribute name             -> 1
          ()                            -> Expected an attribute name             -> 2
          name=="open                   -> Unterminated string                    -> 7
          name=="a\\qb"                 -> Unknown escape                         -> 9
          name=="\\u00g1"               -> four hex digits                        -> 8
          name==x"y"                    -> Unexpected '\"'                        -> 8
          name==Sankt Marien            -> Unexpected ' '                         -> 12
          name=="a"b                    -> Expected ';', '|' or the end           -> 10
          name~=[a-                     -> Invalid regular expression             -> 7
          name~=(a)\\1;x==1               -> backreferences, lookaround             -> 7
          name~="(a{99}){99}"           -> expands beyond                        -> 7
          name~=                        -> Expected a regular expression          -> 7
          open>true                     -> cannot compare booleans                -> 6
          temperature>1..5              -> only allowed with == and !=            -> 14
          temperature<1,5               -> only allowed with == and !=            -> 14
          temperature==1..true          -> A range needs                          -> 14
          temperature==1..              -> Expected a value                       -> 17
          temperature==1,               -> Expected a value                       -> 16
          a.b.c==1                      -> Only one level                         -> 4
          a.==1                         -> Expected a sub-attribute               -> 3
          address[]==1                  -> member name inside '[]'                -> 9
          address[x==1                  -> Missing ']'                            -> 13
          opened>2026-13-45T00:00:00Z   -> Invalid ISO 8601 date-time             -> 8
          a==1&b==2                     -> Unexpected '='                         -> 7
          """)
  void rejectsMalformedQueries(String q, String what, int position) {
    assertThatThrownBy(() -> QueryParser.parse(q, TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining(what)
        .hasMessageContaining("at position " + position + " in q: " + q);
  }

  @Test
  void rejectsAnEmptyQuery() {
    assertThatThrownBy(() -> QueryParser.parse("", TERMS))
        .isInstanceOf(NgsiLdException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void rejectsAQueryLongerThan4096Characters() {
    String q = "name==\"" + "x".repeat(4090) + "\"";

    assertTooComplex(q, "4098 characters");
  }

  @Test
  void rejectsParenthesesNestedDeeperThan32() {
    String q = "(".repeat(33) + "a" + ")".repeat(33);

    assertTooComplex(q, "more than 32 nested parentheses");
  }

  @Test
  void acceptsParenthesesNested32Deep() {
    String q = "(".repeat(32) + "a" + ")".repeat(32);

    assertThat(QueryParser.parse(q, TERMS)).isInstanceOf(Query.Exists.class);
  }

  @Test
  void rejectsMoreThan100Terms() {
    String q = String.join(";", Collections.nCopies(101, "a==1"));

    assertTooComplex(q, "more than 100 terms");
  }

  private static void assertTooComplex(String q, String what) {
    assertThatThrownBy(() -> QueryParser.parse(q, TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.TOO_COMPLEX_QUERY))
        .hasMessageContaining(what);
  }
}
