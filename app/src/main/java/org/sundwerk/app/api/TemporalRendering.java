package org.sundwerk.app.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sundwerk.broker.temporal.AggregatedEntity;
import org.sundwerk.broker.temporal.AggregationMethod;
import org.sundwerk.broker.temporal.AttributeInstance;
import org.sundwerk.broker.temporal.TemporalEntity;
import org.sundwerk.broker.temporal.TimeProperty;
import org.sundwerk.ngsild.codec.EntityWriter;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.codec.Times;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders temporal entities, names compacted with the caller's terms: normalized (clause 4.5.8,
 * each attribute an array of instances with their {@code instanceId}), temporalValues (4.5.9) and
 * aggregatedValues (4.5.19).
 */
final class TemporalRendering {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TemporalRendering() {}

  static ObjectNode normalized(TemporalEntity entity, TermDictionary terms, boolean sysAttrs) {
    ObjectNode out = head(entity.id(), entity.types(), terms);
    Representation rep = Representation.NORMALIZED.withSysAttrs(sysAttrs);
    for (Map.Entry<String, List<AttributeInstance>> attribute : sorted(entity.attributes())) {
      ArrayNode instances = out.putArray(terms.compact(attribute.getKey()));
      for (AttributeInstance instance : attribute.getValue()) {
        ObjectNode node =
            (ObjectNode) EntityWriter.attribute(List.of(instance.attribute()), terms, rep);
        node.put("instanceId", instance.instanceId());
        instances.add(node);
      }
    }
    return out;
  }

  /**
   * Each attribute as its type and pairs of value and time ({@code values}, {@code objects} for
   * relationships, {@code languageMaps} for language properties). The time is the query's time
   * property, or modifiedAt for an instance without observedAt.
   */
  static ObjectNode temporalValues(
      TemporalEntity entity, TermDictionary terms, TimeProperty property) {
    ObjectNode out = head(entity.id(), entity.types(), terms);
    for (Map.Entry<String, List<AttributeInstance>> attribute : sorted(entity.attributes())) {
      List<AttributeInstance> instances = attribute.getValue();
      if (instances.isEmpty()) {
        continue;
      }
      AttributeKind kind = instances.getFirst().attribute().kind();
      ObjectNode node = out.putObject(terms.compact(attribute.getKey()));
      node.put("type", kind.typeName());
      ArrayNode pairs = node.putArray(valuesMember(kind));
      for (AttributeInstance instance : instances) {
        ArrayNode pair = pairs.addArray();
        pair.add(instance.attribute().value());
        pair.add(Times.format(time(instance.attribute(), property)));
      }
    }
    return out;
  }

  static ObjectNode aggregated(AggregatedEntity entity, TermDictionary terms) {
    ObjectNode out = head(entity.id(), entity.types(), terms);
    for (Map.Entry<String, AggregatedEntity.Aggregated> attribute : sorted(entity.attributes())) {
      ObjectNode node = out.putObject(terms.compact(attribute.getKey()));
      node.put("type", attribute.getValue().kind().typeName());
      for (AggregationMethod method : AggregationMethod.values()) {
        List<AggregatedEntity.Bucket> buckets = attribute.getValue().values().get(method);
        if (buckets == null) {
          continue;
        }
        ArrayNode values = node.putArray(method.parameter());
        for (AggregatedEntity.Bucket bucket : buckets) {
          ArrayNode triple = values.addArray();
          if (method.isCount()) {
            triple.add((long) bucket.value());
          } else {
            triple.add(bucket.value());
          }
          triple.add(Times.format(bucket.start()));
          triple.add(Times.format(bucket.end()));
        }
      }
    }
    return out;
  }

  private static ObjectNode head(String id, List<String> types, TermDictionary terms) {
    ObjectNode out = NODES.objectNode();
    out.put("id", id);
    if (types.size() == 1) {
      out.put("type", terms.compact(types.getFirst()));
    } else {
      ArrayNode array = out.putArray("type");
      types.forEach(type -> array.add(terms.compact(type)));
    }
    return out;
  }

  private static <V> List<Map.Entry<String, V>> sorted(Map<String, V> attributes) {
    return attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  private static String valuesMember(AttributeKind kind) {
    return switch (kind) {
      case RELATIONSHIP -> "objects";
      case LANGUAGE_PROPERTY -> "languageMaps";
      case LIST_RELATIONSHIP -> "objectLists";
      case VOCAB_PROPERTY -> "vocabs";
      case JSON_PROPERTY -> "jsons";
      case LIST_PROPERTY -> "valueLists";
      case PROPERTY, GEO_PROPERTY -> "values";
    };
  }

  private static Instant time(Attribute attribute, TimeProperty property) {
    Instant time =
        switch (property) {
          case OBSERVED_AT -> attribute.observedAt();
          case MODIFIED_AT -> attribute.modifiedAt();
          case CREATED_AT -> attribute.createdAt();
        };
    return time != null ? time : attribute.modifiedAt();
  }
}
