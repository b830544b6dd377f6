package org.sundwerk.app.business;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.catalog.Canvas;
import org.sundwerk.business.catalog.CanvasBlock;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Channel;
import org.sundwerk.business.catalog.Figures;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.LiveBinding;
import org.sundwerk.business.catalog.Projection;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceDraft;
import org.sundwerk.business.catalog.StageChange;
import org.sundwerk.business.catalog.TargetGroup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's JSON: codes are the enum names in lower case ({@code all_year}, {@code on_site}),
 * read in any case; money is a decimal string in EUR ({@code "3.90"}); canvas blocks are named in
 * lower camel case ({@code valueProposition}).
 */
public final class CatalogJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CatalogJson() {}

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} named {@code code} in any case; 400 when there is none. */
  public static <E extends Enum<E>> E parse(Class<E> type, String code) {
    try {
      return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid("unknown " + type.getSimpleName() + ": " + code);
    }
  }

  static ObjectNode service(Service service, boolean withDeciders) {
    ServiceDraft draft = service.draft();
    ObjectNode node = NODES.objectNode();
    node.put("id", service.id().value());
    node.put("provider", service.provider().value());
    node.set("name", text(draft.name()));
    node.set("description", text(draft.description()));
    node.put("category", code(draft.category()));
    node.set("targetGroups", codes(draft.targetGroups()));
    node.set("lifeSituations", codes(draft.lifeSituations()));
    draft.leikaKey().ifPresent(key -> node.put("leikaKey", key));
    draft.onlineService().ifPresent(uri -> node.put("onlineService", uri.toString()));
    node.set("seasons", codes(draft.seasons()));
    node.set("channels", codes(draft.channels()));
    ArrayNode places = node.putArray("places");
    draft.places().forEach(places::add);
    ArrayNode bindings = node.putArray("liveData");
    for (LiveBinding binding : draft.bindings()) {
      ObjectNode entry = bindings.addObject().put("type", binding.entityType());
      binding.q().ifPresent(q -> entry.put("q", q));
    }
    node.put("stage", code(service.stage()));
    node.put("published", service.published());
    ArrayNode history = node.putArray("history");
    for (StageChange change : service.history()) {
      ObjectNode entry = history.addObject();
      change.from().ifPresent(from -> entry.put("from", code(from)));
      entry.put("to", code(change.to()));
      entry.put("at", change.at().toString());
      if (withDeciders) {
        entry.put("by", change.decidedBy());
      }
      entry.put("reason", change.reason());
    }
    return node;
  }

  private static ObjectNode text(Text text) {
    ObjectNode node = NODES.objectNode().put("de", text.de());
    text.en().ifPresent(en -> node.put("en", en));
    text.easyGerman().ifPresent(easy -> node.put("easy", easy));
    return node;
  }

  private static ArrayNode codes(Set<? extends Enum<?>> values) {
    ArrayNode array = NODES.arrayNode();
    values.stream().sorted().forEach(value -> array.add(code(value)));
    return array;
  }

  /** A draft from a request body; 400 when a field is missing or wrong. */
  public static ServiceDraft draft(JsonNode body) {
    List<String> places = new ArrayList<>();
    body.path("places").forEach(place -> places.add(place.asString()));
    List<LiveBinding> bindings = new ArrayList<>();
    for (JsonNode binding : body.path("liveData")) {
      bindings.add(
          new LiveBinding(
              required(binding, "type"), Optional.ofNullable(binding.path("q").asString(null))));
    }
    return new ServiceDraft(
        text(body, "name"),
        text(body, "description"),
        parse(Category.class, required(body, "category")),
        codes(body, "targetGroups", TargetGroup.class),
        codes(body, "lifeSituations", LifeSituation.class),
        Optional.ofNullable(body.path("leikaKey").asString(null)),
        Optional.ofNullable(body.path("onlineService").asString(null)).map(CatalogJson::uri),
        codes(body, "seasons", Season.class),
        codes(body, "channels", Channel.class),
        places,
        bindings);
  }

  private static URI uri(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid("not an address: " + text);
    }
  }

  private static Text text(JsonNode body, String field) {
    JsonNode node = body.path(field);
    return new Text(
        required(node, "de"),
        Optional.ofNullable(node.path("en").asString(null)),
        Optional.ofNullable(node.path("easy").asString(null)));
  }

  private static <E extends Enum<E>> Set<E> codes(JsonNode body, String field, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    body.path(field).forEach(code -> values.add(parse(type, code.asString())));
    return values;
  }

  static String required(JsonNode node, String field) {
    String value = node.path(field).asString("");
    if (value.isBlank()) {
      throw BusinessProblem.invalid("missing " + field);
    }
    return value;
  }

  static ObjectNode canvas(Service service, Canvas canvas) {
    ObjectNode node = NODES.objectNode();
    node.put("service", service.id().value());
    node.set("segments", codes(service.draft().targetGroups()));
    ObjectNode blocks = node.putObject("blocks");
    canvas.blocks().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(block -> blocks.put(blockName(block.getKey()), block.getValue()));
    Figures figures = canvas.figures();
    node.putObject("figures")
        .put("oneOffCosts", money(figures.oneOffCosts()))
        .put("monthlyCosts", money(figures.monthlyCosts()))
        .put("usersPerMonth", figures.usersPerMonth())
        .put("pricePerUser", money(figures.pricePerUser()));
    Projection projection = canvas.projection();
    ObjectNode projected = node.putObject("projection");
    projected.put("monthlyResult", money(projection.monthlyResult()));
    ArrayNode cumulated = projected.putArray("cumulated");
    projection.cumulated().forEach(sum -> cumulated.add(money(sum)));
    projection
        .breakEvenMonth()
        .ifPresentOrElse(
            month -> projected.put("breakEvenMonth", month),
            () -> projected.putNull("breakEvenMonth"));
    // Metered usage and billed revenue come with billing; until then there are no real figures.
    node.putNull("realFigures");
    return node;
  }

  /** A canvas from a request body; 400 when a figure is wrong. */
  public static Canvas canvas(JsonNode body) {
    Map<CanvasBlock, String> blocks = new EnumMap<>(CanvasBlock.class);
    for (CanvasBlock block : CanvasBlock.values()) {
      String text = body.path("blocks").path(blockName(block)).asString("");
      if (!text.isBlank()) {
        blocks.put(block, text);
      }
    }
    JsonNode figures = body.path("figures");
    return new Canvas(
        blocks,
        new Figures(
            money(figures, "oneOffCosts"),
            money(figures, "monthlyCosts"),
            figures.path("usersPerMonth").asLong(0),
            money(figures, "pricePerUser")));
  }

  /** {@code VALUE_PROPOSITION} as {@code valueProposition}. */
  static String blockName(CanvasBlock block) {
    StringBuilder name = new StringBuilder();
    for (String part : block.name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return name.toString();
  }

  private static String money(Money money) {
    return money.amount().toPlainString();
  }

  private static Money money(JsonNode figures, String field) {
    String text = figures.path(field).asString("0");
    try {
      return Money.of(new BigDecimal(text.isBlank() ? "0" : text.strip()));
    } catch (NumberFormatException e) {
      throw BusinessProblem.invalid(field + " is a decimal amount in EUR: " + text);
    }
  }
}
