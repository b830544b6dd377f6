package org.sundwerk.portal.door;

/** One entry of a front door, in the order the door shows them. */
sealed interface Tile {

  /** Live figures of one kind of public entity, each linking to its detail page. */
  record Live(Source source) implements Tile {}

  /**
   * A fixed pointer, texts {@code door.link.<key>.title} and {@code .text}; {@code href} a portal
   * path or an https address of a public service (never fetched by the portal).
   */
  record Link(String key, String href) implements Tile {}

  static Tile live(Source source) {
    return new Live(source);
  }

  static Tile link(String key, String href) {
    return new Link(key, href);
  }
}
