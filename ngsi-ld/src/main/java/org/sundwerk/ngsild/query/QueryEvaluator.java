package org.sundwerk.ngsild.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.geo.Geo;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Evaluates query ASTs against one entity in memory: for subscriptions, for predicates SQL cannot
 * express, and as the reference in tests. Stateless and thread-safe.
 *
 * <p>A {@code q} comparison reads the main value of every instance of the attribute (Property and
 * GeoProperty {@code value}, Relationship {@code object}, each string of a LanguageProperty, {@code
 * vocab}, each element of a ListProperty or ListRelationship), or a sub-attribute's value or a
 * metadata member, then follows compound members; arrays count element by element. A comparison
 * holds when any of these targets satisfies it; {@code !=} and {@code !~=} hold when there is a
 * target and none is equal (matches). Values of different types are never equal and never ordered;
 * a string that reads as an ISO 8601 date-time is compared as time against a date-time literal.
 */
public final class QueryEvaluator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QueryEvaluator() {}

  public static boolean matches(Query query, Entity entity) {
    return switch (query) {
      case Query.And and -> and.terms().stream().allMatch(term -> matches(term, entity));
      case Query.Or or -> or.terms().stream().anyMatch(term -> matches(term, entity));
      case Query.Exists exists -> !targets(exists.path(), entity).isEmpty();
      case Query.NotExists notExists -> targets(notExists.path(), entity).isEmpty();
      case Query.Comparison comparison ->
          holds(targets(comparison.path(), entity), comparison.operator(), comparison.value());
    };
  }

  public static boolean matches(TypeQuery query, List<String> types) {
    return switch (query) {
      case TypeQuery.Name name -> types.contains(name.iri());
      case TypeQuery.AnyOf any -> any.terms().stream().anyMatch(term -> matches(term, types));
      case TypeQuery.AllOf all -> all.terms().stream().allMatch(term -> matches(term, types));
    };
  }

  /** Scopes are paths with or without the leading {@code /}, e.g. {@code /Stralsund/Altstadt}. */
  public static boolean matches(ScopeQuery query, List<String> scopes) {
    return switch (query) {
      case ScopeQuery.Pattern pattern ->
          scopes.stream().anyMatch(scope -> matches(pattern.segments(), 0, levels(scope), 0));
      case ScopeQuery.AnyOf any -> any.terms().stream().anyMatch(term -> matches(term, scopes));
      case ScopeQuery.AllOf all -> all.terms().stream().allMatch(term -> matches(term, scopes));
    };
  }

  /**
   * The exact geo predicate (after any bounding-box prefilter of a store): true when any instance
   * of the entity's GeoProperty stands in the relation to the query geometry, the entity's geometry
   * being the subject ({@code within} means the entity lies within the query geometry). An instance
   * whose stored value is not valid GeoJSON never matches.
   */
  public static boolean matches(GeoQuery query, Entity entity) {
    for (Attribute instance : entity.attributes().getOrDefault(query.geoproperty(), List.of())) {
      Optional<Geometry> geometry = geometry(instance);
      if (geometry.isPresent() && relates(geometry.get(), query)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Geometry> geometry(Attribute instance) {
    if (!instance.value().isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Geo.read(instance.value()));
    } catch (NgsiLdException invalidStoredGeometry) {
      return Optional.empty();
    }
  }

  private static boolean relates(Geometry entity, GeoQuery query) {
    Geometry reference = query.geometry();
    return switch (query.relation()) {
      case NEAR -> {
        double metres = Geo.distanceMetres(entity, reference);
        yield query.maxDistance().map(max -> metres <= max).orElse(true)
            && query.minDistance().map(min -> metres >= min).orElse(true);
      }
      case WITHIN -> relate(entity, reference, RelatePredicate.within());
      case CONTAINS -> relate(entity, reference, RelatePredicate.contains());
      case INTERSECTS -> relate(entity, reference, RelatePredicate.intersects());
      case EQUALS -> relate(entity, reference, RelatePredicate.equalsTopo());
      case DISJOINT -> relate(entity, reference, RelatePredicate.disjoint());
      case OVERLAPS -> relate(entity, reference, RelatePredicate.overlaps());
    };
  }

  private static boolean relate(Geometry a, Geometry b, TopologyPredicate predicate) {
    // RelateNG, unlike Geometry#relate, also accepts GeometryCollections.
    return RelateNG.relate(a, b, predicate);
  }

  private static List<String> levels(String scope) {
    String path = scope.startsWith("/") ? scope.substring(1) : scope;
    return Arrays.asList(path.split("/", -1));
  }

  private static boolean matches(List<String> pattern, int p, List<String> scope, int s) {
    if (p == pattern.size()) {
      return s == scope.size();
    }
    String level = pattern.get(p);
    if (level.equals("#")) {
      return true;
    }
    if (s == scope.size()) {
      return false;
    }
    return (level.equals("+") || level.equals(scope.get(s)))
        && matches(pattern, p + 1, scope, s + 1);
  }

  // ---- q: what a path reads ----

  /** The scalar and object values a path reads, with arrays replaced by their elements. */
  static List<JsonNode> targets(AttrPath path, Entity entity) {
    List<JsonNode> values = new ArrayList<>();
    for (Attribute instance : entity.attributes().getOrDefault(path.attribute(), List.of())) {
      if (path.subAttribute().isEmpty()) {
        mainValues(instance, values);
        continue;
      }
      String sub = path.subAttribute().get();
      if (QueryParser.METADATA.contains(sub)) {
        metadata(instance, sub).ifPresent(values::add);
      } else {
        for (Attribute subInstance : instance.subAttributes().getOrDefault(sub, List.of())) {
          mainValues(subInstance, values);
        }
      }
    }
    for (String member : path.compound()) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode value : flatten(values)) {
        JsonNode child = value.isObject() ? value.get(member) : null;
        if (child != null && !child.isNull()) {
          next.add(child);
        }
      }
      values = next;
    }
    return flatten(values);
  }

  private static void mainValues(Attribute instance, List<JsonNode> out) {
    JsonNode value = instance.value();
    if (instance.kind() == AttributeKind.LANGUAGE_PROPERTY && value.isObject()) {
      out.addAll(value.values());
    } else if (instance.kind() == AttributeKind.LIST_RELATIONSHIP && value.isArray()) {
      for (JsonNode element : value.values()) {
        out.add(element.isObject() && element.has("object") ? element.get("object") : element);
      }
    } else {
      out.add(value);
    }
  }

  private static Optional<JsonNode> metadata(Attribute instance, String name) {
    return Optional.ofNullable(
            switch (name) {
              case "observedAt" -> text(instance.observedAt());
              case "createdAt" -> text(instance.createdAt());
              case "modifiedAt" -> text(instance.modifiedAt());
              case "unitCode" -> instance.unitCode();
              case "datasetId" -> instance.datasetId();
              default -> null;
            })
        .map(NODES::stringNode);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Replaces arrays by their elements (recursively) and JSON-LD value objects by their value. */
  private static List<JsonNode> flatten(List<JsonNode> values) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode value : values) {
      if (value.isArray()) {
        out.addAll(flatten(List.copyOf(value.values())));
      } else if (value.isObject() && value.has("@value")) {
        out.add(value.get("@value"));
      } else if (!value.isNull()) {
        out.add(value);
      }
    }
    return out;
  }

  // ---- q: comparing ----

  private static boolean holds(List<JsonNode> targets, Operator operator, Value value) {
    return switch (operator) {
      case EQUAL -> targets.stream().anyMatch(target -> equal(target, value));
      case UNEQUAL -> !targets.isEmpty() && targets.stream().noneMatch(t -> equal(t, value));
      case GREATER -> ordered(targets, value, c -> c > 0);
      case GREATER_EQ -> ordered(targets, value, c -> c >= 0);
      case LESS -> ordered(targets, value, c -> c < 0);
      case LESS_EQ -> ordered(targets, value, c -> c <= 0);
      case MATCHES_PATTERN -> targets.stream().anyMatch(target -> matchesPattern(target, value));
      case NOT_MATCHES_PATTERN ->
          !targets.isEmpty() && targets.stream().noneMatch(t -> matchesPattern(t, value));
    };
  }

  private static boolean ordered(List<JsonNode> targets, Value value, IntPredicate test) {
    return targets.stream()
        .anyMatch(
            target -> {
              OptionalInt order = compare(target, value);
              return order.isPresent() && test.test(order.getAsInt());
            });
  }

  private static boolean equal(JsonNode target, Value value) {
    return switch (value) {
      case Value.Range range -> {
        OptionalInt low = compare(target, range.min());
        OptionalInt high = compare(target, range.max());
        yield low.isPresent() && high.isPresent() && low.getAsInt() >= 0 && high.getAsInt() <= 0;
      }
      case Value.Choice choice -> choice.values().stream().anyMatch(v -> equal(target, v));
      default -> compare(target, value).orElse(-1) == 0;
    };
  }

  /** Orders a target against a scalar literal; empty when their types differ. */
  private static OptionalInt compare(JsonNode target, Value value) {
    return switch (value) {
      // Adding 0.0 turns -0.0 into 0.0, which Double.compare would otherwise order below it.
      case Value.Number number when target.isNumber() ->
          OptionalInt.of(Double.compare(target.doubleValue() + 0.0, number.value() + 0.0));
      case Value.Text text when target.isString() ->
          OptionalInt.of(Integer.signum(target.stringValue().compareTo(text.value())));
      case Value.Bool bool when target.isBoolean() ->
          OptionalInt.of(Boolean.compare(target.booleanValue(), bool.value()));
      case Value.DateTime time when target.isString() ->
          DateTimes.parse(target.stringValue())
              .map(instant -> OptionalInt.of(instant.compareTo(time.value())))
              .orElse(OptionalInt.empty());
      default -> OptionalInt.empty();
    };
  }

  private static boolean matchesPattern(JsonNode target, Value value) {
    if (!target.isString() || !(value instanceof Value.Text regex)) {
      return false;
    }
    return Regex.compile(regex.value(), "q").find(target.stringValue());
  }
}
