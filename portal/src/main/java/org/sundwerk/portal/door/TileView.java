package org.sundwerk.portal.door;

import java.util.List;

/**
 * A tile as the door template shows it.
 *
 * @param key the tile's message and anchor key, e.g. {@code parking} or {@code link-pharmacy}
 * @param live whether it shows live figures ({@code items}) or is a fixed link
 * @param items the live entries (empty for a link, or when nothing is there now)
 * @param href for a live tile the map filtered to its kind; for a link its target
 * @param external whether {@code href} leaves the portal
 */
record TileView(String key, boolean live, List<Item> items, String href, boolean external) {}
