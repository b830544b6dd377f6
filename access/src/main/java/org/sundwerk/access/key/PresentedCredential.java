package org.sundwerk.access.key;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credential a request presents in its headers: {@code Authorization: Bearer <key or JWT>} or
 * {@code X-API-Key: <key>}. A bearer value shaped like a JWT (three Base64url parts) is an OIDC
 * access token; anything else is an API key. Both headers with different values are refused rather
 * than guessed at.
 */
public sealed interface PresentedCredential {

  /** No credential: the request is anonymous (or carries a session cookie). */
  record None() implements PresentedCredential {}

  record ApiKey(String key) implements PresentedCredential {
    @Override
    public String toString() {
      return "ApiKey[...]";
    }
  }

  record BearerToken(String jwt) implements PresentedCredential {
    @Override
    public String toString() {
      return "BearerToken[...]";
    }
  }

  /** Malformed or contradictory headers: answer 401. */
  record Invalid(String reason) implements PresentedCredential {}

  Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  static PresentedCredential from(Optional<String> authorization, Optional<String> apiKeyHeader) {
    Optional<String> bearer = authorization.map(String::strip);
    if (bearer.isPresent() && !bearer.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
      // Basic or another scheme: not ours to judge (the app may answer 401).
      return new Invalid("only Bearer credentials are accepted");
    }
    Optional<String> token = bearer.map(value -> value.substring(7).strip());
    Optional<String> key = apiKeyHeader.map(String::strip);
    if (token.isPresent() && key.isPresent() && !token.get().equals(key.get())) {
      return new Invalid("Authorization and X-API-Key disagree");
    }
    Optional<String> value = token.or(() -> key);
    if (value.isEmpty()) {
      return new None();
    }
    if (value.get().isEmpty()) {
      return new Invalid("empty credential");
    }
    if (token.isPresent() && JWT.matcher(value.get()).matches()) {
      return new BearerToken(value.get());
    }
    return new ApiKey(value.get());
  }
}
