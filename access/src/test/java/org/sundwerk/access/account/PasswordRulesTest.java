package org.sundwerk.access.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NIST SP 800-63B Rev. 4: length and blocklist, no composition rules. */
class PasswordRulesTest {

  private static final PasswordRules RULES = PasswordRules.standard();

  static Stream<Arguments> passwords() {
    return Stream.of(
        Arguments.of("fifteen letters", Set.of()),
        Arguments.of("alllowercasenodigits", Set.of()),
        Arguments.of("Tr0ub4dor&3", Set.of(PasswordProblem.TOO_SHORT)),
        Arguments.of("vierzehn zeich", Set.of(PasswordProblem.TOO_SHORT)),
        Arguments.of("PasswordPassword", Set.of(PasswordProblem.COMMON)),
        Arguments.of("qwertzuiopasdfgh", Set.of(PasswordProblem.COMMON)),
        Arguments.of("aaaaaaaaaaaaaaaaaaaa", Set.of(PasswordProblem.COMMON)),
        Arguments.of("my sundwerk password", Set.of(PasswordProblem.CONTEXT)),
        Arguments.of("erika mustermann 2026", Set.of(PasswordProblem.CONTEXT)),
        Arguments.of("x".repeat(10) + "y".repeat(247), Set.of(PasswordProblem.TOO_LONG)),
        // 15 characters counted as the user sees them, not as UTF-16 units or bytes.
        Arguments.of("\uD83C\uDF33".repeat(15), Set.of(PasswordProblem.COMMON)),
        Arguments.of("B\u00E4ume am Stadtrand", Set.of()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("passwords")
  void judgesANewPassword(String password, Set<PasswordProblem> expected) {
    assertThat(RULES.check(password, "erika@example.org", "Erika Mustermann"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
