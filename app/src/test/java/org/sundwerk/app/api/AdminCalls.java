package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Accounts, roles and keys made through the admin API, for tests of who may do what. */
final class AdminCalls {

  static final String ACCOUNTS = "/api/v1/admin/accounts";

  private final Http admin;
  private final String tenant;

  /**
   * Calls made with {@code admin}'s credentials (the test platform key unless told otherwise);
   * accounts are created in the name of {@code tenant}.
   */
  AdminCalls(Http admin, String tenant) {
    this.admin = admin;
    this.tenant = tenant;
  }

  /** A new verified account with a unique address; returns its id. */
  String account() {
    Http.Response created =
        admin.post(
            ACCOUNTS,
            "{\"email\": \"%s@example.org\", \"displayName\": \"Test\", \"tenant\": \"%s\"}"
                .formatted(UUID.randomUUID(), tenant));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  void grantOperator(String account, String tenant) {
    Http.Response granted =
        admin.post(
            ACCOUNTS + "/" + account + "/roles",
            "{\"kind\": \"operator\", \"tenant\": \"%s\"}".formatted(tenant));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
  }

  void grantMember(String account, String tenant, String partner, String role) {
    Http.Response granted =
        admin.post(
            ACCOUNTS + "/" + account + "/roles",
            "{\"kind\": \"member\", \"tenant\": \"%s\", \"partner\": \"%s\", \"role\": \"%s\"}"
                .formatted(tenant, partner, role));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
  }

  /** A key of {@code account} for {@code tenant} and the given operations; returns the key. */
  String key(String account, String tenant, String... operations) {
    Http.Response created = createKey(account, tenant, operations);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("key").asString();
  }

  Http.Response createKey(String account, String tenant, String... operations) {
    return admin.post(
        ACCOUNTS + "/" + account + "/keys",
        "{\"name\": \"test\", \"tenants\": [\"%s\"], \"operations\": [\"%s\"]}"
            .formatted(tenant, String.join("\", \"", operations)));
  }

  /** An operator of the tenant with a key for everything there; returns the key. */
  String operatorKey() {
    String account = account();
    grantOperator(account, tenant);
    return key(account, tenant, "read", "write", "subscribe", "ingest", "admin");
  }
}
