package org.sundwerk.app.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.codec.Names;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.query.GeoQuery;
import org.sundwerk.ngsild.query.GeoQueryParser;
import org.sundwerk.ngsild.query.ProjectionParser;
import org.sundwerk.ngsild.query.QueryParser;
import org.sundwerk.ngsild.query.Regex;
import org.sundwerk.ngsild.query.ScopeQueryParser;
import org.sundwerk.ngsild.query.TypeQuery;
import org.sundwerk.ngsild.query.TypeQueryParser;
import tools.jackson.databind.JsonNode;

/**
 * Turns the query parameters of clause 6.3.18 and the body of POST /entityOperations/query (clause
 * 5.2.23, a Query object) into an {@link EntityQuery} and a {@link Representation}. Everything is
 * parsed once here; the handlers get ASTs.
 */
final class QueryParameters {

  private QueryParameters() {}

  /** GET /entities. */
  static EntityQuery entityQuery(
      Map<String, String> params, TermDictionary terms, int defaultLimit) {
    Optional<String> georel = param(params, "georel");
    Optional<GeoQuery> geoQ =
        georel.map(
            rel ->
                GeoQueryParser.parse(
                    rel,
                    params.get("geometry"),
                    params.get("coordinates"),
                    param(params, "geoproperty"),
                    terms));
    return new EntityQuery(
        param(params, "type").map(t -> TypeQueryParser.parse(t, terms)),
        param(params, "id").map(QueryParameters::ids).orElse(List.of()),
        param(params, "idPattern"),
        param(params, "q").map(q -> QueryParser.parse(q, terms)),
        param(params, "scopeQ").map(ScopeQueryParser::parse),
        geoQ,
        param(params, "attrs")
            .map(a -> Set.copyOf(ProjectionParser.attrs(a, terms)))
            .orElse(Set.of()),
        paging(params, defaultLimit));
  }

  /** POST /entityOperations/query: the selectors come from the body, paging from the URL. */
  static EntityQuery entityQuery(
      JsonNode body, Map<String, String> params, TermDictionary terms, int defaultLimit) {
    if (!body.isObject()) {
      throw NgsiLdException.badRequestData("The body must be a Query object");
    }
    List<TypeQuery> types = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    for (JsonNode selector : body.path("entities")) {
      text(selector, "type").ifPresent(t -> types.add(TypeQueryParser.parse(t, terms)));
      text(selector, "id").ifPresent(id -> ids.add(Names.requireEntityId(id)));
      text(selector, "idPattern")
          .ifPresent(p -> patterns.add(Regex.compile(p, "idPattern").source()));
    }
    JsonNode attrsNode = body.path("attrs");
    Set<String> attrs = new LinkedHashSet<>();
    if (attrsNode.isArray()) {
      attrsNode.forEach(a -> attrs.add(terms.expand(a.asString())));
    } else if (attrsNode.isString()) {
      attrs.addAll(ProjectionParser.attrs(attrsNode.asString(), terms));
    }
    JsonNode geo = body.get("geoQ");
    return new EntityQuery(
        types.isEmpty()
            ? Optional.empty()
            : Optional.of(types.size() == 1 ? types.getFirst() : new TypeQuery.AnyOf(types)),
        ids,
        patterns.isEmpty() ? Optional.empty() : Optional.of(String.join("|", patterns)),
        text(body, "q").map(q -> QueryParser.parse(q, terms)),
        text(body, "scopeQ").map(ScopeQueryParser::parse),
        geo == null ? Optional.empty() : Optional.of(GeoQueryParser.parse(geo, terms)),
        attrs,
        paging(params, defaultLimit));
  }

  /** The page asked for with {@code limit}, {@code offset} and {@code count} (clause 6.3.x). */
  static Paging paging(Map<String, String> params, int defaultLimit) {
    return new Paging(
        intParam(params, "limit", defaultLimit),
        intParam(params, "offset", 0),
        Boolean.parseBoolean(params.getOrDefault("count", "false")));
  }

  /**
   * The representation asked for with {@code options}, {@code format}, {@code attrs}, {@code pick},
   * {@code omit} and {@code lang}.
   */
  static Representation representation(Map<String, String> params, TermDictionary terms) {
    Representation rep = Representation.NORMALIZED;
    for (String option : param(params, "options").map(o -> o.split(",")).orElse(new String[0])) {
      rep =
          switch (option.trim()) {
            case "keyValues", "simplified" -> rep.withFormat(Representation.Format.SIMPLIFIED);
            case "concise" -> rep.withFormat(Representation.Format.CONCISE);
            case "normalized" -> rep.withFormat(Representation.Format.NORMALIZED);
            case "sysAttrs" -> rep.withSysAttrs(true);
            case "noOverwrite", "update", "replace", "" -> rep;
            default -> throw NgsiLdException.badRequestData("Unknown option '" + option + "'");
          };
    }
    Optional<String> format = param(params, "format");
    if (format.isPresent()) {
      rep =
          rep.withFormat(
              switch (format.get()) {
                case "keyValues", "simplified" -> Representation.Format.SIMPLIFIED;
                case "concise" -> Representation.Format.CONCISE;
                case "normalized" -> Representation.Format.NORMALIZED;
                default ->
                    throw NgsiLdException.badRequestData("Unknown format '" + format.get() + "'");
              });
    }
    if (param(params, "pick").isPresent() && param(params, "omit").isPresent()) {
      throw NgsiLdException.badRequestData(
          "pick and omit cannot be used together; use one of them");
    }
    Set<String> pick =
        param(params, "pick")
            .map(p -> Set.copyOf(ProjectionParser.pickOrOmit("pick", p, terms)))
            .orElse(Set.of());
    Set<String> omit =
        param(params, "omit")
            .map(o -> Set.copyOf(ProjectionParser.pickOrOmit("omit", o, terms)))
            .orElse(Set.of());
    Set<String> attrs =
        param(params, "attrs")
            .map(a -> Set.copyOf(ProjectionParser.attrs(a, terms)))
            .orElse(Set.of());
    return keepingAttrs(rep.withPick(pick), attrs).withOmit(omit).withLang(param(params, "lang"));
  }

  /**
   * {@code rep} that keeps only the attributes {@code attrs} besides id and type (and what it picks
   * already), as {@code attrs} asks in a query's URL or in the Query object of a POST query.
   */
  static Representation keepingAttrs(Representation rep, Set<String> attrs) {
    if (attrs.isEmpty()) {
      return rep;
    }
    Set<String> pick = new LinkedHashSet<>(rep.pick());
    pick.add("id");
    pick.add("type");
    pick.addAll(attrs);
    return rep.withPick(pick);
  }

  static boolean hasOption(Map<String, String> params, String option) {
    return param(params, "options").map(o -> List.of(o.split(",")).contains(option)).orElse(false);
  }

  static Optional<String> param(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  static int intParam(Map<String, String> params, String name, int fallback) {
    Optional<String> value = param(params, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw NgsiLdException.badRequestData(name + " must be a whole number, not " + value.get());
    }
  }

  private static List<String> ids(String list) {
    List<String> ids = new ArrayList<>();
    for (String id : list.split(",")) {
      ids.add(Names.requireEntityId(id.trim()));
    }
    return ids;
  }

  private static Optional<String> text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw NgsiLdException.badRequestData(member + " must be a string");
    }
    return Optional.of(value.asString());
  }
}
