package org.sundwerk.portal.place;

import java.util.List;

/**
 * One place as its detail page shows it, texts in the reader's language; an empty string stands for
 * what the entity does not say (the template leaves it out).
 *
 * @param id the entity id
 * @param tenant the tenant it was read from
 * @param kind the kind's key, e.g. {@code water}
 * @param kindLabel the kind in words
 * @param name its name
 * @param description its description
 * @param address street, postcode and town
 * @param openingHours opening hours in words
 * @param prices prices in words
 * @param accessibility accessibility in words
 * @param dates when an event takes place (start – end) in the reader's locale; empty for others
 * @param source who provides the data ({@code dataProvider} or {@code source})
 * @param values the current readings
 * @param rating the readings rated; null when the kind has no rating or the readings are missing
 * @param charted the terms whose history can be charted, with their labels
 */
record PlaceView(
    String id,
    String tenant,
    String kind,
    String kindLabel,
    String name,
    String description,
    String address,
    String openingHours,
    String prices,
    String accessibility,
    String dates,
    String source,
    List<Value> values,
    Rating rating,
    List<Value> charted) {

  PlaceView {
    values = List.copyOf(values);
    charted = List.copyOf(charted);
  }

  /**
   * One reading.
   *
   * @param term its attribute term
   * @param label what it is, e.g. "Wassertemperatur"
   * @param text value with unit, e.g. "17,5 °C"
   * @param observedAt when it was measured, in the reader's locale and the portal's zone; empty
   *     when the reading has no observedAt
   */
  record Value(String term, String label, String text, String observedAt) {}
}
