package org.sundwerk.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The declared visibility of one entity type in one tenant: the level needed to see its entities at
 * all, the partner that provides them (its members see the type's private attributes and may write
 * it), and attributes (expanded IRIs) that are more closed than the type. An attribute is never
 * more open than its type.
 */
public record TypeVisibility(
    Level level, Optional<PartnerId> provider, Map<String, Level> attributes) {

  public TypeVisibility {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(provider, "provider");
    attributes = Map.copyOf(attributes);
  }

  public static TypeVisibility of(Level level) {
    return new TypeVisibility(level, Optional.empty(), Map.of());
  }

  public TypeVisibility providedBy(PartnerId partner) {
    return new TypeVisibility(level, Optional.of(partner), attributes);
  }

  public TypeVisibility withAttribute(String attribute, Level attributeLevel) {
    Map<String, Level> copy = new HashMap<>(attributes);
    copy.put(attribute, attributeLevel);
    return new TypeVisibility(level, provider, copy);
  }

  /** The level needed to see {@code attribute} of this type. */
  public Level attribute(String attribute) {
    Level declared = attributes.getOrDefault(attribute, level);
    return declared.covers(level) ? declared : level;
  }
}
