package org.sundwerk.portal.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Channel;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.LiveBinding;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.ServiceDraft;
import org.sundwerk.business.catalog.TargetGroup;

/**
 * The workplace's service form, as the template fills it and as it is posted back: one string per
 * field, the sets as lists of lower-case codes, places and live data one per line ({@code
 * OffStreetParking} or {@code OffStreetParking | availableSpotNumber>10}).
 */
record ServiceForm(
    String id,
    String nameDe,
    String nameEn,
    String nameEasy,
    String descriptionDe,
    String descriptionEn,
    String descriptionEasy,
    String category,
    List<String> targetGroups,
    List<String> lifeSituations,
    List<String> seasons,
    List<String> channels,
    String leikaKey,
    String onlineService,
    String places,
    String liveData) {

  static ServiceForm empty() {
    return new ServiceForm(
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        List.of(),
        List.of(),
        List.of("all_year"),
        List.of(),
        "",
        "",
        "",
        "");
  }

  static ServiceForm of(String id, ServiceDraft draft) {
    return new ServiceForm(
        id,
        draft.name().de(),
        draft.name().en().orElse(""),
        draft.name().easyGerman().orElse(""),
        draft.description().de(),
        draft.description().en().orElse(""),
        draft.description().easyGerman().orElse(""),
        code(draft.category()),
        codes(draft.targetGroups()),
        codes(draft.lifeSituations()),
        codes(draft.seasons()),
        codes(draft.channels()),
        draft.leikaKey().orElse(""),
        draft.onlineService().map(URI::toString).orElse(""),
        String.join("\n", draft.places()),
        draft.bindings().stream()
            .map(b -> b.entityType() + b.q().map(q -> " | " + q).orElse(""))
            .collect(Collectors.joining("\n")));
  }

  static ServiceForm of(MultiValueMap<String, String> posted) {
    return new ServiceForm(
        one(posted, "id"),
        one(posted, "nameDe"),
        one(posted, "nameEn"),
        one(posted, "nameEasy"),
        one(posted, "descriptionDe"),
        one(posted, "descriptionEn"),
        one(posted, "descriptionEasy"),
        one(posted, "category"),
        all(posted, "targetGroups"),
        all(posted, "lifeSituations"),
        all(posted, "seasons"),
        all(posted, "channels"),
        one(posted, "leikaKey"),
        one(posted, "onlineService"),
        one(posted, "places"),
        one(posted, "liveData"));
  }

  /** The draft the form describes; a {@link BusinessProblem} names what is wrong. */
  ServiceDraft draft() {
    try {
      return new ServiceDraft(
          new Text(nameDe.strip(), optional(nameEn), optional(nameEasy)),
          new Text(descriptionDe.strip(), optional(descriptionEn), optional(descriptionEasy)),
          parse(Category.class, category),
          parse(TargetGroup.class, targetGroups),
          parse(LifeSituation.class, lifeSituations),
          optional(leikaKey),
          optional(onlineService).map(URI::create),
          parse(Season.class, seasons),
          parse(Channel.class, channels),
          lines(places),
          lines(liveData).stream()
              .map(
                  line -> {
                    int bar = line.indexOf('|');
                    return bar < 0
                        ? new LiveBinding(line, Optional.empty())
                        : new LiveBinding(
                            line.substring(0, bar).strip(),
                            Optional.of(line.substring(bar + 1).strip()));
                  })
              .toList());
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid(e.getMessage());
    }
  }

  static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static List<String> codes(Set<? extends Enum<?>> values) {
    return values.stream().sorted().map(ServiceForm::code).toList();
  }

  static List<String> codes(Enum<?>[] values) {
    return Arrays.stream(values).map(ServiceForm::code).toList();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> code(c).equals(code))
        .findFirst()
        .orElseThrow(() -> BusinessProblem.invalid("choose a " + type.getSimpleName()));
  }

  private static <E extends Enum<E>> Set<E> parse(Class<E> type, List<String> codes) {
    Set<E> values = EnumSet.noneOf(type);
    codes.forEach(code -> values.add(parse(type, code)));
    return values;
  }

  private static Optional<String> optional(String value) {
    return Optional.of(value.strip()).filter(v -> !v.isEmpty());
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String one(MultiValueMap<String, String> posted, String name) {
    String value = posted.getFirst(name);
    return value == null ? "" : value;
  }

  private static List<String> all(MultiValueMap<String, String> posted, String name) {
    return List.copyOf(posted.getOrDefault(name, List.of()));
  }
}
