package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Identities;
import org.sundwerk.access.account.LoginResult;
import org.sundwerk.access.account.PasswordReset;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.CreatedKey;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The account page ({@code /account}): profile, password change, API keys (a new key is shown once,
 * in the answer to the form that created it), the data export and the deletion of the account.
 * Every handler asks the gate for {@code Resource.ACCOUNT} first; key changes and deletions go to
 * the audit log.
 */
@Controller
final class AccountController {

  /** How many audit events an export lists at most. */
  static final int EXPORT_EVENTS = 10_000;

  private final Accounts accounts;
  private final Identities identities;
  private final ApiKeys keys;
  private final AuditLog audit;
  private final PortalAccess access;
  private final SignInLimiter limiter;
  private final ContextResolver contexts;
  private final Clock clock;
  private final ZoneId zone;

  AccountController(
      Accounts accounts,
      Identities identities,
      ApiKeys keys,
      AuditLog audit,
      PortalAccess access,
      SignInLimiter limiter,
      ContextResolver contexts,
      Clock clock,
      PortalProperties properties) {
    this.accounts = accounts;
    this.identities = identities;
    this.keys = keys;
    this.audit = audit;
    this.access = access;
    this.limiter = limiter;
    this.contexts = contexts;
    this.clock = clock;
    this.zone = properties.zone();
  }

  @GetMapping("/account")
  String page(HttpServletRequest http, Model model) {
    AccountId id = access.account(http, Operation.READ);
    return show(id, model);
  }

  @PostMapping("/account/keys")
  String createKey(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String tenants,
      @RequestParam(name = "operation", required = false) List<String> operations,
      @RequestParam(defaultValue = "") String entityTypes,
      @RequestParam(defaultValue = "") String partner,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    AccountId id = access.account(http, Operation.WRITE);
    // A key acts for a partner only if its owner is a member of it: the policy then gives the key
    // the member's rights (roles are read at use, so a lost membership ends them).
    Optional<PartnerId> actingFor =
        partner.isBlank() ? Optional.empty() : Optional.of(new PartnerId(partner.strip()));
    if (actingFor.isPresent()
        && !partnersOf(accounts.find(id).orElseThrow()).contains(partner.strip())) {
      Forms.error(model, response, 400, "keys.partnerUnknown");
      model.addAttribute("keyName", name);
      return show(id, model);
    }
    KeyForm form;
    try {
      form =
          KeyForm.parse(
              name,
              tenants,
              operations == null ? List.of() : operations,
              entityTypes,
              contexts.defaultDictionary());
    } catch (IllegalArgumentException e) {
      Forms.error(model, response, 400, e.getMessage());
      model.addAttribute("keyName", name);
      return show(id, model);
    }
    CreatedKey created = keys.create(id, actingFor, form.name(), form.scope());
    record(http, "CreateApiKey", created.id().value());
    response.setStatus(201);
    model.addAttribute("createdKey", created.key());
    return show(id, model);
  }

  @PostMapping("/account/keys/{key}/revoke")
  String revokeKey(
      @PathVariable String key,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest http,
      Model model) {
    AccountId id = access.account(http, Operation.WRITE);
    ApiKeyId keyId;
    try {
      keyId = new ApiKeyId(key);
    } catch (IllegalArgumentException e) {
      return "redirect:/account";
    }
    if (keys.revoke(id, keyId)) {
      record(http, "RevokeApiKey", keyId.value());
    }
    if (htmx == null) {
      return "redirect:/account";
    }
    keys.listFor(id).stream()
        .filter(k -> k.id().equals(keyId))
        .findFirst()
        .ifPresent(k -> model.addAttribute("keys", List.of(KeyRow.of(k, zone))));
    return "account/account :: keyRow";
  }

  /**
   * Changes the password after the current one is confirmed (the first thing the platform operator
   * does with the one-time password from the log). Goes through the reset token of {@code
   * Accounts}, so the rules and the lockout are the same as everywhere.
   */
  @PostMapping("/account/password")
  String changePassword(
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    AccountId id = access.account(http, Operation.WRITE);
    Account account = accounts.find(id).orElseThrow();
    OptionalLong wait = limiter.retryAfter(access.clientAddress(http));
    if (wait.isPresent()) {
      Forms.limited(model, response, wait.getAsLong());
      return show(id, model);
    }
    if (!(accounts.login(account.email(), currentPassword) instanceof LoginResult.Success)) {
      Forms.error(model, response, 400, "password.change.wrong");
      return show(id, model);
    }
    String token = accounts.startPasswordReset(account.email()).orElseThrow();
    switch (accounts.resetPassword(token, newPassword)) {
      case PasswordReset.Done done -> {
        record(http, "ChangePassword", id.value());
        model.addAttribute("changed", true);
      }
      case PasswordReset.Rejected rejected ->
          Forms.passwordProblems(model, response, rejected.problems());
      case PasswordReset.InvalidToken invalid ->
          throw new IllegalStateException("a token issued just now was refused");
    }
    return show(id, model);
  }

  /** GDPR Art. 15 and 20: everything stored about the account, as one JSON file. */
  @GetMapping("/account/export")
  ResponseEntity<String> export(HttpServletRequest http) {
    AccountId id = access.account(http, Operation.READ);
    Account account = accounts.find(id).orElseThrow();
    String json =
        AccountExport.of(
            account,
            identities.of(id),
            keys.listFor(id),
            audit.about(id, EXPORT_EVENTS),
            clock.instant());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("sundwerk-account.json").build().toString())
        .body(json);
  }

  /** GDPR Art. 17: deletes the account with its roles and keys, after the password is confirmed. */
  @PostMapping("/account/delete")
  String delete(
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    AccountId id = access.account(http, Operation.WRITE);
    Account account = accounts.find(id).orElseThrow();
    OptionalLong wait = limiter.retryAfter(access.clientAddress(http));
    if (wait.isPresent()) {
      Forms.limited(model, response, wait.getAsLong());
      return show(id, model);
    }
    if (account.roles().contains(new Role.Platform())) {
      // The next start would create a new operator with a new one-time password: hand the role
      // to another account first (the admin API grants roles).
      Forms.error(model, response, 409, "delete.platform");
      return show(id, model);
    }
    // Accounts from an OIDC login have no password: they confirm with their e-mail address.
    boolean hasPassword = accounts.hasPassword(id);
    boolean confirmed =
        hasPassword
            ? accounts.login(account.email(), password) instanceof LoginResult.Success
            : password.strip().equalsIgnoreCase(account.email());
    if (!confirmed) {
      Forms.error(model, response, 400, hasPassword ? "delete.password" : "delete.email");
      return show(id, model);
    }
    record(http, "DeleteAccount", id.value());
    accounts.delete(id);
    SessionActors.signOut(http);
    model.addAttribute("signedIn", null);
    model.addAttribute("notice", "delete.done");
    return "account/notice";
  }

  private String show(AccountId id, Model model) {
    Account account = accounts.find(id).orElseThrow();
    model.addAttribute("account", account);
    model.addAttribute(
        "roles", account.roles().stream().map(RoleText::of).sorted(RoleText.ORDER).toList());
    model.addAttribute("createdAt", KeyRow.format(account.createdAt(), zone));
    model.addAttribute("keys", keys.listFor(id).stream().map(k -> KeyRow.of(k, zone)).toList());
    model.addAttribute("operations", KeyForm.OFFERED.stream().map(Operation::name).toList());
    model.addAttribute("hasPassword", accounts.hasPassword(id));
    model.addAttribute("partners", partnersOf(account));
    return "account/account";
  }

  /** The partner organisations the account is a member of, by id. */
  private static List<String> partnersOf(Account account) {
    return account.roles().stream()
        .filter(role -> role instanceof Role.Member)
        .map(role -> ((Role.Member) role).partner().value())
        .distinct()
        .sorted()
        .toList();
  }

  private void record(HttpServletRequest http, String action, String target) {
    audit.record(
        new AuditEvent(
            clock.instant(),
            access.principal(http),
            TenantId.DEFAULT,
            action,
            target,
            access.clientAddress(http)));
  }
}
