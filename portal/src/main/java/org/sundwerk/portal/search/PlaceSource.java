package org.sundwerk.portal.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.sundwerk.access.TenantId;
import org.sundwerk.broker.entity.EntityQuery;
import org.sundwerk.broker.paging.Paging;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;
import org.sundwerk.ngsild.query.TypeQuery;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.map.Kind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The places and sensors of the map as search documents: what anonymous readers may see of the
 * entities of the map's kinds ({@link PortalGate#publicEntities}), so a result never shows what
 * only a partner may read. Each document holds the name (title), the kind in words, the
 * description, the address and the categories; it links to the place's page {@code /orte/{id}}.
 */
@Component
final class PlaceSource implements SearchSource {

  /** Entities per query page, and the most places one tenant contributes. */
  private static final int PAGE = 1000;

  private static final int MAX_PLACES = 20_000;

  private final PortalGate gate;
  private final MessageSource messages;
  private final Map<Kind, TermDictionary> terms = new EnumMap<>(Kind.class);

  PlaceSource(PortalGate gate, ContextResolver contexts, MessageSource messages) {
    this.gate = gate;
    this.messages = messages;
    for (Kind kind : Kind.all()) {
      terms.put(kind, contexts.resolve(JsonNodeFactory.instance.stringNode(kind.contextUrl())));
    }
  }

  @Override
  public Stream<SearchDocument> documents(String tenant) {
    List<TypeQuery> types = new ArrayList<>();
    Kind.all().forEach(kind -> types.add(new TypeQuery.Name(typeIri(kind))));
    List<SearchDocument> documents = new ArrayList<>();
    for (int offset = 0; offset < MAX_PLACES; offset += PAGE) {
      List<Entity> page;
      try {
        page = gate.publicEntities(TenantId.of(tenant), query(types, offset));
      } catch (NgsiLdException | IllegalArgumentException e) {
        return Stream.empty(); // an invalid or unknown tenant has no places
      }
      for (Entity entity : page) {
        document(entity).ifPresent(documents::add);
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return documents.stream();
  }

  private static EntityQuery query(List<TypeQuery> types, int offset) {
    return new EntityQuery(
        Optional.of(new TypeQuery.AnyOf(types)),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        new Paging(PAGE, offset, false));
  }

  private String typeIri(Kind kind) {
    return terms.get(kind).expand(kind.typeTerm());
  }

  private Optional<SearchDocument> document(Entity entity) {
    Optional<Kind> kind =
        Kind.all().stream().filter(k -> entity.types().contains(typeIri(k))).findFirst();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Reading reading = new Reading(entity, terms.get(kind.get()));
    String nameDe = reading.text("name", "de").orElse(entity.id());
    String nameEn = reading.text("name", "en").orElse(nameDe);
    String address = reading.address();
    String categories = reading.words("category");
    return Optional.of(
        new SearchDocument(
            SearchKind.PLACE,
            entity.id(),
            "/orte/"
                + UriUtils.encodePathSegment(entity.id(), java.nio.charset.StandardCharsets.UTF_8),
            nameDe,
            nameEn,
            joined(
                kindWord(kind.get(), Locale.GERMAN),
                reading.text("description", "de"),
                address,
                categories),
            joined(
                kindWord(kind.get(), Locale.ENGLISH),
                reading.text("description", "en"),
                address,
                categories)));
  }

  private String kindWord(Kind kind, Locale locale) {
    return messages.getMessage("kind." + kind.key(), null, kind.key(), locale);
  }

  private static String joined(
      String kind, Optional<String> description, String address, String categories) {
    StringBuilder text = new StringBuilder(kind);
    description.ifPresent(d -> text.append(" · ").append(d));
    if (!address.isEmpty()) {
      text.append(" · ").append(address);
    }
    if (!categories.isEmpty()) {
      text.append(" · ").append(categories);
    }
    return text.toString();
  }

  /** Attribute values of one entity by their terms. */
  private record Reading(Entity entity, TermDictionary terms) {

    Optional<JsonNode> value(String term) {
      return entity.defaultInstance(terms.expand(term)).map(Attribute::value);
    }

    /** A plain string, or a language map's entry in {@code lang}, else German, else any. */
    Optional<String> text(String term, String lang) {
      return value(term)
          .flatMap(
              v -> {
                if (v.isString()) {
                  return Optional.of(v.asString());
                }
                for (String l : List.of(lang, "de")) {
                  if (v.path(l).isString()) {
                    return Optional.of(v.path(l).asString());
                  }
                }
                for (JsonNode any : v) {
                  if (any.isString()) {
                    return Optional.of(any.asString());
                  }
                }
                return Optional.empty();
              })
          .map(String::strip)
          .filter(s -> !s.isEmpty());
    }

    /** A postal address's street, postcode and town (Smart Data Models {@code address}). */
    String address() {
      return value("address")
          .map(
              v -> {
                List<String> parts = new ArrayList<>();
                for (String member :
                    List.of("streetAddress", "postalCode", "addressLocality", "district")) {
                  JsonNode part = member(v, member);
                  if (part.isString() && !part.asString().isBlank()) {
                    parts.add(part.asString().strip());
                  }
                }
                return String.join(" ", parts);
              })
          .orElse("");
    }

    /** The member of a JSON object by its name or by an expanded IRI ending in it. */
    private static JsonNode member(JsonNode object, String name) {
      if (object.has(name)) {
        return object.path(name);
      }
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        if (entry.getKey().endsWith("/" + name)) {
          return entry.getValue();
        }
      }
      return object.path(name);
    }

    /**
     * Code words such as {@code parkingGarage} as words ("parking garage"), for one value or a
     * list.
     */
    String words(String term) {
      return value(term)
          .map(
              v -> {
                List<String> words = new ArrayList<>();
                if (v.isString()) {
                  words.add(spaced(v.asString()));
                }
                for (JsonNode item : v) {
                  if (item.isString()) {
                    words.add(spaced(item.asString()));
                  }
                }
                return String.join(", ", words);
              })
          .orElse("");
    }

    private static String spaced(String code) {
      return code.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
  }
}
