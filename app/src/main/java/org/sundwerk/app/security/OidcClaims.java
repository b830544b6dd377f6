package org.sundwerk.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sundwerk.access.account.ExternalIdentity;

/** Reads what Sundwerk needs from the claims of a verified ID or access token. */
final class OidcClaims {

  private OidcClaims() {}

  /**
   * The person the claims name; empty without {@code iss} and {@code sub}. The e-mail address
   * counts only with {@code email_verified} true (a boolean, or the string some providers send).
   */
  static Optional<ExternalIdentity> identity(Map<String, Object> claims) {
    Optional<String> issuer = text(claims, "iss");
    Optional<String> subject = text(claims, "sub");
    if (issuer.isEmpty() || subject.isEmpty()) {
      return Optional.empty();
    }
    Object verified = claims.get("email_verified");
    boolean emailVerified =
        Boolean.TRUE.equals(verified) || (verified instanceof String s && s.equals("true"));
    Optional<String> email = emailVerified ? text(claims, "email") : Optional.empty();
    Optional<String> name = text(claims, "name").or(() -> text(claims, "preferred_username"));
    try {
      return Optional.of(new ExternalIdentity(issuer.get(), subject.get(), email, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The role names at {@code path} (dots separate nested objects, as in Keycloak's {@code
   * realm_access.roles}); empty when the claim is missing or not a list of strings.
   */
  static Set<String> roles(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String step : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> object)) {
        return Set.of();
      }
      value = object.get(step);
    }
    Collection<?> names =
        switch (value) {
          case Collection<?> list -> list;
          case String single -> List.of(single);
          case null, default -> List.of();
        };
    return names.stream()
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** A claim as text; issuers may arrive as URLs. */
  private static Optional<String> text(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    return value == null
        ? Optional.empty()
        : Optional.of(value.toString()).filter(text -> !text.isBlank());
  }
}
