package org.sundwerk.store.postgres;

/**
 * Turns a regular expression in RE2/Java syntax ({@link org.sundwerk.ngsild.query.Regex}) into
 * PostgreSQL's POSIX ARE form. The two agree on the syntax the broker produces and users commonly
 * write (classes, {@code \d \w \s}, anchors, quantifiers, groups); what ARE lacks is the {@code
 * \Q...\E} quoting that {@link java.util.regex.Pattern#quote} emits, so quoted spans become escaped
 * characters here. In ARE a backslash before a non-alphanumeric character makes it literal.
 */
final class JavaRegex {

  private JavaRegex() {}

  static String toPosix(String javaRegex) {
    StringBuilder out = new StringBuilder(javaRegex.length() + 8);
    int i = 0;
    while (i < javaRegex.length()) {
      char c = javaRegex.charAt(i);
      if (c == '\\' && i + 1 < javaRegex.length()) {
        char next = javaRegex.charAt(i + 1);
        if (next == 'Q') {
          int end = javaRegex.indexOf("\\E", i + 2);
          String quoted = javaRegex.substring(i + 2, end < 0 ? javaRegex.length() : end);
          quoted.chars().forEach(q -> out.append(literal((char) q)));
          i = end < 0 ? javaRegex.length() : end + 2;
          continue;
        }
        out.append(c).append(next);
        i += 2;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String literal(char c) {
    return Character.isLetterOrDigit(c) || c > 0x7f ? String.valueOf(c) : "\\" + c;
  }
}
