package org.sundwerk.ngsild.query;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code q} term reads from an entity.
 *
 * <p>{@code a.b[c][d]} has attribute {@code a}, then {@code b} as a sub-attribute (or metadata:
 * {@code observedAt}, {@code modifiedAt}, {@code createdAt}, {@code unitCode}, {@code datasetId}),
 * then {@code c} and {@code d} as members of the JSON value. Attribute and sub-attribute names are
 * expanded IRIs; metadata names and compound members are used as they are.
 *
 * @param attribute expanded attribute name
 * @param subAttribute expanded sub-attribute name or a metadata name, if the path has one
 * @param compound keys into the JSON value, outermost first; empty when the whole value is meant
 */
public record AttrPath(String attribute, Optional<String> subAttribute, List<String> compound) {

  public AttrPath {
    compound = List.copyOf(compound);
  }

  public static AttrPath of(String attribute) {
    return new AttrPath(attribute, Optional.empty(), List.of());
  }
}
