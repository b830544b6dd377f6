package org.sundwerk.business.catalog;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;

/**
 * What a partner writes about a service: everything but its id, provider, stage and approval. A
 * draft is checked when it is made, so a stored service is always whole.
 *
 * @param name the service's name (German required)
 * @param description what it does for whom
 * @param category its field
 * @param targetGroups whom it is for; at least one
 * @param lifeSituations the life situations it helps in
 * @param leikaKey the LeiKa service key (Leistungskatalog der öffentlichen Verwaltung, 14 digits)
 *     where the service is an administrative one
 * @param onlineService the municipality's online service for it (an {@code https} address)
 * @param seasons when it is offered; at least one
 * @param channels where people reach it
 * @param places NGSI-LD entity ids of the places where it is offered
 * @param bindings the live data it shows
 */
public record ServiceDraft(
    Text name,
    Text description,
    Category category,
    Set<TargetGroup> targetGroups,
    Set<LifeSituation> lifeSituations,
    Optional<String> leikaKey,
    Optional<URI> onlineService,
    Set<Season> seasons,
    Set<Channel> channels,
    List<String> places,
    List<LiveBinding> bindings) {

  static final int MAX_NAME = 120;
  static final int MAX_DESCRIPTION = 4000;

  public ServiceDraft {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    targetGroups = Set.copyOf(targetGroups);
    lifeSituations = Set.copyOf(lifeSituations);
    Objects.requireNonNull(leikaKey, "leikaKey");
    Objects.requireNonNull(onlineService, "onlineService");
    seasons = Set.copyOf(seasons);
    channels = Set.copyOf(channels);
    places = List.copyOf(places);
    bindings = List.copyOf(bindings);
    if (name.de().isBlank() || longer(name, MAX_NAME)) {
      throw BusinessProblem.invalid("a service's name is 1-" + MAX_NAME + " characters");
    }
    if (description.de().isBlank() || longer(description, MAX_DESCRIPTION)) {
      throw BusinessProblem.invalid(
          "a service's description is 1-" + MAX_DESCRIPTION + " characters");
    }
    if (targetGroups.isEmpty() || seasons.isEmpty()) {
      throw BusinessProblem.invalid("a service names at least one target group and one season");
    }
    if (leikaKey.filter(key -> !key.matches("\\d{14}")).isPresent()) {
      throw BusinessProblem.invalid("a LeiKa key has 14 digits");
    }
    if (onlineService.filter(uri -> !"https".equals(uri.getScheme())).isPresent()) {
      throw BusinessProblem.invalid("an online service is an https address");
    }
    for (String place : places) {
      if (!place.matches("urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\\S{1,480}")) {
        throw BusinessProblem.invalid("a place is an NGSI-LD entity id (a URN): " + place);
      }
    }
  }

  private static boolean longer(Text text, int max) {
    return text.de().length() > max
        || text.en().filter(value -> value.length() > max).isPresent()
        || text.easyGerman().filter(value -> value.length() > max).isPresent();
  }
}
