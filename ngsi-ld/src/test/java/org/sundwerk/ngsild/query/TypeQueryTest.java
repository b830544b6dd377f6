package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.ngsild.query.PrefixTerms.TERMS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** The entity type selector (clause 4.17): expression to the ids it selects. */
class TypeQueryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          Museum                                 -> ozeaneum
          OffStreetParking                       -> bahnhof hafen
          TouristAttraction                      -> ozeaneum rathaus
          Museum,Beach                           -> ozeaneum strandbad
          Museum|Beach                           -> ozeaneum strandbad
          Building;TouristAttraction             -> rathaus
          Building;Museum                        ->
          TouristAttraction;Museum|Person        -> anna ozeaneum
          (Sensor;Device),Person                 -> anna s1
          Beach;(Person,District)                ->
          https://example.org/Beach              -> strandbad
          ex:TrainStation                        -> hbf
          Unknown                                ->
          """)
  void selectsTheExpectedEntities(String type, String ids) {
    TypeQuery query = TypeQueryParser.parse(type, TERMS);

    assertThat(Stralsund.idsWhere(entity -> QueryEvaluator.matches(query, entity.types())))
        .isEqualTo(Stralsund.expected(ids));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = "->",
      textBlock =
          """
          Museum,          -> Expected a type name          -> 8
          ,Museum          -> Expected a type name          -> 1
          (Museum          -> Missing ')'                   -> 1
          Museum)          -> Unbalanced ')'                -> 7
          Museum;;Beach    -> Expected a type name          -> 8
          Mu seum          -> Whitespace                    -> 3
          """)
  void rejectsMalformedSelectors(String type, String what, int position) {
    assertThatThrownBy(() -> TypeQueryParser.parse(type, TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining(what)
        .hasMessageContaining("at position " + position + " in type: " + type);
  }
}
