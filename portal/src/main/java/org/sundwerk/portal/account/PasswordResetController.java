package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordReset;
import org.sundwerk.portal.PortalAccess;

/**
 * Forgotten passwords: a reset link by mail (the same answer whether the address has an account or
 * not), then a new password. A reset also lifts a lockout and verifies the address.
 */
@Controller
final class PasswordResetController {

  private final Accounts accounts;
  private final PortalAccess access;
  private final SignInLimiter limiter;
  private final Mails mails;

  PasswordResetController(
      Accounts accounts, PortalAccess access, SignInLimiter limiter, Mails mails) {
    this.accounts = accounts;
    this.access = access;
    this.limiter = limiter;
    this.mails = mails;
  }

  @GetMapping("/password/forgot")
  String form(HttpServletRequest http) {
    access.page(http);
    return "account/forgot";
  }

  @PostMapping("/password/forgot")
  String request(
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    access.page(http);
    OptionalLong wait = limiter.retryAfter(access.clientAddress(http));
    if (wait.isPresent()) {
      model.addAttribute("email", email);
      Forms.limited(model, response, wait.getAsLong());
      return "account/forgot";
    }
    try {
      accounts
          .startPasswordReset(email)
          .ifPresent(
              token ->
                  mails.send(
                      email.strip(),
                      "reset",
                      locale,
                      mails.link(http, "/password/reset?token=" + token)));
    } catch (IllegalArgumentException notAnAddress) {
      // the same answer as for an unknown address
    }
    model.addAttribute("notice", "forgot.sent");
    return "account/notice";
  }

  @GetMapping("/password/reset")
  String resetForm(
      @RequestParam(defaultValue = "") String token, HttpServletRequest http, Model model) {
    access.page(http);
    model.addAttribute("token", token);
    return "account/reset";
  }

  @PostMapping("/password/reset")
  String reset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    access.page(http);
    model.addAttribute("token", token);
    switch (accounts.resetPassword(token, password)) {
      case PasswordReset.Done done -> {
        model.addAttribute("notice", "reset.done");
        model.addAttribute("loginLink", true);
        return "account/notice";
      }
      case PasswordReset.InvalidToken invalid -> Forms.error(model, response, 400, "reset.invalid");
      case PasswordReset.Rejected rejected ->
          Forms.passwordProblems(model, response, rejected.problems());
    }
    return "account/reset";
  }
}
