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
import org.sundwerk.access.account.Registration;
import org.sundwerk.portal.PortalAccess;

/**
 * Registration and e-mail verification. A new address and one that has an account get the same page
 * ("check your mail"); the mail says which it was. The verification link opens a page with a
 * button: the token is spent by a POST, not by a mail scanner that follows links.
 */
@Controller
final class RegistrationController {

  static final int MAX_DISPLAY_NAME = 100;

  private final Accounts accounts;
  private final PortalAccess access;
  private final SignInLimiter limiter;
  private final Mails mails;

  RegistrationController(
      Accounts accounts, PortalAccess access, SignInLimiter limiter, Mails mails) {
    this.accounts = accounts;
    this.access = access;
    this.limiter = limiter;
    this.mails = mails;
  }

  @GetMapping("/register")
  String form(HttpServletRequest http) {
    access.page(http);
    return "account/register";
  }

  @PostMapping("/register")
  String register(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    access.page(http);
    model.addAttribute("email", email);
    model.addAttribute("displayName", displayName);
    if (displayName.isBlank() || displayName.strip().length() > MAX_DISPLAY_NAME) {
      Forms.error(model, response, 400, "register.name.invalid", MAX_DISPLAY_NAME);
      return "account/register";
    }
    OptionalLong wait = limiter.retryAfter(access.clientAddress(http));
    if (wait.isPresent()) {
      Forms.limited(model, response, wait.getAsLong());
      return "account/register";
    }
    Registration registration;
    try {
      registration = accounts.register(email, displayName, password);
    } catch (IllegalArgumentException notAnAddress) {
      Forms.error(model, response, 400, "register.email.invalid");
      return "account/register";
    }
    switch (registration) {
      case Registration.Rejected rejected -> {
        Forms.passwordProblems(model, response, rejected.problems());
        return "account/register";
      }
      case Registration.Created created ->
          mails.send(
              email.strip(),
              "verify",
              locale,
              mails.link(http, "/verify?token=" + created.verificationToken()));
      case Registration.AlreadyRegistered existing ->
          mails.send(email.strip(), "registered", locale, mails.link(http, "/password/forgot"));
    }
    model.addAttribute("notice", "register.sent");
    return "account/notice";
  }

  @GetMapping("/verify")
  String confirm(
      @RequestParam(defaultValue = "") String token, HttpServletRequest http, Model model) {
    access.page(http);
    model.addAttribute("token", token);
    return "account/verify";
  }

  @PostMapping("/verify")
  String verify(
      @RequestParam(defaultValue = "") String token,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    access.page(http);
    if (accounts.verifyEmail(token).isEmpty()) {
      Forms.error(model, response, 400, "verify.invalid");
      model.addAttribute("token", "");
      return "account/verify";
    }
    model.addAttribute("notice", "verify.done");
    model.addAttribute("loginLink", true);
    return "account/notice";
  }
}
