package org.sundwerk.portal.door;

/**
 * One entity on a door tile, texts in the reader's language.
 *
 * @param id the entity id (the detail page is {@code /orte/{id}})
 * @param name its name
 * @param state its live figure in words, e.g. "47 von 290 Plätzen frei"; empty when there is none
 * @param level {@code ok}, {@code warn}, {@code alert} or {@code info}; always also written out
 * @param detail a further line, e.g. the distance or the date; empty when there is none
 */
record Item(String id, String name, String state, String level, String detail) {}
