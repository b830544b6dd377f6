package org.sundwerk.portal.workplace;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.sundwerk.business.BusinessProblem;

/** How the workplace pages answer a refused step: the status a form's page is shown with. */
final class Problems {

  private Problems() {}

  static int status(BusinessProblem problem) {
    return switch (problem.kind()) {
      case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
      case CONFLICT -> HttpServletResponse.SC_CONFLICT;
      case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
    };
  }

  /** An enum constant as message keys spell it ({@code city_office}). */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
