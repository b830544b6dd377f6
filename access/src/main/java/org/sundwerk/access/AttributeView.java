package org.sundwerk.access;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one actor may see in one tenant: which entity types, and which of their attributes. The app
 * applies it to every answer that carries data: retrieve, query, batch, notifications, temporal
 * answers, exports. Immutable and thread-safe.
 */
public final class AttributeView {

  private final TenantVisibility tenant;
  private final Function<TypeVisibility, Optional<Level>> clearance;
  private final Optional<Set<String>> onlyTypes;

  /**
   * {@code clearance} is the actor's level for a type (empty: none at all); {@code onlyTypes} are
   * the types an API key is scoped to, if it is.
   */
  AttributeView(
      TenantVisibility tenant,
      Function<TypeVisibility, Optional<Level>> clearance,
      Optional<Set<String>> onlyTypes) {
    this.tenant = tenant;
    this.clearance = clearance;
    this.onlyTypes = onlyTypes.map(Set::copyOf);
  }

  /** Whether the actor may see entities of {@code type} at all. */
  public boolean mayRead(String type) {
    return inScope(type) && sees(tenant.type(type), tenant.type(type).level());
  }

  /** Whether the actor may see {@code attribute} of an entity of {@code type}. */
  public boolean mayRead(String type, String attribute) {
    TypeVisibility visibility = tenant.type(type);
    return mayRead(type) && sees(visibility, visibility.attribute(attribute));
  }

  /**
   * Whether this view hides nothing: no type, no attribute (operators, and everyone in an open
   * tenant). Answers need no filtering then. Costs a look at each declared type of the tenant.
   */
  public boolean hidesNothing() {
    if (onlyTypes.isPresent()
        || !sees(TypeVisibility.of(tenant.undeclaredTypes()), tenant.undeclaredTypes())) {
      return false;
    }
    for (TypeVisibility type : tenant.types().values()) {
      if (!sees(type, type.level())) {
        return false;
      }
      for (String attribute : type.attributes().keySet()) {
        if (!sees(type, type.attribute(attribute))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The declared types the actor may see whose attributes named {@code attributes} it may not all
   * see: a query that filters on such an attribute must leave these types out, or its answers would
   * tell the hidden values. Undeclared types hide no single attribute.
   */
  public Set<String> typesHiding(Set<String> attributes) {
    return tenant.types().keySet().stream()
        .filter(this::mayRead)
        .filter(type -> attributes.stream().anyMatch(attribute -> !mayRead(type, attribute)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * How a query that names no types must be narrowed: to the only types the actor may see, or by
   * leaving out the declared types it may not see.
   */
  public TypeFilter typeFilter() {
    boolean undeclaredVisible =
        sees(TypeVisibility.of(tenant.undeclaredTypes()), tenant.undeclaredTypes());
    if (onlyTypes.isPresent() || !undeclaredVisible) {
      Set<String> candidates = onlyTypes.orElse(tenant.types().keySet());
      return new TypeFilter.Only(
          candidates.stream().filter(this::mayRead).collect(Collectors.toUnmodifiableSet()));
    }
    return new TypeFilter.AllBut(
        tenant.types().keySet().stream()
            .filter(type -> !mayRead(type))
            .collect(Collectors.toUnmodifiableSet()));
  }

  private boolean sees(TypeVisibility type, Level needed) {
    return clearance.apply(type).filter(level -> level.covers(needed)).isPresent();
  }

  private boolean inScope(String type) {
    return onlyTypes.map(types -> types.contains(type)).orElse(true);
  }

  /** Narrows a query that names no types. */
  public sealed interface TypeFilter {
    /** Look only at these types. */
    record Only(Set<String> types) implements TypeFilter {}

    /** Look at every type but these; empty when the actor may see every type. */
    record AllBut(Set<String> hidden) implements TypeFilter {}
  }
}
