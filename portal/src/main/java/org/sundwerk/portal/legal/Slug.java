package org.sundwerk.portal.legal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The legal and inclusive pages, by the German path people type. */
enum Slug {
  IMPRESSUM("impressum"),
  DATENSCHUTZ("datenschutz"),
  BARRIEREFREIHEIT("barrierefreiheit"),
  LEICHTE_SPRACHE("leichte-sprache");

  private final String path;

  Slug(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  /** The key part of its messages, e.g. {@code legal.leichte-sprache.title}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static Optional<Slug> of(String path) {
    return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
  }
}
