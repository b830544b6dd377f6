package org.sundwerk.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OIDC settings under {@code sundwerk.access.oidc} (environment: {@code
 * SUNDWERK_ACCESS_OIDC_ISSUER_URI} and so on). Everything is empty by default: OIDC is off, bearer
 * JWTs are refused and the portal offers only local accounts.
 *
 * @param issuerUri the OpenID provider's issuer, for Keycloak the realm URL ({@code
 *     https://keycloak.example/realms/stralsund}). Set: the APIs accept access tokens of this
 *     issuer as {@code Authorization: Bearer <JWT>}. Its discovery document and keys are fetched at
 *     the first token, not at start, so Sundwerk starts while the provider is down. Empty: off.
 * @param audience a value the token's {@code aud} claim must contain (Keycloak: an audience mapper
 *     on the client scope). Empty: not checked, so every token the issuer signs for any of its
 *     clients is accepted (including ID tokens); set it in production.
 * @param clientId the portal's confidential client at the provider; with {@link #clientSecret} and
 *     {@link #issuerUri} set, the portal signs in with the provider at {@code
 *     /oauth2/authorization/oidc} (redirect URI {@code <base>/login/oauth2/code/oidc}). Empty: no
 *     OIDC login in the portal.
 * @param clientSecret the client's secret; never logged
 * @param providerName what the portal's login button calls the provider; default "OpenID Connect"
 * @param operatorRole a role name that makes a bearer token's account a platform operator for the
 *     requests carrying that token (not for portal sessions). Empty (default): roles come only from
 *     Sundwerk's tables, granted by operators.
 * @param rolesClaim where {@link #operatorRole} is looked up: a claim path with dots, holding a
 *     list of role names; default {@code realm_access.roles} (Keycloak's realm roles)
 * @param clockSkew how far {@code exp} and {@code nbf} may be off; default 30 s. 0 allows no skew.
 */
@ConfigurationProperties("sundwerk.access.oidc")
public record OidcProperties(
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String audience,
    @DefaultValue("") String clientId,
    @DefaultValue("") String clientSecret,
    @DefaultValue("OpenID Connect") String providerName,
    @DefaultValue("") String operatorRole,
    @DefaultValue("realm_access.roles") String rolesClaim,
    @DefaultValue("30s") Duration clockSkew) {

  public OidcProperties {
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("sundwerk.access.oidc.clock-skew must not be negative");
    }
  }

  /** True when bearer JWTs of {@link #issuerUri} are accepted. */
  public boolean bearerTokens() {
    return !issuerUri.isBlank();
  }

  /** True when the portal signs in with the provider. */
  public boolean portalLogin() {
    return bearerTokens() && !clientId.isBlank() && !clientSecret.isBlank();
  }

  /** Leaves the client secret out. */
  @Override
  public String toString() {
    return "OidcProperties[issuerUri="
        + issuerUri
        + ", audience="
        + audience
        + ", clientId="
        + clientId
        + ", operatorRole="
        + operatorRole
        + "]";
  }
}
