package org.sundwerk.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaRegexTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "^urn:ngsi-ld:Room:\\d+$|^urn:ngsi-ld:Room:\\d+$",
        "(?i)^kitchen|(?i)^kitchen",
        "\\Qa.b\\E(/.*)?$|a\\.b(/.*)?$",
        "^/\\QMadrid\\E/[^/]+$|^/Madrid/[^/]+$",
        "\\Qopen-ended|open\\-ended",
        "\\\\Q|\\\\Q",
      })
  void translatesJavaQuotingToEscapes(String java, String posix) {
    assertThat(JavaRegex.toPosix(java)).isEqualTo(posix);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"a.b", "x+y*z", "(1)[2]{3}", "end\\Etext", "ümlaut?"})
  void quotedTextStaysLiteral(String text) {
    String posix = JavaRegex.toPosix(Pattern.quote(text));
    assertThat(Pattern.compile(posix).matcher(text).matches()).isTrue();
    assertThat(posix).doesNotContain("\\Q");
  }
}
