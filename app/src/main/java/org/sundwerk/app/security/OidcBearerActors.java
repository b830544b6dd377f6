package org.sundwerk.app.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.client.RestTemplate;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.ExternalIdentity;
import org.sundwerk.access.account.Identities;
import org.sundwerk.access.account.IdentityLink;

/**
 * OIDC access tokens on the APIs: a JWT of the configured issuer, signed with one of its published
 * keys, within its lifetime (give or take the configured skew), for the configured audience, is the
 * account linked to its issuer and subject ({@link Identities#link}, which links or creates the
 * account on first use by verified e-mail address). The account's roles come from Sundwerk's
 * tables; only a configured {@code operator-role} in the token raises it to platform operator.
 *
 * <p>Refusals are logged at DEBUG with their reason, never with the token. Thread-safe.
 */
final class OidcBearerActors implements BearerActors {

  private static final Logger log = LoggerFactory.getLogger(OidcBearerActors.class);

  /** How long fetching the provider's discovery document or keys may take. */
  static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(5);

  private final JwtDecoder decoder;
  private final Identities identities;
  private final Accounts accounts;
  private final OidcProperties properties;

  OidcBearerActors(
      JwtDecoder decoder, Identities identities, Accounts accounts, OidcProperties properties) {
    this.decoder = decoder;
    this.identities = identities;
    this.accounts = accounts;
    this.properties = properties;
  }

  /**
   * A decoder for {@code properties.issuerUri()} that reads the provider's discovery document and
   * keys at its first use (and again after a failed first use), so the app starts while the
   * provider is down. The keys are cached for 5 minutes and fetched again for a token that names an
   * unknown key (the provider rotated its keys), at most twice per 30 s: without that limit every
   * forged token with a made-up key id made Spring's default decoder fetch the keys again (20
   * tokens, 20 fetches; {@code OidcBearerTokenTest}), so anyone could make Sundwerk hammer the
   * provider. Only asymmetric signatures count.
   */
  static JwtDecoder decoder(OidcProperties properties, Clock clock) {
    return new SupplierJwtDecoder(
        () -> {
          int timeout = (int) PROVIDER_TIMEOUT.toMillis();
          JWKSource<SecurityContext> keys =
              JWKSourceBuilder.<SecurityContext>create(
                      keySetUri(properties.issuerUri()),
                      new DefaultResourceRetriever(timeout, timeout, MAX_KEY_SET_BYTES))
                  .cache(true)
                  .rateLimited(true)
                  .build();
          NimbusJwtDecoder decoder =
              NimbusJwtDecoder.withJwkSource(keys)
                  .jwsAlgorithms(algorithms -> algorithms.addAll(ASYMMETRIC))
                  .build();
          decoder.setJwtValidator(validator(properties, clock));
          return decoder;
        });
  }

  /** Larger key sets are refused; Keycloak's is a few kB. */
  static final int MAX_KEY_SET_BYTES = 512 * 1024;

  /** Spring's {@code SignatureAlgorithm} holds RSA, RSA-PSS and ECDSA only (HMAC is elsewhere). */
  private static final Set<SignatureAlgorithm> ASYMMETRIC = EnumSet.allOf(SignatureAlgorithm.class);

  /**
   * The {@code jwks_uri} of the issuer's OpenID discovery document, which must name the same issuer
   * (OIDC Discovery 1.0, 4.3).
   */
  static URL keySetUri(String issuer) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(PROVIDER_TIMEOUT);
    requests.setReadTimeout(PROVIDER_TIMEOUT);
    String discovery =
        (issuer.endsWith("/") ? issuer : issuer + "/") + ".well-known/openid-configuration";
    Map<?, ?> metadata = new RestTemplate(requests).getForObject(discovery, Map.class);
    if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
      throw new IllegalStateException(
          "the discovery document at " + discovery + " names another issuer");
    }
    if (!(metadata.get("jwks_uri") instanceof String keySet)) {
      throw new IllegalStateException(
          "the discovery document at " + discovery + " has no jwks_uri");
    }
    try {
      return URI.create(keySet).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("the issuer's jwks_uri is not a URL", e);
    }
  }

  /** Issuer, lifetime (an {@code exp} is required), a subject, and the audience when configured. */
  static OAuth2TokenValidator<Jwt> validator(OidcProperties properties, Clock clock) {
    JwtTimestampValidator lifetime = new JwtTimestampValidator(properties.clockSkew());
    lifetime.setClock(clock);
    lifetime.setAllowEmptyExpiryClaim(false);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(lifetime);
    validators.add(new JwtIssuerValidator(properties.issuerUri()));
    validators.add(
        new JwtClaimValidator<Object>("sub", sub -> sub instanceof String s && !s.isEmpty()));
    if (!properties.audience().isBlank()) {
      validators.add(new JwtAudienceValidator(properties.audience()));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  @Override
  public Optional<Actor> actorFor(String token, TenantId tenant) {
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtValidationException e) {
      log.debug("Refused a bearer token: {}", describe(e.getErrors()));
      return Optional.empty();
    } catch (JwtDecoderInitializationException e) {
      log.warn(
          "Cannot check bearer tokens: the OIDC issuer {} did not answer its discovery request"
              + " ({})",
          properties.issuerUri(),
          causeOf(e));
      return Optional.empty();
    } catch (BadJwtException e) {
      // Its message may quote decoded parts of the token; the kind of failure is enough.
      log.debug("Refused a malformed or badly signed bearer token ({})", causeOf(e));
      return Optional.empty();
    } catch (JwtException e) {
      if (e.getCause() instanceof RateLimitReachedException) {
        log.debug("Refused a bearer token signed with an unknown key (keys fetched < 30 s ago)");
        return Optional.empty();
      }
      log.warn(
          "Cannot check bearer tokens: the keys of the OIDC issuer {} could not be fetched ({})",
          properties.issuerUri(),
          causeOf(e));
      return Optional.empty();
    }
    Optional<ExternalIdentity> identity = OidcClaims.identity(jwt.getClaims());
    if (identity.isEmpty()) {
      log.debug("Refused a bearer token without issuer or subject");
      return Optional.empty();
    }
    IdentityLink link = identities.link(identity.get());
    switch (link) {
      case IdentityLink.Unlinked unlinked -> {
        log.debug("Refused a bearer token of {}: {}", identity.get(), unlinked.reason());
        return Optional.empty();
      }
      case IdentityLink.Created created ->
          log.info(
              "Created account {} for {} at its first bearer token",
              created.id().value(),
              identity.get());
      case IdentityLink.LinkedByEmail linked ->
          log.info(
              "Linked {} to account {} by its verified e-mail address",
              identity.get(),
              linked.id().value());
      case IdentityLink.Known known -> {}
    }
    AccountId account = link.account().orElseThrow();
    if (!properties.operatorRole().isBlank()
        && OidcClaims.roles(jwt.getClaims(), properties.rolesClaim())
            .contains(properties.operatorRole())) {
      return accounts
          .find(account)
          .map(found -> new Actor.PlatformOperator(Optional.of(found.id())));
    }
    return accounts.find(account).map(found -> found.actorIn(tenant, Optional.empty()));
  }

  private static String causeOf(Exception e) {
    return (e.getCause() == null ? e : e.getCause()).getClass().getName();
  }

  private static String describe(Iterable<OAuth2Error> errors) {
    List<String> descriptions = new ArrayList<>();
    errors.forEach(error -> descriptions.add(error.getDescription()));
    return descriptions.stream().collect(Collectors.joining("; "));
  }
}
