package org.sundwerk.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.function.SingletonSupplier;
import org.sundwerk.access.account.ExternalIdentity;
import org.sundwerk.access.account.Identities;
import org.sundwerk.access.account.IdentityLink;
import org.sundwerk.portal.account.SessionActors;

/**
 * OIDC login in the portal (authorization code flow of a confidential client; Spring Security
 * checks state, nonce and the ID token): the login page links to {@link #authorizationPath()}; the
 * provider sends the browser back to {@code /login/oauth2/code/oidc}; the verified ID token's
 * identity is linked as for bearer tokens ({@link Identities#link}) and the account signed in with
 * {@link SessionActors#signIn}, like a password login. The provider's tokens are not kept: the
 * session holds only the account id. Thread-safe.
 */
public final class OidcLogin {

  private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);

  /** The client registration's id, part of both portal URLs. */
  public static final String REGISTRATION_ID = "oidc";

  /** Where the portal's login button points: starts the flow. */
  public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

  /** The portal's own login page (Spring Security generates none). */
  static final String LOGIN_PAGE = "/login";

  /** Where a successful login lands. */
  static final String SIGNED_IN = "/account";

  /** Where a failed or refused login lands; the login page explains. */
  static final String FAILED = LOGIN_PAGE + "?oidc=failed";

  private final ClientRegistrationRepository clients;
  private final Identities identities;
  private final String providerName;

  OidcLogin(OidcProperties properties, Identities identities) {
    this.clients = new LazyRegistration(properties);
    this.identities = identities;
    this.providerName = properties.providerName();
  }

  /** The path that starts a login at the provider, for the portal's login page. */
  public String authorizationPath() {
    return AUTHORIZATION_PATH;
  }

  /** What the login button calls the provider. */
  public String providerName() {
    return providerName;
  }

  /** Adds the login endpoints to the portal's filter chain. */
  void applyTo(HttpSecurity http) {
    http.oauth2Login(
        login ->
            login
                .loginPage(LOGIN_PAGE)
                .clientRegistrationRepository(clients)
                .authorizedClientRepository(new Forgetful())
                .successHandler(this::signedIn)
                .failureHandler(this::failed));
  }

  private void signedIn(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    SecurityContextHolder.clearContext();
    Map<String, Object> claims =
        authentication.getPrincipal() instanceof OidcUser user ? user.getClaims() : Map.of();
    Optional<ExternalIdentity> identity = OidcClaims.identity(claims);
    IdentityLink link =
        identity
            .map(identities::link)
            .orElseGet(() -> new IdentityLink.Unlinked("the ID token names no subject"));
    switch (link) {
      case IdentityLink.Unlinked unlinked -> {
        log.info("Refused the OIDC login of {}: {}", identity.orElse(null), unlinked.reason());
        SessionActors.signOut(request);
        response.sendRedirect(request.getContextPath() + FAILED);
        return;
      }
      case IdentityLink.Created created ->
          log.info(
              "Created account {} for {} at its first login", created.id().value(), identity.get());
      case IdentityLink.LinkedByEmail linked ->
          log.info(
              "Linked {} to account {} by its verified e-mail address",
              identity.get(),
              linked.id().value());
      case IdentityLink.Known known -> {}
    }
    SessionActors.signIn(request, link.account().orElseThrow());
    response.sendRedirect(request.getContextPath() + SIGNED_IN);
  }

  private void failed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    log.info(
        "An OIDC login failed: {}",
        e instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : e.getClass().getSimpleName());
    response.sendRedirect(request.getContextPath() + FAILED);
  }

  /**
   * The provider's client registration, read from its discovery document at the first login (and
   * again after a failed attempt), so the app starts while the provider is down.
   */
  private static final class LazyRegistration implements ClientRegistrationRepository {

    private final Supplier<ClientRegistration> registration;

    LazyRegistration(OidcProperties properties) {
      this.registration =
          SingletonSupplier.of(
              () ->
                  ClientRegistrations.fromOidcIssuerLocation(properties.issuerUri())
                      .registrationId(REGISTRATION_ID)
                      .clientName(properties.providerName())
                      .clientId(properties.clientId())
                      .clientSecret(properties.clientSecret())
                      .scope("openid", "email", "profile")
                      .build());
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
      return REGISTRATION_ID.equals(registrationId) ? registration.get() : null;
    }
  }

  /**
   * Keeps no authorized client: Sundwerk calls no API with the provider's access token, so it is
   * dropped instead of held in memory or in the session.
   */
  private static final class Forgetful implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
        String clientRegistrationId, Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient authorizedClient,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String clientRegistrationId,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
