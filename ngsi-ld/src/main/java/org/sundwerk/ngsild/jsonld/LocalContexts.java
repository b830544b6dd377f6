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
 * Prepares local contexts for building a {@link ContextDictionary}; the documents served to clients
 * stay as published. Two changes, both only for the dictionary:
 *
 * <ul>
 *   <li>Scoped contexts ({@code @context} inside a term definition) are removed. The dictionary
 *       does not apply them, and JSON-LD would otherwise process them while defining the term,
 *       fetching every remote context they name (the v1.9 core context names a W3C security
 *       context), which costs a network round trip or fails offline.
 *   <li>Undeclared prefixes are declared. A term shaped like a compact IRI whose prefix the context
 *       never declares, such as the Smart Data Models IssueTracking context's {@code
 *       "open311:type": "https://smartdatamodels.org/dataModel.IssueTracking/open311:type"}, is an
 *       {@code invalid IRI mapping} in JSON-LD 1.1 (it would expand to itself), which would make
 *       the whole domain unusable. When the IRI ends with the part after the colon, the prefix is
 *       declared as the rest of the IRI, so the term means exactly what its author wrote. This
 *       cannot change a context that JSON-LD accepts: there the prefix, if declared elsewhere,
 *       already expands to that same IRI. Prefixes derived in two different ways are left alone
 *       (and reported by the processor).
 * </ul>
 */
final class LocalContexts {

  private LocalContexts() {}

  /** The document with its {@code @context} member prepared. */
  static JsonStructure prepareDocument(JsonStructure document) {
    if (!(document instanceof JsonObject object) || !object.containsKey("@context")) {
      return document;
    }
    JsonValue context = object.get("@context");
    JsonValue prepared = prepare(context);
    return prepared == context
        ? document
        : Json.createObjectBuilder(object).add("@context", prepared).build();
  }

  /** The context value (URL, object or array of both) prepared; URLs stay as they are. */
  static JsonValue prepare(JsonValue context) {
    return switch (context) {
      case JsonObject local -> prepareLocal(local);
      case JsonArray array -> prepareArray(array);
      default -> context;
    };
  }

  private static JsonValue prepareArray(JsonArray array) {
    JsonArrayBuilder builder = Json.createArrayBuilder();
    boolean changed = false;
    for (JsonValue item : array) {
      JsonValue prepared = item instanceof JsonObject local ? prepareLocal(local) : item;
      changed |= prepared != item;
      builder.add(prepared);
    }
    return changed ? builder.build() : array;
  }

  private static JsonObject prepareLocal(JsonObject local) {
    Map<String, JsonValue> replaced = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : local.entrySet()) {
      if (entry.getValue() instanceof JsonObject definition && definition.containsKey("@context")) {
        replaced.put(
            entry.getKey(), Json.createObjectBuilder(definition).remove("@context").build());
      }
    }
    Map<String, String> prefixes = undeclaredPrefixes(local);
    if (replaced.isEmpty() && prefixes.isEmpty()) {
      return local;
    }
    JsonObjectBuilder builder = Json.createObjectBuilder(local);
    replaced.forEach(builder::add);
    prefixes.forEach(builder::add);
    return builder.build();
  }

  private static Map<String, String> undeclaredPrefixes(JsonObject local) {
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
    return derived;
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
