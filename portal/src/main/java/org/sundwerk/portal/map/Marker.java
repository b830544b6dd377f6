package org.sundwerk.portal.map;

/**
 * One entity as the map and the list show it, texts in the reader's language.
 *
 * @param id the entity id
 * @param path the path of its detail page, {@code /orte/} and the URL-encoded id
 * @param kind the kind's key, e.g. {@code parking}
 * @param kindLabel the kind in words
 * @param name the entity's name
 * @param lat WGS84 latitude
 * @param lon WGS84 longitude
 * @param state the current state in words, e.g. "47 of 290 free"; empty when there is none
 * @param level {@code ok}, {@code warn}, {@code alert} or {@code info} (no rating)
 * @param levelLabel the level in words ("gut", "Achtung", ...), empty when there is no state
 * @param measured when the values were measured, in the reader's language and the portal's zone;
 *     empty when the entity carries no time
 * @param measuredAt the same as an ISO 8601 instant, empty when there is none
 */
record Marker(
    String id,
    String path,
    String kind,
    String kindLabel,
    String name,
    double lat,
    double lon,
    String state,
    String level,
    String levelLabel,
    String measured,
    String measuredAt) {}
