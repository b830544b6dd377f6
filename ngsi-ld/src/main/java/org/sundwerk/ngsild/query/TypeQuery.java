package org.sundwerk.ngsild.query;

import java.util.List;

/**
 * The entity type selector (clause 4.17): {@code A,B} or {@code A|B} means any of, {@code A;B}
 * means all of, with parentheses. Type names are expanded IRIs.
 */
public sealed interface TypeQuery {

  record Name(String iri) implements TypeQuery {}

  record AnyOf(List<TypeQuery> terms) implements TypeQuery {
    public AnyOf {
      terms = List.copyOf(terms);
    }
  }

  record AllOf(List<TypeQuery> terms) implements TypeQuery {
    public AllOf {
      terms = List.copyOf(terms);
    }
  }
}
