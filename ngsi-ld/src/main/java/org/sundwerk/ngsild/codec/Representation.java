package org.sundwerk.ngsild.codec;

import java.util.Optional;
import java.util.Set;

/**
 * How an entity is rendered (clause 4.5): the format, system attributes, the language picked for
 * LanguageProperties, and which members are kept.
 *
 * @param format normalized, concise or simplified (keyValues)
 * @param sysAttrs whether createdAt and modifiedAt are included
 * @param lang the preferred language tags for LanguageProperties (empty: keep the whole map)
 * @param pick expanded attribute names (and {@code id}, {@code type}) to keep; empty keeps all
 * @param omit expanded attribute names (and {@code id}, {@code type}) to drop
 */
public record Representation(
    Format format, boolean sysAttrs, Optional<String> lang, Set<String> pick, Set<String> omit) {

  public Representation {
    pick = Set.copyOf(pick);
    omit = Set.copyOf(omit);
  }

  public static final Representation NORMALIZED =
      new Representation(Format.NORMALIZED, false, Optional.empty(), Set.of(), Set.of());

  public Representation withFormat(Format newFormat) {
    return new Representation(newFormat, sysAttrs, lang, pick, omit);
  }

  public Representation withSysAttrs(boolean on) {
    return new Representation(format, on, lang, pick, omit);
  }

  public Representation withPick(Set<String> names) {
    return new Representation(format, sysAttrs, lang, names, omit);
  }

  public Representation withOmit(Set<String> names) {
    return new Representation(format, sysAttrs, lang, pick, names);
  }

  public Representation withLang(Optional<String> tags) {
    return new Representation(format, sysAttrs, tags, pick, omit);
  }

  /** True when the member (an expanded attribute name, {@code id} or {@code type}) is kept. */
  public boolean keeps(String member) {
    return (pick.isEmpty() || pick.contains(member)) && !omit.contains(member);
  }

  public enum Format {
    NORMALIZED,
    CONCISE,
    SIMPLIFIED
  }
}
