package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.account.Registration;

/**
 * The portal's OIDC login over HTTP, as a browser without JavaScript walks it: the login link
 * redirects to the provider, the provider (without a login form) redirects back with a code, the
 * server exchanges it, links the identity, signs the account in and redirects to the account page.
 * The session cookie then makes the portal see the account.
 */
class OidcLoginTest extends OidcApiTest {

  private Browser browser;

  @BeforeEach
  void newBrowser() {
    browser = new Browser("http://127.0.0.1:" + port);
  }

  @Test
  void theLoginPageLinksTheProviderAndExplainsAFailure() throws Exception {
    assertThat(browser.get("/login")).contains("href=\"/oauth2/authorization/oidc\"");
    assertThat(browser.get("/login?oidc=failed&lang=en"))
        .contains("Signing in with the provider failed");
  }

  @Test
  void aFirstLoginCreatesTheAccountAndSignsItIn() throws Exception {
    String email = uniqueEmail();
    OidcProvider.nextLogin("login-" + tenant, OidcProvider.verified(email));

    List<URI> hops = browser.follow("/oauth2/authorization/oidc");

    assertThat(hops.get(1).toString()).startsWith(OidcProvider.issuer() + "/authorize");
    assertThat(hops.get(2).getPath()).isEqualTo("/login/oauth2/code/oidc");
    assertThat(hops.getLast().getPath()).isEqualTo("/account");
    AccountId account = accounts.findByEmail(email).orElseThrow().id();
    assertThat(browser.get("/test/whoami")).isEqualTo("account:" + account.value());
  }

  @Test
  void anAccountWithoutPasswordExportsItsIdentityAndIsDeletedByConfirmingItsAddress()
      throws Exception {
    String email = uniqueEmail();
    OidcProvider.nextLogin("delete-" + tenant, OidcProvider.verified(email));
    browser.follow("/oauth2/authorization/oidc");
    AccountId account = accounts.findByEmail(email).orElseThrow().id();

    String export = browser.get("/account/export");
    HttpResponse<String> wrong = browser.post("/account/delete", "password", "other@example.org");
    HttpResponse<String> deleted = browser.post("/account/delete", "password", email);

    assertThat(export).contains("\"issuer\"", OidcProvider.issuer(), "\"subject\"");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(accounts.find(account)).isEmpty();
  }

  @Test
  void aLoginLinksTheLocalAccountOfTheVerifiedAddressInANewSession() throws Exception {
    String email = uniqueEmail();
    Registration.Created local =
        (Registration.Created) accounts.register(email, "Erika", "lange Rede, kurzer Sinn");
    accounts.verifyEmail(local.verificationToken()).orElseThrow();
    OidcProvider.nextLogin("local-" + tenant, OidcProvider.verified(email));

    List<URI> hops = browser.follow("/oauth2/authorization/oidc");

    assertThat(hops.getLast().getPath()).isEqualTo("/account");
    String duringTheFlow = browser.sessions().getFirst();
    assertThat(duringTheFlow).isNotEmpty();
    assertThat(browser.sessions().getLast()).isNotEmpty().isNotEqualTo(duringTheFlow);
    assertThat(browser.get("/test/whoami")).isEqualTo("account:" + local.account().value());
    assertThat(identities.of(local.account())).hasSize(1);
  }

  @Test
  void aSecondLoginFindsTheSameAccount() throws Exception {
    String email = uniqueEmail();
    OidcProvider.nextLogin("twice-" + tenant, OidcProvider.verified(email));
    browser.follow("/oauth2/authorization/oidc");
    String first = browser.get("/test/whoami");

    Browser another = new Browser("http://127.0.0.1:" + port);
    OidcProvider.nextLogin("twice-" + tenant, Map.of("email_verified", false));
    another.follow("/oauth2/authorization/oidc");

    assertThat(another.get("/test/whoami")).isEqualTo(first).startsWith("account:");
  }

  @Test
  void aLoginWithoutAVerifiedAddressEndsOnTheLoginPageSignedOut() throws Exception {
    String email = uniqueEmail();
    OidcProvider.nextLogin("unverified-" + tenant, Map.of("email", email, "email_verified", false));

    List<URI> hops = browser.follow("/oauth2/authorization/oidc");

    assertThat(hops.getLast().getPath()).isEqualTo("/login");
    assertThat(hops.getLast().getQuery()).isEqualTo("oidc=failed");
    assertThat(browser.get("/test/whoami")).isEqualTo("anonymous");
    assertThat(accounts.findByEmail(email)).isEmpty();
  }

  @Test
  void aCallbackWithoutTheFlowsStateIsRefused() throws Exception {
    List<URI> hops = browser.follow("/login/oauth2/code/oidc?code=stolen&state=guessed");

    assertThat(hops.getLast().getPath()).isEqualTo("/login");
    assertThat(browser.get("/test/whoami")).isEqualTo("anonymous");
  }

  /** A cookie-aware client that follows redirects itself, to record every hop. */
  private static final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final List<String> sessions = new ArrayList<>();

    Browser(String base) {
      this.base = base;
      this.client =
          HttpClient.newBuilder()
              .cookieHandler(cookies)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    /**
     * Requests {@code path} (relative to the app, or absolute) and follows redirects until one is
     * answered otherwise, or until the app's own account or login page, which may not exist yet.
     */
    List<URI> follow(String path) throws IOException, InterruptedException {
      List<URI> hops = new ArrayList<>();
      URI next = URI.create(path.startsWith("http") ? path : base + path);
      while (hops.size() < 10) {
        hops.add(next);
        if (next.getPath().equals("/account") || next.getPath().equals("/login")) {
          return hops;
        }
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
        sessions.add(session());
        if (response.statusCode() / 100 != 3) {
          return hops;
        }
        next = next.resolve(response.headers().firstValue("Location").orElseThrow());
      }
      throw new IllegalStateException("redirect loop: " + hops);
    }

    /** Posts a form from the account page, with the CSRF token the page carries. */
    HttpResponse<String> post(String path, String name, String value)
        throws IOException, InterruptedException {
      Matcher token = CSRF.matcher(get("/account"));
      assertThat(token.find()).as("the account page carries a CSRF token").isTrue();
      String form =
          "_csrf="
              + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
              + "&"
              + name
              + "="
              + URLEncoder.encode(value, StandardCharsets.UTF_8);
      return client.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** The app's session cookie after each response (empty string: none). */
    List<String> sessions() {
      return sessions;
    }

    String get(String path) throws IOException, InterruptedException {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    }

    private String session() {
      return cookies.getCookieStore().get(URI.create(base)).stream()
          .filter(cookie -> cookie.getName().equals("SESSION")) // Spring Session's cookie
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse("");
    }
  }
}
