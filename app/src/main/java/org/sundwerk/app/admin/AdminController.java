package org.sundwerk.app.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.CreatedKey;
import org.sundwerk.access.key.KeyListing;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accounts, roles and API keys for automation (deployment scripts, partner onboarding). Every call
 * is an admin action ({@link Operation#ADMIN}) decided by the gate in each tenant it touches: an
 * account is created in the name of one tenant, a role is granted in its tenant, a key in every
 * tenant of its scope (which must name them), and a key is revoked by whoever administers every
 * tenant it acts in (an unscoped key: every tenant its owner holds a role in, and the default
 * tenant). So a tenant's operator manages its partners; the platform operator (also the bootstrap
 * key {@code SUNDWERK_ADMIN_API_KEY}) everything. The platform role is not granted here.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
final class AdminController {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AccessGate gate;
  private final Accounts accounts;
  private final ApiKeys keys;
  private final ContextResolver contexts;

  AdminController(AccessGate gate, Accounts accounts, ApiKeys keys, ContextResolver contexts) {
    this.gate = gate;
    this.accounts = accounts;
    this.keys = keys;
    this.contexts = contexts;
  }

  /**
   * Creates a verified account without a password: {@code {"email", "displayName", "tenant"}}. The
   * operator vouches for the address; its owner sets a password through the portal's reset, or uses
   * keys only.
   */
  @PostMapping
  ResponseEntity<JsonNode> createAccount(HttpServletRequest http, @RequestBody JsonNode body) {
    TenantId tenant = tenant(body.path("tenant"));
    admin(http, tenant);
    String email = requiredText(body, "email");
    String name = body.path("displayName").asString(email);
    AccountId id =
        accounts
            .createVerified(email, name)
            .orElseThrow(
                () ->
                    new AdminProblem(
                        409,
                        "an account with this address exists: "
                            + accounts.findByEmail(email).map(a -> a.id().value()).orElse("")));
    return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + id.value()))
        .body(account(find(id)));
  }

  /** An account, for operators of {@code tenant} and of every tenant it holds a role in. */
  @GetMapping("/{id}")
  JsonNode getAccount(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String tenant) {
    admin(http, TenantId.of(tenant));
    Account account = find(accountId(id));
    account.roles().stream().map(AdminController::tenantOf).distinct().forEach(t -> admin(http, t));
    return account(account);
  }

  /**
   * Grants a role: {@code {"kind": "operator", "tenant"}} or {@code {"kind": "member", "tenant",
   * "partner", "role": "owner|editor|viewer"}}.
   */
  @PostMapping("/{id}/roles")
  JsonNode grant(HttpServletRequest http, @PathVariable String id, @RequestBody JsonNode body) {
    // Decided before the body is judged: callers who may not learn nothing from its errors.
    admin(http, tenant(body.path("tenant")));
    Role role =
        role(
            requiredText(body, "kind"),
            body.path("tenant").asString(""),
            body.path("partner").asString(""),
            body.path("role").asString(""));
    admin(http, tenantOf(role));
    AccountId account = find(accountId(id)).id();
    accounts.grant(account, role);
    return account(find(account));
  }

  /** Takes a role away; the query names it as the grant's body does. */
  @DeleteMapping("/{id}/roles")
  ResponseEntity<Void> revokeRole(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String tenant,
      @RequestParam(defaultValue = "") String partner) {
    admin(http, tenant(NODES.stringNode(tenant)));
    Role role = role(kind, tenant, partner, "viewer");
    admin(http, tenantOf(role));
    if (!accounts.revoke(find(accountId(id)).id(), role)) {
      throw AdminProblem.notFound("the account does not hold this role");
    }
    return ResponseEntity.noContent().build();
  }

  /**
   * Issues a key: {@code {"name", "partner", "tenants": [...], "operations": ["read", ...],
   * "entityTypes": [...]}}; types are IRIs or terms of the core context. The answer holds the
   * secret, the only time it exists in clear.
   */
  @PostMapping("/{id}/keys")
  ResponseEntity<IssuedKey> createKey(
      HttpServletRequest http, @PathVariable String id, @RequestBody JsonNode body) {
    Set<TenantId> tenants = new LinkedHashSet<>();
    for (JsonNode name : array(body, "tenants")) {
      tenants.add(tenant(name));
    }
    if (tenants.isEmpty()) {
      admin(http, TenantId.DEFAULT);
      throw AdminProblem.badRequest("name the tenants the key is for in \"tenants\"");
    }
    tenants.forEach(tenant -> admin(http, tenant));
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    for (JsonNode operation : array(body, "operations")) {
      operations.add(operation(operation.asString("")));
    }
    if (operations.isEmpty()) {
      throw AdminProblem.badRequest(
          "name the key's \"operations\" (read, write, subscribe, ingest)");
    }
    Set<String> types = new HashSet<>();
    for (JsonNode type : array(body, "entityTypes")) {
      types.add(expandType(type.asString("")));
    }
    Account owner = find(accountId(id));
    Optional<PartnerId> partner =
        body.path("partner").isString()
            ? Optional.of(new PartnerId(body.path("partner").asString()))
            : Optional.empty();
    String name = body.path("name").asString("key").strip();
    KeyScope scope = new KeyScope(tenants, operations, types);
    CreatedKey created = keys.create(owner.id(), partner, name.isEmpty() ? "key" : name, scope);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/admin/accounts/" + owner.id().value() + "/keys/" + created.id().value()))
        .cacheControl(CacheControl.noStore())
        .body(
            new IssuedKey(
                created.id().value(),
                created.key(),
                name.isEmpty() ? "key" : name,
                partner.map(PartnerId::value).orElse(null),
                scope.tenants().stream().map(TenantId::name).sorted().toList(),
                scope.operations().stream()
                    .sorted()
                    .map(o -> o.name().toLowerCase(Locale.ROOT))
                    .toList(),
                scope.entityTypes().stream().sorted().toList()));
  }

  /** The account's keys that act in {@code tenant} (unscoped ones too), revoked ones included. */
  @GetMapping("/{id}/keys")
  JsonNode listKeys(
      HttpServletRequest http,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String tenant) {
    TenantId tenantId = TenantId.of(tenant);
    admin(http, tenantId);
    ArrayNode listed = NODES.arrayNode();
    for (KeyListing key : keys.listFor(find(accountId(id)).id())) {
      if (key.scope().coversTenant(tenantId)) {
        listed.add(listing(key));
      }
    }
    return listed;
  }

  @DeleteMapping("/{id}/keys/{keyId}")
  ResponseEntity<Void> revokeKey(
      HttpServletRequest http, @PathVariable String id, @PathVariable String keyId) {
    // Whether the account or key exists is told only to whom may manage them: the platform
    // operator, or the operators of every tenant the account holds a role in.
    Account owner = findOrRefuse(http, id);
    KeyListing key =
        keys.listFor(owner.id()).stream()
            .filter(listed -> listed.id().value().equals(keyId))
            .filter(listed -> listed.revokedAt().isEmpty())
            .findFirst()
            .orElseThrow(
                () -> {
                  admin(http, TenantId.DEFAULT);
                  owner.roles().stream()
                      .map(AdminController::tenantOf)
                      .forEach(tenant -> admin(http, tenant));
                  return AdminProblem.notFound("the account has no such unrevoked key");
                });
    Set<TenantId> actsIn = new LinkedHashSet<>(key.scope().tenants());
    if (actsIn.isEmpty()) {
      actsIn.add(TenantId.DEFAULT);
      owner.roles().stream().map(AdminController::tenantOf).forEach(actsIn::add);
    }
    actsIn.forEach(tenant -> admin(http, tenant));
    if (!keys.revoke(owner.id(), key.id())) {
      throw AdminProblem.notFound("the account has no such unrevoked key");
    }
    return ResponseEntity.noContent().build();
  }

  private void admin(HttpServletRequest http, TenantId tenant) {
    gate.require(http, AccessRequest.of(tenant, Operation.ADMIN, Resource.ACCOUNTS));
  }

  /** The account, or (after asking the gate for the default tenant) a 404. */
  private Account findOrRefuse(HttpServletRequest http, String id) {
    Optional<Account> found;
    try {
      found = accounts.find(new AccountId(id));
    } catch (IllegalArgumentException malformed) {
      found = Optional.empty();
    }
    return found.orElseGet(
        () -> {
          admin(http, TenantId.DEFAULT);
          throw AdminProblem.notFound("no such account");
        });
  }

  private Account find(AccountId id) {
    return accounts.find(id).orElseThrow(() -> AdminProblem.notFound("no such account"));
  }

  private static AccountId accountId(String id) {
    try {
      return new AccountId(id);
    } catch (IllegalArgumentException e) {
      throw AdminProblem.notFound("no such account");
    }
  }

  private String expandType(String type) {
    if (type.isBlank()) {
      throw AdminProblem.badRequest("an entity type is a non-empty string");
    }
    return type.contains(":") ? type : contexts.defaultDictionary().expand(type);
  }

  private static TenantId tenant(JsonNode name) {
    if (!name.isMissingNode() && !name.isNull() && !name.isString()) {
      throw AdminProblem.badRequest("a tenant is a string (\"\" for the default tenant)");
    }
    return TenantId.of(name.asString(""));
  }

  private static TenantId tenantOf(Role role) {
    return switch (role) {
      case Role.Operator operator -> operator.tenant();
      case Role.Member member -> member.tenant();
      case Role.Platform platform -> TenantId.DEFAULT;
    };
  }

  private static Role role(String kind, String tenant, String partner, String partnerRole) {
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "operator" -> new Role.Operator(TenantId.of(tenant));
      case "member" -> {
        if (partner.isBlank()) {
          throw AdminProblem.badRequest("a member role names its \"partner\"");
        }
        yield new Role.Member(
            TenantId.of(tenant), new PartnerId(partner), partnerRole(partnerRole));
      }
      case "platform" -> throw AdminProblem.badRequest("the platform role is not granted here");
      default -> throw AdminProblem.badRequest("a role's kind is operator or member");
    };
  }

  private static PartnerRole partnerRole(String role) {
    try {
      return PartnerRole.valueOf(role.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminProblem.badRequest("a member's role is owner, editor or viewer");
    }
  }

  private static Operation operation(String name) {
    try {
      return Operation.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminProblem.badRequest(
          "unknown operation '" + name + "': read, write, subscribe, ingest or admin");
    }
  }

  private static String requiredText(JsonNode body, String field) {
    String value = body.path(field).asString("");
    if (value.isBlank()) {
      throw AdminProblem.badRequest("\"" + field + "\" is required");
    }
    return value;
  }

  private static List<JsonNode> array(JsonNode body, String field) {
    JsonNode node = body.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw AdminProblem.badRequest("\"" + field + "\" is an array");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static ObjectNode account(Account account) {
    ObjectNode json = NODES.objectNode();
    json.put("id", account.id().value());
    json.put("email", account.email());
    json.put("displayName", account.displayName());
    json.put("emailVerified", account.emailVerifiedAt().isPresent());
    json.put("createdAt", account.createdAt().toString());
    ArrayNode roles = json.putArray("roles");
    for (Role role : account.roles()) {
      ObjectNode item = roles.addObject();
      switch (role) {
        case Role.Platform platform -> item.put("kind", "platform");
        case Role.Operator operator -> {
          item.put("kind", "operator");
          item.put("tenant", operator.tenant().name());
        }
        case Role.Member member -> {
          item.put("kind", "member");
          item.put("tenant", member.tenant().name());
          item.put("partner", member.partner().value());
          item.put("role", member.role().name().toLowerCase(Locale.ROOT));
        }
      }
    }
    return json;
  }

  private static ObjectNode listing(KeyListing key) {
    ObjectNode json = NODES.objectNode();
    json.put("id", key.id().value());
    json.put("name", key.name());
    key.actingFor().ifPresent(p -> json.put("partner", p.value()));
    scope(json, key.scope());
    json.put("createdAt", key.createdAt().toString());
    key.lastUsedAt().ifPresent(t -> json.put("lastUsedAt", t.toString()));
    key.revokedAt().ifPresent(t -> json.put("revokedAt", t.toString()));
    return json;
  }

  private static void scope(ObjectNode json, KeyScope scope) {
    ArrayNode tenants = json.putArray("tenants");
    scope.tenants().stream().map(TenantId::name).sorted().forEach(tenants::add);
    ArrayNode operations = json.putArray("operations");
    scope.operations().stream()
        .sorted()
        .map(o -> o.name().toLowerCase(Locale.ROOT))
        .forEach(operations::add);
    ArrayNode types = json.putArray("entityTypes");
    scope.entityTypes().stream().sorted().forEach(types::add);
  }
}
