package org.sundwerk.ngsild.query;

import java.util.Arrays;
import java.util.List;

/**
 * Parses {@code scopeQ} (clause 4.19), e.g. {@code /Stralsund/#;/Energie,/Verkehr/+}. A pattern
 * starts with {@code /}; its levels are letters, digits and {@code _}, or {@code +} (any one
 * level), or a final {@code #} (any tail, including none). Stateless and thread-safe.
 */
public final class ScopeQueryParser {

  private ScopeQueryParser() {}

  /**
   * Parses {@code scopeQ}.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData for a syntax error,
   *     TooComplexQuery when it is too long, too deep or has too many patterns
   */
  public static ScopeQuery parse(String scopeQ) {
    return Selectors.parse(
        new Cursor("scopeQ", scopeQ),
        ScopeQueryParser::pattern,
        ScopeQuery.AnyOf::new,
        ScopeQuery.AllOf::new);
  }

  private static ScopeQuery pattern(Cursor in) {
    int start = in.position();
    if (!in.accept("/")) {
      throw in.error("A scope must start with '/' but found " + in.found());
    }
    while (!in.atEnd() && !Selectors.isSyntax(in.peek())) {
      in.next();
    }
    String body = in.slice(start + 1, in.position());
    List<String> segments = Arrays.asList(body.split("/", -1));
    int offset = start + 1;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.equals("#")) {
        if (i != segments.size() - 1) {
          throw in.errorAt("'#' is only allowed as the last scope level", offset);
        }
      } else if (!segment.equals("+") && !isLevel(segment)) {
        throw in.errorAt(
            segment.isEmpty()
                ? "Empty scope level"
                : "Invalid scope level '" + segment + "' (letters, digits and '_' only)",
            offset);
      }
      offset += segment.length() + 1;
    }
    return new ScopeQuery.Pattern(segments);
  }

  private static boolean isLevel(String segment) {
    return !segment.isEmpty()
        && segment.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
  }
}
