package org.sundwerk.app.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.sundwerk.broker.temporal.Aggregation;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.TimeFilter;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.broker.temporal.Timerel;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters and bodies of the temporal API (clauses 6.18 to 6.22): the time filter ({@code
 * timerel}, {@code timeAt}, {@code endTimeAt}, {@code timeproperty}, {@code lastN}, {@code attrs}),
 * the requested representation, the aggregation and temporal entity bodies.
 */
final class TemporalParameters {

  /** The representations of clauses 4.5.8, 4.5.9 and 4.5.19. */
  enum Format {
    NORMALIZED,
    TEMPORAL_VALUES,
    AGGREGATED_VALUES
  }

  /** Entity members of a temporal entity body that are not attributes. */
  private static final Set<String> ENTITY_MEMBERS =
      Set.of("id", "@id", "type", "@type", "scope", "@context", "createdAt", "modifiedAt");

  private TemporalParameters() {}

  static TimeFilter timeFilter(Map<String, String> params, Set<String> attrs) {
    TimeProperty property =
        QueryParameters.param(params, "timeproperty")
            .map(TimeProperty::of)
            .orElse(TimeProperty.OBSERVED_AT);
    Optional<Timerel> timerel =
        QueryParameters.param(params, "timerel")
            .map(
                relation ->
                    Timerel.of(relation, time(params, "timeAt"), time(params, "endTimeAt")));
    OptionalInt lastN = OptionalInt.empty();
    if (QueryParameters.param(params, "lastN").isPresent()) {
      int n = QueryParameters.intParam(params, "lastN", 0);
      if (n < 1) {
        throw NgsiLdException.badRequestData("lastN must be a positive number");
      }
      lastN = OptionalInt.of(n);
    }
    return new TimeFilter(attrs, property, timerel, lastN);
  }

  private static Optional<Instant> time(Map<String, String> params, String name) {
    return QueryParameters.param(params, name).map(text -> EntityReader.parseTime(text, name));
  }

  /**
   * The parameters of POST /temporal/entityOperations/query: the URL's, overridden by the members
   * of the body's {@code temporalQ} (clause 5.2.21).
   */
  static Map<String, String> withTemporalQ(Map<String, String> params, JsonNode body) {
    Map<String, String> merged = new LinkedHashMap<>(params);
    JsonNode temporalQ = body.path("temporalQ");
    for (String member : List.of("timerel", "timeAt", "endTimeAt", "timeproperty", "lastN")) {
      JsonNode value = temporalQ.get(member);
      if (value != null && !value.isNull()) {
        merged.put(member, value.asString());
      }
    }
    return merged;
  }

  static Format format(Map<String, String> params) {
    List<String> options =
        new ArrayList<>(List.of(QueryParameters.param(params, "options").orElse("").split(",")));
    QueryParameters.param(params, "format").ifPresent(options::add);
    Format format = Format.NORMALIZED;
    for (String option : options) {
      switch (option.trim()) {
        case "temporalValues" -> format = Format.TEMPORAL_VALUES;
        case "aggregatedValues" -> format = Format.AGGREGATED_VALUES;
        case "normalized", "sysAttrs", "" -> {}
        default ->
            throw NgsiLdException.badRequestData("Unknown temporal option or format " + option);
      }
    }
    return format;
  }

  static boolean sysAttrs(Map<String, String> params) {
    return QueryParameters.hasOption(params, "sysAttrs");
  }

  static Aggregation aggregation(Map<String, String> params) {
    List<AggregationMethod> methods = new ArrayList<>();
    for (String method : QueryParameters.param(params, "aggrMethods").orElse("").split(",")) {
      if (!method.isBlank()) {
        methods.add(AggregationMethod.of(method.trim()));
      }
    }
    return new Aggregation(
        methods,
        QueryParameters.param(params, "aggrPeriodDuration").flatMap(Aggregation::parsePeriod));
  }

  /** The id of a temporal entity body. */
  static String entityId(JsonNode body) {
    JsonNode id = body.has("id") ? body.get("id") : body.get("@id");
    if (id == null || !id.isString()) {
      throw NgsiLdException.badRequestData("A temporal entity needs an id");
    }
    return Names.requireEntityId(id.asString());
  }

  static List<String> types(JsonNode body, TermDictionary terms) {
    JsonNode type = body.has("type") ? body.get("type") : body.get("@type");
    return type == null ? List.of() : EntityReader.readTypes(type, terms);
  }

  /**
   * The attributes of a temporal entity body (clause 4.5.8): each an instance or an array of
   * instances, any number of them per datasetId. A client's {@code instanceId} is ignored; the
   * store assigns one.
   */
  static Map<String, List<Attribute>> instances(JsonNode body, TermDictionary terms) {
    if (!body.isObject()) {
      throw NgsiLdException.badRequestData("A temporal entity must be a JSON object");
    }
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : body.properties()) {
      if (ENTITY_MEMBERS.contains(member.getKey())) {
        continue;
      }
      String name = terms.expand(Names.requireName(member.getKey(), "Attribute name"));
      List<Attribute> instances = new ArrayList<>();
      JsonNode value = member.getValue();
      if (value.isArray()) {
        for (JsonNode element : value) {
          instances.add(instance(name, element, terms));
        }
      } else {
        instances.add(instance(name, value, terms));
      }
      attributes.put(name, instances);
    }
    return attributes;
  }

  /** One instance (a PATCH body of clause 6.22.3.1, or an element of a temporal attribute). */
  static Attribute instance(String name, JsonNode node, TermDictionary terms) {
    if (!node.isObject()) {
      throw NgsiLdException.badRequestData(
          "Each instance of " + name + " must be a JSON object with a type");
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    copy.remove("instanceId");
    copy.remove("@context");
    return EntityReader.readInstances(name, copy, terms).getFirst();
  }
}
