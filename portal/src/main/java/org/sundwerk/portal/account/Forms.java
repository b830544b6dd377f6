package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.sundwerk.access.account.PasswordProblem;

/** How the account forms answer a mistake: a status, and messages the template shows. */
final class Forms {

  private Forms() {}

  /** One message ({@code error} in the model). */
  static void error(Model model, HttpServletResponse response, int status, String key) {
    error(model, response, status, key, "");
  }

  /** One message ({@code error} in the model) with one argument ({@code errorArg}). */
  static void error(Model model, HttpServletResponse response, int status, String key, Object arg) {
    response.setStatus(status);
    model.addAttribute("error", key);
    model.addAttribute("errorArg", arg);
  }

  /** Too many tries from this client: 429 with {@code Retry-After}. */
  static void limited(Model model, HttpServletResponse response, long seconds) {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    error(model, response, 429, "form.limited", seconds);
  }

  /** What is wrong with a new password, as message keys in a stable order. */
  static void passwordProblems(
      Model model, HttpServletResponse response, Set<PasswordProblem> problems) {
    response.setStatus(400);
    List<String> keys =
        problems.stream()
            .sorted()
            .map(p -> "password.problem." + p.name().toLowerCase(Locale.ROOT))
            .toList();
    model.addAttribute("passwordProblems", keys);
  }
}
