package org.sundwerk.ngsild.query;

import java.util.List;

/**
 * The AST of the NGSI-LD query language {@code q} (clause 4.9). Attribute names in paths are
 * expanded IRIs; parsing happens once, then the SQL translator and the in-memory evaluator
 * interpret the same tree.
 */
public sealed interface Query {

  /** All terms hold ({@code ;}). */
  record And(List<Query> terms) implements Query {
    public And {
      terms = List.copyOf(terms);
    }
  }

  /** At least one term holds ({@code |}). */
  record Or(List<Query> terms) implements Query {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  /** {@code path op value}, e.g. {@code temperature>20} or {@code name~=(?i)markt.*}. */
  record Comparison(AttrPath path, Operator operator, Value value) implements Query {}

  /** A bare path: the attribute (or sub-attribute, metadata, compound member) exists. */
  record Exists(AttrPath path) implements Query {}

  /** {@code !path}: the attribute does not exist. */
  record NotExists(AttrPath path) implements Query {}
}
