package org.sundwerk.ngsild.query;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * The one check of an {@code idPattern} (clauses 4.9 and 5.2.8): a regular expression that an
 * entity id must match (find semantics). Every selection and subscription validates it here, once,
 * with one message; the engine that runs it is chosen here too.
 */
public final class IdPattern {

  private IdPattern() {}

  /**
   * Returns {@code pattern} if it is a valid regular expression.
   *
   * @throws NgsiLdException BadRequestData otherwise
   */
  public static String requireValid(String pattern) {
    try {
      Pattern.compile(pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      throw NgsiLdException.badRequestData(
          "idPattern is not a valid regular expression: " + e.getDescription());
    }
  }
}
