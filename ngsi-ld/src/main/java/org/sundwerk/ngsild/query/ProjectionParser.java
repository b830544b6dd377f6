package org.sundwerk.ngsild.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * Splits the comma lists of {@code attrs}, {@code pick} and {@code omit} and expands their names.
 * Stateless and thread-safe.
 */
public final class ProjectionParser {

  private static final Set<String> ENTITY_MEMBERS = Set.of("id", "type");

  private ProjectionParser() {}

  /**
   * The expanded attribute names of {@code attrs}, in order, without duplicates.
   *
   * @throws NgsiLdException BadRequestData for an empty name or whitespace in a name
   */
  public static List<String> attrs(String attrs, TermDictionary terms) {
    return split("attrs", attrs).stream().map(terms::expand).distinct().toList();
  }

  /**
   * The names of {@code pick} or {@code omit}: {@code id} and {@code type} stay as they are (they
   * mean the entity members), every other name is expanded.
   *
   * @throws NgsiLdException BadRequestData for an empty name or whitespace in a name
   */
  public static List<String> pickOrOmit(String parameter, String names, TermDictionary terms) {
    return split(parameter, names).stream()
        .map(name -> ENTITY_MEMBERS.contains(name) ? name : terms.expand(name))
        .distinct()
        .toList();
  }

  private static List<String> split(String parameter, String list) {
    if (list == null || list.isEmpty()) {
      throw NgsiLdException.badRequestData("The " + parameter + " parameter is empty");
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : list.split(",", -1)) {
      if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
        throw NgsiLdException.badRequestData(
            "Invalid name '" + name + "' in " + parameter + ": " + list);
      }
      names.add(name);
    }
    return List.copyOf(names);
  }
}
