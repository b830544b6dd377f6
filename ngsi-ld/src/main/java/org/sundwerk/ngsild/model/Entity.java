package org.sundwerk.ngsild.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An NGSI-LD entity with expanded names: types and attribute names are full IRIs, so the same
 * entity can be compacted with any caller's context.
 *
 * <p>{@code attributes} maps an attribute name to its instances (more than one only with distinct
 * {@code datasetId}s, the default instance first). Immutable.
 *
 * @param id the entity id, an absolute URI
 * @param types expanded type IRIs, at least one
 * @param scopes scope paths such as {@code /Stralsund/Altstadt}, possibly empty
 * @param attributes attributes by expanded name
 * @param createdAt system time of creation or {@code null} before storage
 * @param modifiedAt system time of the last change or {@code null} before storage
 */
public record Entity(
    String id,
    List<String> types,
    List<String> scopes,
    Map<String, List<Attribute>> attributes,
    Instant createdAt,
    Instant modifiedAt) {

  public Entity {
    Objects.requireNonNull(id, "id");
    types = List.copyOf(types);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    attributes = attributes == null ? Map.of() : attributes;
  }

  public Optional<List<Attribute>> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The default instance of an attribute (no datasetId), if present. */
  public Optional<Attribute> defaultInstance(String name) {
    List<Attribute> instances = attributes.get(name);
    if (instances == null) {
      return Optional.empty();
    }
    return instances.stream().filter(Attribute::isDefaultInstance).findFirst();
  }

  public Entity withAttributes(Map<String, List<Attribute>> newAttributes) {
    return new Entity(id, types, scopes, newAttributes, createdAt, modifiedAt);
  }

  public Entity withTypes(List<String> newTypes) {
    return new Entity(id, newTypes, scopes, attributes, createdAt, modifiedAt);
  }

  public Entity withScopes(List<String> newScopes) {
    return new Entity(id, types, newScopes, attributes, createdAt, modifiedAt);
  }

  public Entity withSystemTimes(Instant created, Instant modified) {
    return new Entity(id, types, scopes, attributes, created, modified);
  }

  /** A mutable copy of the attribute map, for building a changed entity. */
  public Map<String, List<Attribute>> copyOfAttributes() {
    Map<String, List<Attribute>> copy = new LinkedHashMap<>();
    attributes.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
    return copy;
  }
}
