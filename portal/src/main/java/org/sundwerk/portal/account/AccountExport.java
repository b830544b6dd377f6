package org.sundwerk.portal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sundwerk.access.Operation;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.LinkedIdentity;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.key.KeyListing;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data export of one account: profile, roles, identities linked by OIDC logins, API keys (their
 * metadata; secrets are stored only hashed and are not exported) and the audit events it made or
 * that concern it. Times are ISO 8601 in UTC.
 */
final class AccountExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AccountExport() {}

  static String of(
      Account account,
      List<LinkedIdentity> linked,
      List<KeyListing> keys,
      List<AuditEvent> events,
      Instant exportedAt) {
    ObjectNode root = NODES.objectNode();
    root.put("exportedAt", exportedAt.toString());
    ObjectNode profile = root.putObject("account");
    profile.put("id", account.id().value());
    profile.put("email", account.email());
    profile.put("displayName", account.displayName());
    profile.put("createdAt", account.createdAt().toString());
    account.emailVerifiedAt().ifPresent(t -> profile.put("emailVerifiedAt", t.toString()));
    ArrayNode roles = root.putArray("roles");
    account.roles().stream()
        .map(RoleText::of)
        .sorted(RoleText.ORDER)
        .forEach(
            role -> {
              ObjectNode node = roles.addObject();
              node.put("role", role.key().substring("role.".length()));
              putIfNotEmpty(node, "tenant", role.tenant());
              putIfNotEmpty(node, "partner", role.partner());
              putIfNotEmpty(node, "partnerRole", role.partnerRole());
            });
    ArrayNode identities = root.putArray("linkedIdentities");
    for (LinkedIdentity identity : linked) {
      ObjectNode node = identities.addObject();
      node.put("issuer", identity.issuer());
      node.put("subject", identity.subject());
      node.put("linkedAt", identity.linkedAt().toString());
    }
    ArrayNode keyNodes = root.putArray("apiKeys");
    for (KeyListing key : keys) {
      ObjectNode node = keyNodes.addObject();
      node.put("id", key.id().value());
      node.put("name", key.name());
      key.actingFor().ifPresent(partner -> node.put("actingFor", partner.value()));
      ArrayNode tenants = node.putArray("tenants");
      key.scope().tenants().stream().map(TenantId::name).sorted().forEach(tenants::add);
      ArrayNode operations = node.putArray("operations");
      key.scope().operations().stream().sorted().map(Operation::name).forEach(operations::add);
      ArrayNode types = node.putArray("entityTypes");
      key.scope().entityTypes().stream().sorted().forEach(types::add);
      node.put("createdAt", key.createdAt().toString());
      putTime(node, "lastUsedAt", key.lastUsedAt());
      putTime(node, "revokedAt", key.revokedAt());
    }
    ArrayNode audit = root.putArray("auditEvents");
    for (AuditEvent event : events) {
      ObjectNode node = audit.addObject();
      node.put("at", event.at().toString());
      node.put("tenant", event.tenant().name());
      node.put("actor", event.actor());
      node.put("action", event.action());
      node.put("target", event.target());
      node.put("source", event.source());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static void putIfNotEmpty(ObjectNode node, String field, String value) {
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }

  private static void putTime(ObjectNode node, String field, Optional<Instant> time) {
    time.ifPresent(t -> node.put(field, t.toString()));
  }
}
