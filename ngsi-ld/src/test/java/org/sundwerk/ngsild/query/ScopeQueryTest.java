package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Scope queries (clause 4.19): expression to the ids it selects. */
class ScopeQueryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          /Stralsund/Altstadt                                     -> altstadt rathaus
          /Stralsund/Altstadt/#                                   -> altstadt hafen ozeaneum rathaus
          /Stralsund/+                                            -> altstadt bahnhof rathaus strandbad
          /Stralsund/+/Hafen                                      -> hafen ozeaneum
          /Stralsund/+/+/#                                        -> hafen hbf ozeaneum
          /+/Parken                                               -> bahnhof hafen
          /#                                                      -> altstadt anna bahnhof hafen hafenweg hbf ozeaneum rathaus strandbad
          /Verkehr                                                -> hafenweg
          /Stralsund                                              ->
          /Kultur;/Stralsund/Altstadt/#                           -> ozeaneum rathaus
          /Kultur,/Privat                                         -> anna ozeaneum rathaus
          /Kultur|/Privat                                         -> anna ozeaneum rathaus
          /Verkehr/#;(/Stralsund/Altstadt/#,/Stralsund/Tribseer/#) -> bahnhof hafen
          """)
  void selectsTheExpectedEntities(String scopeQ, String ids) {
    ScopeQuery query = ScopeQueryParser.parse(scopeQ);

    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity.scopes())))
        .isEqualTo(Stralsund.expected(ids));
  }

  @Test
  void matchesScopesStoredWithoutLeadingSlash() {
    assertThat(QueryEvaluator.matches(ScopeQueryParser.parse("/a/#"), List.of("a/b"))).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          Stralsund              -> must start with '/'            -> 1
          /Stralsund//Altstadt   -> Empty scope level              -> 12
          /Stralsund/            -> Empty scope level              -> 12
          /                      -> Empty scope level              -> 2
          /Stralsund/#/Hafen     -> only allowed as the last       -> 12
          /Stral sund            -> Invalid scope level            -> 2
          /a-b                   -> Invalid scope level            -> 2
          (/a                    -> Missing ')'                    -> 1
          /a;                    -> must start with '/'            -> 4
          """)
  void rejectsMalformedScopes(String scopeQ, String what, int position) {
    assertThatThrownBy(() -> ScopeQueryParser.parse(scopeQ))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining(what)
        .hasMessageContaining("at position " + position + " in scopeQ: " + scopeQ);
  }
}
