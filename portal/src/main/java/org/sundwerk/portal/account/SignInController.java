package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.LoginResult;
import org.sundwerk.portal.PortalAccess;

/**
 * Login and logout. An unknown address and a wrong password get the same answer; too many wrong
 * passwords lock the account for a while ({@code AccountPolicy}), and each client address may try
 * only so often ({@link SignInLimiter}).
 */
@Controller
final class SignInController {

  private final Accounts accounts;
  private final PortalAccess access;
  private final SignInLimiter limiter;
  private final Mails mails;
  private final Clock clock;

  SignInController(
      Accounts accounts, PortalAccess access, SignInLimiter limiter, Mails mails, Clock clock) {
    this.accounts = accounts;
    this.access = access;
    this.limiter = limiter;
    this.mails = mails;
    this.clock = clock;
  }

  @GetMapping("/login")
  String form(
      HttpServletRequest http,
      @RequestParam(defaultValue = "") String oidc,
      @Value("${sundwerk.access.oidc.client-id:}") String oidcClient,
      @Value("${sundwerk.access.oidc.provider-name:OpenID Connect}") String oidcProvider,
      Model model) {
    access.page(http);
    // A link, not a form: the CSP's form-action 'self' would stop the redirect to the provider.
    if (!oidcClient.isBlank()) {
      model.addAttribute("oidcProvider", oidcProvider);
    }
    model.addAttribute("oidcFailed", oidc.equals("failed"));
    return "account/login";
  }

  @PostMapping("/login")
  String login(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    access.page(http);
    model.addAttribute("email", email);
    OptionalLong wait = limiter.retryAfter(access.clientAddress(http));
    if (wait.isPresent()) {
      Forms.limited(model, response, wait.getAsLong());
      return "account/login";
    }
    LoginResult result;
    try {
      result = accounts.login(email, password);
    } catch (IllegalArgumentException notAnAddress) {
      result = new LoginResult.Rejected();
    }
    switch (result) {
      case LoginResult.Success success -> {
        SessionActors.signIn(http, success.account().id());
        return "redirect:/account";
      }
      case LoginResult.Rejected rejected -> Forms.error(model, response, 200, "login.rejected");
      case LoginResult.Locked locked -> {
        long minutes =
            Math.max(1, (Duration.between(clock.instant(), locked.until()).toSeconds() + 59) / 60);
        Forms.error(model, response, 200, "login.locked", minutes);
      }
      case LoginResult.Unverified unverified -> {
        accounts
            .renewVerification(unverified.account())
            .ifPresent(
                token ->
                    mails.send(
                        email.strip(),
                        "verify",
                        locale,
                        mails.link(http, "/verify?token=" + token)));
        Forms.error(model, response, 200, "login.unverified");
      }
    }
    return "account/login";
  }

  /** Ends the session (a POST with the CSRF token: a link elsewhere cannot sign anyone out). */
  @PostMapping("/logout")
  String logout(HttpServletRequest http) {
    SessionActors.signOut(http);
    return "redirect:/";
  }
}
