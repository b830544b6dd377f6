package org.sundwerk.ngsild.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs a common defect of published contexts before titanium sees them: a term shaped like a
 * compact IRI whose prefix the context never declares, such as the Smart Data Models IssueTracking
 * context's {@code "open311:type":
 * "https://smartdatamodels.org/dataModel.IssueTracking/open311:type"}. JSON-LD 1.1 rejects such a
 * term ({@code invalid IRI mapping}) because {@code open311:type} would expand to itself, which
 * would make a whole domain unusable.
 *
 * <p>When the IRI ends with the part after the colon, the prefix is declared as the rest of the IRI
 * ({@code "open311": "https://smartdatamodels.org/dataModel.IssueTracking/open311:"}), so that the
 * term means exactly what its author wrote. This cannot change a context that JSON-LD accepts:
 * there the prefix, if declared earlier, already expands to that same IRI. Prefixes derived in two
 * different ways are left alone (and the processor reports the error).
 */
final class UndeclaredPrefixes {

  private UndeclaredPrefixes() {}

  /** The document with undeclared prefixes declared in each of its local context objects. */
  static JsonStructure repair(JsonStructure document) {
    if (!(document instanceof JsonObject object)
        || !object.containsKey("@context")
        || object.get("@context") == null) {
      return document;
    }
    JsonValue context = object.get("@context");
    JsonValue repaired =
        switch (context) {
          case JsonObject local -> repairLocal(local);
          case JsonArray array -> repairArray(array);
          default -> context;
        };
    return repaired == context
        ? document
        : Json.createObjectBuilder(object).add("@context", repaired).build();
  }

  private static JsonValue repairArray(JsonArray array) {
    JsonArrayBuilder builder = Json.createArrayBuilder();
    boolean changed = false;
    for (JsonValue item : array) {
      JsonValue repaired = item instanceof JsonObject local ? repairLocal(local) : item;
      changed |= repaired != item;
      builder.add(repaired);
    }
    return changed ? builder.build() : array;
  }

  private static JsonValue repairLocal(JsonObject local) {
    Map<String, String> derived = new HashMap<>();
    Set<String> conflicting = new HashSet<>();
    for (Map.Entry<String, JsonValue> entry : local.entrySet()) {
      String term = entry.getKey();
      int colon = term.indexOf(':');
      if (colon <= 0 || term.startsWith("@")) {
        continue;
      }
      String prefix = term.substring(0, colon);
      String suffix = term.substring(colon + 1);
      if (suffix.isEmpty() || suffix.startsWith("//") || local.containsKey(prefix)) {
        continue;
      }
      Optional<String> iri = iriOf(entry.getValue());
      if (iri.isEmpty()
          || iri.get().equals(term)
          || !iri.get().endsWith(suffix)
          || iri.get().length() == suffix.length()) {
        continue;
      }
      String prefixIri = iri.get().substring(0, iri.get().length() - suffix.length());
      String earlier = derived.putIfAbsent(prefix, prefixIri);
      if (earlier != null && !earlier.equals(prefixIri)) {
        conflicting.add(prefix);
      }
    }
    conflicting.forEach(derived::remove);
    if (derived.isEmpty()) {
      return local;
    }
    JsonObjectBuilder builder = Json.createObjectBuilder(local);
    derived.forEach(builder::add);
    return builder.build();
  }

  private static Optional<String> iriOf(JsonValue definition) {
    return switch (definition) {
      case JsonString iri -> Optional.of(iri.getString());
      case JsonObject expanded when expanded.get("@id") instanceof JsonString id ->
          Optional.of(id.getString());
      default -> Optional.empty();
    };
  }
}
