package org.sundwerk.app.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OpenID provider in the test JVM (mock-oauth2-server on a random port), started once: the
 * realm {@value #REALM} plays the city's Keycloak realm, any other issuer id is a foreign provider.
 * It signs tokens with its own keys and serves discovery, keys, authorization (without a login
 * form: it answers with a code at once), token and userinfo endpoints.
 */
final class OidcProvider {

  static final String REALM = "stralsund";
  static final String AUDIENCE = "sundwerk-api";
  static final String CLIENT_ID = "sundwerk-portal";
  static final String CLIENT_SECRET = "portal-client-secret";
  static final String OPERATOR_ROLE = "sundwerk-operator";

  private static final MockOAuth2Server SERVER = start();

  private OidcProvider() {}

  /** How far the provider's clock is behind the real one while {@link #issuedAgo} issues. */
  private static final AtomicReference<Duration> lag = new AtomicReference<>(Duration.ZERO);

  private static MockOAuth2Server start() {
    MockOAuth2Server server =
        new MockOAuth2Server(
            new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(() -> Instant.now().minus(lag.get())),
                Set.of(),
                new MockWebServerWrapper()));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
    return server;
  }

  /** The realm's issuer URI, as Sundwerk is configured with it. */
  static String issuer() {
    return SERVER.issuerUrl(REALM).toString();
  }

  /** An access token of the realm for Sundwerk's API, valid for an hour. */
  static String token(String subject, Map<String, Object> claims) {
    return token(REALM, subject, List.of(AUDIENCE), claims, 3600);
  }

  /**
   * A token of the realm for Sundwerk's API, issued {@code ago} with a lifetime of {@code
   * lifetime}: expired when {@code ago} is longer.
   */
  static synchronized String issuedAgo(
      Duration ago, Duration lifetime, String subject, Map<String, Object> claims) {
    lag.set(ago);
    try {
      return token(REALM, subject, List.of(AUDIENCE), claims, lifetime.toSeconds());
    } finally {
      lag.set(Duration.ZERO);
    }
  }

  /** A token of {@code issuerId}, valid for {@code expirySeconds}. */
  static String token(
      String issuerId,
      String subject,
      List<String> audience,
      Map<String, Object> claims,
      long expirySeconds) {
    return SERVER
        .issueToken(
            issuerId,
            CLIENT_ID,
            new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", audience, claims, expirySeconds))
        .serialize();
  }

  /** The person the next authorization code of the realm is issued for. */
  static void nextLogin(String subject, Map<String, Object> claims) {
    SERVER.enqueueCallback(
        new DefaultOAuth2TokenCallback(REALM, subject, "JWT", List.of(AUDIENCE), claims, 3600));
  }

  /**
   * How many requests for the realm's keys reached the provider since the last call (the provider
   * records every request it answers; this takes them all).
   */
  static synchronized int keyRequestsSinceLastCall() {
    int keyRequests = 0;
    while (true) {
      RecordedRequest request;
      try {
        request = SERVER.takeRequest(1, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        return keyRequests;
      }
      if (request == null) {
        return keyRequests;
      }
      if (request.getPath() != null && request.getPath().startsWith("/" + REALM + "/jwks")) {
        keyRequests++;
      }
    }
  }

  /** Claims of a person whose address the provider verified. */
  static Map<String, Object> verified(String email) {
    return Map.of("email", email, "email_verified", true, "name", "Erika Mustermann");
  }
}
