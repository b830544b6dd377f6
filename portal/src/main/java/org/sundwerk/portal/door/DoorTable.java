package org.sundwerk.portal.door;

import static org.sundwerk.portal.door.Tile.link;
import static org.sundwerk.portal.door.Tile.live;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each group needs first, by season: the whole editorial decision of the front doors in one
 * table, read top to bottom. Change the order here, not in templates. Links to other services are
 * plain links for the reader; the portal never fetches them.
 */
final class DoorTable {

  private static final String PHARMACY = "https://www.aponet.de/apotheke/notdienstsuche";
  private static final String BUS = "https://www.vvr-bus.de";
  private static final String CITY = "https://www.stralsund.de";

  private static final Map<Group, Map<Season, List<Tile>>> TABLE = new EnumMap<>(Group.class);

  static {
    put(
        Group.TOURISTEN,
        List.of(
            live(Source.WATER),
            live(Source.BEACH),
            live(Source.PARKING),
            live(Source.EVENTS),
            live(Source.BIKE),
            live(Source.MUSEUM)),
        List.of(
            live(Source.EVENTS),
            live(Source.MUSEUM),
            live(Source.SIGHT),
            live(Source.PARKING),
            live(Source.WEATHER)));
    put(
        Group.SENIOREN,
        List.of(
            live(Source.EVENTS),
            live(Source.WATER),
            link("shuttle", BUS),
            link("pharmacy", PHARMACY),
            live(Source.AIR),
            link("easy", "/leichte-sprache")),
        List.of(
            live(Source.MUSEUM),
            link("shuttle", BUS),
            link("pharmacy", PHARMACY),
            link("winter", CITY),
            live(Source.EVENTS),
            link("easy", "/leichte-sprache")));
    put(
        Group.EINWOHNER,
        List.of(
            live(Source.WASTE),
            live(Source.AIR),
            live(Source.EVENTS),
            live(Source.WATER),
            live(Source.BIKE),
            live(Source.CHARGING)),
        List.of(
            link("winter", CITY),
            live(Source.WASTE),
            live(Source.AIR),
            live(Source.EVENTS),
            live(Source.CHARGING),
            live(Source.PARKING)));
    put(
        Group.FAMILIEN,
        List.of(
            live(Source.WATER),
            live(Source.BEACH),
            live(Source.EVENTS),
            live(Source.BIKE),
            live(Source.PARKING),
            live(Source.MUSEUM)),
        List.of(
            live(Source.MUSEUM),
            live(Source.EVENTS),
            live(Source.SIGHT),
            live(Source.WEATHER),
            live(Source.PARKING)));
    put(
        Group.UNTERNEHMEN,
        List.of(
            live(Source.EVENTS),
            live(Source.PARKING),
            live(Source.CHARGING),
            link("api", "/account"),
            live(Source.AIR)),
        List.of(
            live(Source.PARKING),
            live(Source.CHARGING),
            live(Source.EVENTS),
            link("api", "/account"),
            live(Source.AIR)));
  }

  private DoorTable() {}

  private static void put(Group group, List<Tile> summer, List<Tile> winter) {
    Map<Season, List<Tile>> seasons = new EnumMap<>(Season.class);
    seasons.put(Season.SUMMER, List.copyOf(summer));
    seasons.put(Season.WINTER, List.copyOf(winter));
    TABLE.put(group, seasons);
  }

  /** The tiles of {@code group} in {@code season}, most needed first. */
  static List<Tile> tiles(Group group, Season season) {
    return TABLE.get(group).get(season);
  }
}
