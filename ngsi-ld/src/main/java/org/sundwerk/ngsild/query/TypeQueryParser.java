package org.sundwerk.ngsild.query;

import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * Parses the entity type selector (clause 4.17), e.g. {@code Building,(Parking;Sensor)}, expanding
 * every type name with the caller's terms. Stateless and thread-safe.
 */
public final class TypeQueryParser {

  private TypeQueryParser() {}

  /**
   * Parses {@code type}.
   *
   * @throws org.sundwerk.ngsild.error.NgsiLdException BadRequestData for a syntax error,
   *     TooComplexQuery when it is too long, too deep or has too many names
   */
  public static TypeQuery parse(String type, TermDictionary terms) {
    return Selectors.parse(
        new Cursor("type", type),
        in -> new TypeQuery.Name(terms.expand(name(in))),
        TypeQuery.AnyOf::new,
        TypeQuery.AllOf::new);
  }

  private static String name(Cursor in) {
    int start = in.position();
    while (!in.atEnd() && !Selectors.isSyntax(in.peek())) {
      if (Character.isWhitespace(in.peek())) {
        throw in.error("Whitespace is not allowed in a type name");
      }
      in.next();
    }
    if (in.position() == start) {
      throw in.error("Expected a type name but found " + in.found());
    }
    return in.slice(start, in.position());
  }
}
