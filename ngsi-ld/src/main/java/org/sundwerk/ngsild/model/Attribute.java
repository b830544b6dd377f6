package org.sundwerk.ngsild.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One instance of an NGSI-LD attribute (a Property, Relationship, ... identified by its name and
 * {@code datasetId}). The main value is kept as a JSON tree because NGSI-LD values are arbitrary
 * JSON (numbers, strings, objects, GeoJSON, language maps, lists).
 *
 * <p>Sub-attribute names are expanded IRIs. Immutable as long as the JSON value is not mutated;
 * callers must treat {@link #value()} as read-only.
 *
 * @param kind the attribute type
 * @param value the member named by {@link AttributeKind#valueMember()}
 * @param datasetId the dataset id or {@code null} for the default instance
 * @param observedAt the observation time or {@code null}
 * @param unitCode the UN/CEFACT unit code or {@code null}
 * @param createdAt system time of creation or {@code null} before storage
 * @param modifiedAt system time of the last change or {@code null} before storage
 * @param subAttributes sub-attributes by expanded name, each a list of instances
 */
public record Attribute(
    AttributeKind kind,
    JsonNode value,
    String datasetId,
    Instant observedAt,
    String unitCode,
    Instant createdAt,
    Instant modifiedAt,
    Map<String, List<Attribute>> subAttributes) {

  public Attribute {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    subAttributes = subAttributes == null ? Map.of() : subAttributes;
  }

  public static Attribute of(AttributeKind kind, JsonNode value) {
    return new Attribute(kind, value, null, null, null, null, null, Map.of());
  }

  public boolean isDefaultInstance() {
    return datasetId == null;
  }

  public boolean sameInstance(Attribute other) {
    return Objects.equals(datasetId, other.datasetId);
  }

  public Attribute withSystemTimes(Instant created, Instant modified) {
    return new Attribute(
        kind, value, datasetId, observedAt, unitCode, created, modified, subAttributes);
  }

  public Attribute withSubAttributes(Map<String, List<Attribute>> subs) {
    return new Attribute(kind, value, datasetId, observedAt, unitCode, createdAt, modifiedAt, subs);
  }

  /** Returns a copy whose sub-attributes are the union of both, {@code more} winning. */
  public Attribute withMergedSubAttributes(Map<String, List<Attribute>> more) {
    Map<String, List<Attribute>> merged = new LinkedHashMap<>(subAttributes);
    merged.putAll(more);
    return withSubAttributes(merged);
  }
}
