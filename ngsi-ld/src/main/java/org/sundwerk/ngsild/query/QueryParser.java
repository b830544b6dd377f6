package org.sundwerk.ngsild.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * Parses the NGSI-LD query language {@code q} (ETSI GS CIM 009 v1.8, clause 4.9) into a {@link
 * Query}. Recursive descent over this grammar ({@code ;} binds tighter than {@code |}):
 *
 * <pre>
 * query      = and *("|" and)
 * and        = primary *(";" primary)
 * primary    = "(" query ")" / "!" path / path [op value]
 * path       = name ["." name] *("[" member "]")
 * op         = "==" / "!=" / ">" / ">=" / "<" / "<=" / "~=" / "!~="
 * value      = scalar / scalar ".." scalar / scalar 1*("," scalar)   ; lists and ranges with == and != only
 * scalar     = number / quoted-string / "true" / "false" / date-time / date / other-token
 * </pre>
 *
 * The right side of {@code ~=} and {@code !~=} is a {@link Regex}, either quoted or unquoted; an
 * unquoted one ends at a {@code ;}, {@code |} or {@code )} outside its own groups and character
 * classes. Attribute and sub-attribute names are expanded with the caller's terms; metadata names
 * and compound members stay as written. Errors carry the 1-based position. Stateless and
 * thread-safe.
 */
public final class QueryParser {

  /** Names after a dot that mean metadata of the attribute rather than a sub-attribute. */
  public static final Set<String> METADATA =
      Set.of("observedAt", "createdAt", "modifiedAt", "unitCode", "datasetId");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private QueryParser() {}

  /**
   * Parses {@code q}.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData for a syntax error,
   *     TooComplexQuery beyond {@value Cursor#MAX_LENGTH} characters, {@value Cursor#MAX_DEPTH}
   *     nested parentheses or {@value Cursor#MAX_TERMS} terms
   */
  public static Query parse(String q, TermDictionary terms) {
    return new Run(new Cursor("q", q), terms).parse();
  }

  /** One parse: the cursor it advances and the terms it expands names with. */
  private static final class Run {
    private final Cursor in;
    private final TermDictionary terms;

    Run(Cursor in, TermDictionary terms) {
      this.in = in;
      this.terms = terms;
    }

    Query parse() {
      Query query = or();
      if (!in.atEnd()) {
        throw in.error(
            in.peek() == ')'
                ? "Unbalanced ')'"
                : "Expected ';', '|' or the end but found " + in.found());
      }
      return query;
    }

    private Query or() {
      List<Query> parts = new ArrayList<>();
      parts.add(and());
      while (in.accept("|")) {
        parts.add(and());
      }
      return parts.size() == 1 ? parts.getFirst() : new Query.Or(parts);
    }

    private Query and() {
      List<Query> parts = new ArrayList<>();
      parts.add(primary());
      while (in.accept(";")) {
        parts.add(primary());
      }
      return parts.size() == 1 ? parts.getFirst() : new Query.And(parts);
    }

    private Query primary() {
      if (in.peek() == '(') {
        int open = in.position();
        in.next();
        in.enterGroup();
        Query inner = or();
        if (!in.accept(")")) {
          throw in.errorAt("Missing ')' for the '(' opened", open);
        }
        in.leaveGroup();
        return inner;
      }
      in.countTerm();
      if (in.peek() == '!' && !in.startsWith("!=") && !in.startsWith("!~=")) {
        in.next();
        return new Query.NotExists(path());
      }
      AttrPath path = path();
      Optional<Operator> operator = operator();
      if (operator.isEmpty()) {
        return new Query.Exists(path);
      }
      Operator op = operator.get();
      Value value =
          switch (op) {
            case EQUAL, UNEQUAL -> equalityValue();
            case GREATER, GREATER_EQ, LESS, LESS_EQ -> orderedValue(op);
            case MATCHES_PATTERN, NOT_MATCHES_PATTERN -> regex();
          };
      return new Query.Comparison(path, op, value);
    }

    private AttrPath path() {
      String attribute = terms.expand(name("an attribute name"));
      Optional<String> sub = Optional.empty();
      if (in.accept(".")) {
        String name = name("a sub-attribute or metadata name after '.'");
        sub = Optional.of(METADATA.contains(name) ? name : terms.expand(name));
        if (in.peek() == '.') {
          throw in.error("Only one level of sub-attribute or metadata is supported, found '.'");
        }
      }
      List<String> compound = new ArrayList<>();
      while (in.peek() == '[') {
        in.next();
        int start = in.position();
        while (!in.atEnd() && in.peek() != ']' && in.peek() != '[') {
          in.next();
        }
        if (in.position() == start) {
          throw in.error("Expected a member name inside '[]'");
        }
        String member = in.slice(start, in.position());
        if (!in.accept("]")) {
          throw in.error("Missing ']' after compound member '" + member + "'");
        }
        compound.add(member);
      }
      return new AttrPath(attribute, sub, compound);
    }

    private String name(String expected) {
      int start = in.position();
      while (!in.atEnd() && isNameChar(in.peek())) {
        in.next();
      }
      if (in.position() == start) {
        throw in.error("Expected " + expected + " but found " + in.found());
      }
      return in.slice(start, in.position());
    }

    private static boolean isNameChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-';
    }

    private Optional<Operator> operator() {
      // Longest symbols first so that "!~=" is not read as "!" and ">=" not as ">".
      for (Operator op :
          List.of(
              Operator.NOT_MATCHES_PATTERN,
              Operator.EQUAL,
              Operator.UNEQUAL,
              Operator.GREATER_EQ,
              Operator.LESS_EQ,
              Operator.MATCHES_PATTERN,
              Operator.GREATER,
              Operator.LESS)) {
        if (in.accept(op.symbol())) {
          return Optional.of(op);
        }
      }
      if (in.peek() == '=' || in.peek() == '~' || in.peek() == '!') {
        throw in.error("Unknown operator starting with " + in.found() + "; use ==, !=, ~= or !~=");
      }
      return Optional.empty();
    }

    private Value equalityValue() {
      int start = in.position();
      Value first = scalar();
      if (in.accept("..")) {
        Value last = scalar();
        if (!rangeable(first) || first.getClass() != last.getClass()) {
          throw in.errorAt(
              "A range needs two numbers, two date-times or two strings of the same kind", start);
        }
        return new Value.Range(first, last);
      }
      if (in.peek() != ',') {
        return first;
      }
      List<Value> values = new ArrayList<>();
      values.add(first);
      while (in.accept(",")) {
        values.add(scalar());
      }
      return new Value.Choice(values);
    }

    private static boolean rangeable(Value value) {
      return value instanceof Value.Number
          || value instanceof Value.DateTime
          || value instanceof Value.Text;
    }

    private Value orderedValue(Operator op) {
      int start = in.position();
      Value value = scalar();
      if (value instanceof Value.Bool) {
        throw in.errorAt("Operator " + op.symbol() + " cannot compare booleans", start);
      }
      if (in.startsWith("..") || in.peek() == ',') {
        throw in.error("Ranges and value lists are only allowed with == and !=");
      }
      return value;
    }

    private Value scalar() {
      int start = in.position();
      if (in.peek() == '"') {
        return new Value.Text(quoted());
      }
      while (!in.atEnd() && !isValueEnd()) {
        in.next();
      }
      String token = in.slice(start, in.position());
      if (token.isEmpty()) {
        throw in.error("Expected a value but found " + in.found());
      }
      if (token.equals("true") || token.equals("false")) {
        return new Value.Bool(Boolean.parseBoolean(token));
      }
      if (NUMBER.matcher(token).matches()) {
        return new Value.Number(Double.parseDouble(token));
      }
      if (DateTimes.looksLikeDateTime(token)) {
        return new Value.DateTime(
            DateTimes.parse(token)
                .orElseThrow(
                    () -> in.errorAt("Invalid ISO 8601 date-time '" + token + "'", start)));
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (Character.isWhitespace(c) || "\"'<>=(".indexOf(c) >= 0) {
          throw in.errorAt(
              "Unexpected '" + c + "' in the unquoted value '" + token + "'; quote strings",
              start + i);
        }
      }
      return new Value.Text(token);
    }

    private boolean isValueEnd() {
      char c = in.peek();
      return c == ';' || c == '|' || c == ')' || c == ',' || in.startsWith("..");
    }

    /** Reads a double-quoted string with JSON escapes; the cursor is on the opening quote. */
    private String quoted() {
      int open = in.position();
      in.next();
      StringBuilder text = new StringBuilder();
      while (true) {
        if (in.atEnd()) {
          throw in.errorAt("Unterminated string", open);
        }
        char c = in.next();
        if (c == '"') {
          return text.toString();
        }
        if (c != '\\') {
          text.append(c);
          continue;
        }
        if (in.atEnd()) {
          throw in.errorAt("Unterminated string", open);
        }
        int escape = in.position();
        char e = in.next();
        switch (e) {
          case '"', '\\', '/' -> text.append(e);
          case 'n' -> text.append('\n');
          case 't' -> text.append('\t');
          case 'r' -> text.append('\r');
          case 'b' -> text.append('\b');
          case 'f' -> text.append('\f');
          case 'u' -> text.append(unicodeEscape(escape));
          default -> throw in.errorAt("Unknown escape '\\" + e + "' in a string", escape - 1);
        }
      }
    }

    private char unicodeEscape(int escape) {
      if (!hasFourHexDigits()) {
        throw in.errorAt("Expected four hex digits after '\\u'", escape - 1);
      }
      int start = in.position();
      for (int i = 0; i < 4; i++) {
        in.next();
      }
      return (char) Integer.parseInt(in.slice(start, in.position()), 16);
    }

    private boolean hasFourHexDigits() {
      int start = in.position();
      try {
        for (int i = 0; i < 4; i++) {
          if (in.atEnd() || Character.digit(in.next(), 16) < 0) {
            return false;
          }
        }
        return true;
      } finally {
        in.reset(start);
      }
    }

    /**
     * Reads a regular expression: quoted, or unquoted up to a {@code ;}, {@code |} or {@code )}
     * that is not inside one of its own groups, character classes or escapes.
     */
    private Value regex() {
      int start = in.position();
      String pattern;
      if (in.peek() == '"') {
        pattern = quoted();
      } else {
        int groups = 0;
        boolean inClass = false;
        while (!in.atEnd()) {
          char c = in.peek();
          if (c == '\\') {
            in.next();
            if (!in.atEnd()) {
              in.next();
            }
            continue;
          }
          if (inClass) {
            inClass = c != ']';
          } else if (c == '[') {
            inClass = true;
          } else if (c == '(') {
            groups++;
          } else if (c == ')') {
            if (groups == 0) {
              break;
            }
            groups--;
          } else if ((c == ';' || c == '|') && groups == 0) {
            break;
          }
          in.next();
        }
        pattern = in.slice(start, in.position());
      }
      if (pattern.isEmpty()) {
        throw in.errorAt("Expected a regular expression", start);
      }
      Optional<String> problem = Regex.problem(pattern);
      if (problem.isPresent()) {
        throw in.errorAt("Invalid regular expression (" + problem.get() + ")", start);
      }
      return new Value.Text(pattern);
    }
  }
}
