package org.sundwerk.ngsild.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sundwerk.ngsild.query.PrefixTerms.EX;
import static org.sundwerk.ngsild.query.PrefixTerms.TERMS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

class ProjectionParserTest {

  @Test
  void expandsAttrsInOrderWithoutDuplicates() {
    assertThat(ProjectionParser.attrs("name,location,name,ex:speed", TERMS))
        .containsExactly(EX + "name", "https://uri.etsi.org/ngsi-ld/location", EX + "speed");
  }

  @Test
  void keepsIdAndTypeInPickAndOmit() {
    assertThat(ProjectionParser.pickOrOmit("pick", "id,type,name", TERMS))
        .containsExactly("id", "type", EX + "name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "name,", ",name", "name,,speed", "na me"})
  void rejectsEmptyOrBlankNames(String attrs) {
    assertThatThrownBy(() -> ProjectionParser.attrs(attrs, TERMS))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA))
        .hasMessageContaining("attrs");
  }
}
