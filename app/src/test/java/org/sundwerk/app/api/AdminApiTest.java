package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.app.api.AdminCalls.ACCOUNTS;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sundwerk.app.TestKeys;

/**
 * The admin API over HTTP: the platform operator (here the bootstrap key) and a tenant's operators
 * create partner accounts, grant and revoke roles, issue, list and revoke keys; every call is
 * decided by the gate; errors are ProblemDetails.
 */
class AdminApiTest extends ApiTest {

  static final String SENSOR = "{\"id\": \"urn:ngsi-ld:Sensor:%s\", \"type\": \"Sensor\"}";

  @Test
  void aKeyIssuedForAnOperatorWritesAndItsSecretIsShownOnce() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    admin.grantOperator(account, tenant);

    Http.Response created = admin.createKey(account, tenant, "read", "write");
    String key = created.json().path("key").asString();
    Http.Response listed = http.get(ACCOUNTS + "/" + account + "/keys?tenant=" + tenant);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Cache-Control")).hasValue("no-store");
    assertThat(key).startsWith("sw_" + created.json().path("id").asString() + "_");
    assertThat(created.json().path("operations").toString()).isEqualTo("[\"read\",\"write\"]");
    assertThat(http.key(key).post(ENTITIES, SENSOR.formatted("s1")).status()).isEqualTo(201);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().size()).isEqualTo(1);
    assertThat(listed.json().path(0).path("id").asString())
        .isEqualTo(created.json().path("id").asString());
    assertThat(listed.text()).doesNotContain(TestKeys.secretOf(key));
  }

  @Test
  void aPartnerViewersKeyReadsButDoesNotWrite() {
    AdminCalls admin = new AdminCalls(http, tenant);
    assertThat(http.post(ENTITIES, SENSOR.formatted("s2")).status()).isEqualTo(201);
    String account = admin.account();
    admin.grantMember(account, tenant, "stadtwerke", "viewer");
    Http viewer = http.key(admin.key(account, tenant, "read", "write"));

    assertThat(viewer.get(ENTITIES + "/urn:ngsi-ld:Sensor:s2").status()).isEqualTo(200);
    assertThat(viewer.post(ENTITIES, SENSOR.formatted("s3")).status()).isEqualTo(403);
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    admin.grantOperator(account, tenant);
    Http.Response created = admin.createKey(account, tenant, "read");
    Http holder = http.key(created.json().path("key").asString());
    assertThat(http.post(ENTITIES, SENSOR.formatted("k1")).status()).isEqualTo(201);
    assertThat(holder.get(ENTITIES + "?type=Sensor").status()).isEqualTo(200);

    Http.Response revoked =
        http.delete(ACCOUNTS + "/" + account + "/keys/" + created.json().path("id").asString());

    assertThat(revoked.status()).isEqualTo(204);
    Http.Response refused = holder.get(ENTITIES + "?type=Sensor");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).isPresent();
    assertThat(
            http.get(ACCOUNTS + "/" + account + "/keys?tenant=" + tenant)
                .json()
                .path(0)
                .has("revokedAt"))
        .isTrue();
    assertThat(
            http.delete(ACCOUNTS + "/" + account + "/keys/" + created.json().path("id").asString())
                .status())
        .isEqualTo(404);
  }

  @Test
  void aRevokedRoleTakesTheKeysRightsAway() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    admin.grantOperator(account, tenant);
    Http holder = http.key(admin.key(account, tenant, "write"));
    assertThat(holder.post(ENTITIES, SENSOR.formatted("r1")).status()).isEqualTo(201);

    Http.Response revoked =
        http.delete(ACCOUNTS + "/" + account + "/roles?kind=operator&tenant=" + tenant);

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(holder.post(ENTITIES, SENSOR.formatted("r2")).status()).isEqualTo(403);
    assertThat(http.get(ACCOUNTS + "/" + account).json().path("roles").size()).isZero();
  }

  @Test
  void aTenantsOperatorManagesItsTenantOnly() {
    Http operator = http.key(new AdminCalls(http, tenant).operatorKey());
    AdminCalls operatorCalls = new AdminCalls(operator, tenant);
    String other = "other" + tenant;

    String partner = operatorCalls.account();
    operatorCalls.grantMember(partner, tenant, "stadtwerke", "editor");
    Http.Response ownKey = operatorCalls.createKey(partner, tenant, "read");
    Http.Response foreignRole =
        operator.post(
            ACCOUNTS + "/" + partner + "/roles",
            "{\"kind\": \"operator\", \"tenant\": \"%s\"}".formatted(other));
    Http.Response foreignKey = operatorCalls.createKey(partner, other, "read");
    Http.Response platformRole =
        operator.post(ACCOUNTS + "/" + partner + "/roles", "{\"kind\": \"platform\"}");

    String foreigner = new AdminCalls(http, other).account();
    new AdminCalls(http, other).grantOperator(foreigner, other);

    assertThat(operator.get(ACCOUNTS + "/" + partner + "?tenant=" + tenant).status())
        .isEqualTo(200);
    assertThat(operator.get(ACCOUNTS + "/" + foreigner + "?tenant=" + tenant).status())
        .isEqualTo(403);
    assertThat(ownKey.status()).isEqualTo(201);
    assertThat(foreignRole.status()).isEqualTo(403);
    assertThat(foreignRole.header("Content-Type")).hasValue("application/problem+json");
    assertThat(foreignKey.status()).isEqualTo(403);
    // The platform role names no tenant: the default tenant's operators decide, not this one.
    assertThat(platformRole.status()).isEqualTo(403);
  }

  @Test
  void whoIsNoOperatorIsRefused() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String resident = admin.account();
    Http residentKey = http.key(admin.key(resident, tenant, "read", "admin"));
    String body = "{\"email\": \"x-%s@example.org\"}".formatted(UUID.randomUUID());

    Http.Response anonymous = http.anonymous().post(ACCOUNTS, body);
    Http.Response byResident = residentKey.post(ACCOUNTS + "?tenant=" + tenant, body);
    Http.Response badKey = http.key("sw_0123456789abcdef_" + "A".repeat(43)).post(ACCOUNTS, body);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("title").asString()).isEqualTo("Unauthorized");
    assertThat(byResident.status()).isEqualTo(403);
    assertThat(badKey.status()).isEqualTo(401);
  }

  @Test
  void mistakesAreAnsweredAsProblemDetails() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String account = admin.account();
    String email = http.get(ACCOUNTS + "/" + account).json().path("email").asString();

    Http.Response duplicate = http.post(ACCOUNTS, "{\"email\": \"" + email + "\"}");
    Http.Response unreadable = http.post(ACCOUNTS, "{\"email\": ");
    Http.Response noEmail = http.post(ACCOUNTS, "{}");
    Http.Response unknown = http.get(ACCOUNTS + "/nobody");
    Http.Response noTenants =
        http.post(ACCOUNTS + "/" + account + "/keys", "{\"operations\": [\"read\"]}");
    Http.Response badOperation = admin.createKey(account, tenant, "fly");
    Http.Response badRole =
        http.post(
            ACCOUNTS + "/" + account + "/roles",
            "{\"kind\": \"member\", \"tenant\": \"%s\", \"partner\": \"p\", \"role\": \"boss\"}"
                .formatted(tenant));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("detail").asString()).contains(account);
    for (Http.Response answer :
        new Http.Response[] {unreadable, noEmail, noTenants, badOperation, badRole}) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.json().path("detail").asString()).isNotEmpty();
    }
    assertThat(unknown.status()).isEqualTo(404);
  }
}
