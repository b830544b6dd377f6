package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.app.api.AdminCalls.ACCOUNTS;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The partners API over HTTP: an organisation applies, an operator approves, its owner accepts the
 * terms and it is active; who may read what of whom; illegal steps are 409 ProblemDetails.
 */
class PartnersApiTest extends ApiTest {

  static final String APPLICATION =
      """
      {"id": "%s", "kind": "business", "displayName": "%s", "legalName": "%s GmbH",
       "address": {"street": "Hafenstraße 3", "postcode": "18439", "city": "Stralsund"},
       "contacts": [{"name": "Lena Beispiel", "role": "Geschäftsführung",
                     "email": "lena@%s.example", "phone": "+49 3831 000000"}],
       "vatId": "DE123456789",
       "bankAccount": {"iban": "DE89 3704 0044 0532 0130 00", "holder": "%s GmbH"}}
      """;

  AdminCalls admin;
  String partners;

  @BeforeEach
  void terms() {
    admin = new AdminCalls(http, tenant);
    partners = "/api/v1/" + tenant + "/partners";
    Http.Response published =
        http.post(
            "/api/v1/" + tenant + "/partner-terms",
            """
            {"version": 1, "effective": "2025-01-01",
             "text": {"de": "# Partnerbedingungen", "en": "# Partner terms"}}
            """);
    assertThat(published.status()).as(published.toString()).isEqualTo(201);
  }

  /**
   * A new verified account with a key for this tenant; the key acts as the account, with {@code
   * admin} in its scope for the acts that bind a partner (terms, leaving, members).
   */
  record Person(String id, String email, Http http) {}

  Person person() {
    String email = UUID.randomUUID() + "@example.org";
    Http.Response created =
        http.post(
            ACCOUNTS,
            "{\"email\": \"%s\", \"displayName\": \"Test\", \"tenant\": \"%s\"}"
                .formatted(email, tenant));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    return new Person(id, email, http.key(admin.key(id, tenant, "read", "write", "admin")));
  }

  Http.Response apply(Person applicant, String id) {
    return applicant.http().post(partners, APPLICATION.formatted(id, id, id, id, id));
  }

  /** Applies, approves and accepts the terms: an active partner owned by {@code owner}. */
  void activePartner(Person owner, String id) {
    assertThat(apply(owner, id).status()).isEqualTo(201);
    assertThat(review(id, "approve").status()).isEqualTo(200);
    assertThat(owner.http().post(partners + "/" + id + "/terms", "{\"version\": 1}").status())
        .isEqualTo(200);
  }

  Http.Response review(String id, String decision) {
    return http.post(
        partners + "/" + id + "/review",
        "{\"decision\": \"%s\", \"reason\": \"complete\"}".formatted(decision));
  }

  @Test
  void anApplicationApprovedWithAcceptedTermsIsAnActivePartner() {
    Person owner = person();

    Http.Response applied = apply(owner, "sundrad");
    Http.Response approved = review("sundrad", "approve");
    Http.Response terms = http.anonymous().get("/api/v1/" + tenant + "/partner-terms/current");
    Http.Response accepted = owner.http().post(partners + "/sundrad/terms", "{\"version\": 1}");

    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    assertThat(applied.header("Location")).hasValue(partners + "/sundrad");
    assertThat(applied.json().path("status").asString()).isEqualTo("applied");
    assertThat(approved.json().path("status").asString()).isEqualTo("approved");
    assertThat(terms.json().path("version").asInt()).isEqualTo(1);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("status").asString()).isEqualTo("active");
    JsonNode history = owner.http().get(partners + "/sundrad/history").json();
    assertThat(history.size()).isEqualTo(3);
    assertThat(history.path(1).path("reason").asString()).isEqualTo("complete");
    assertThat(history.path(2).path("termsVersion").asInt()).isEqualTo(1);
    assertThat(history.path(2).path("actor").asString()).contains("account:" + owner.id());
    JsonNode members = owner.http().get(partners + "/sundrad/members").json();
    assertThat(members.path(0).path("role").asString()).isEqualTo("owner");
    assertThat(members.path(0).path("email").asString()).isEqualTo(owner.email());
  }

  @Test
  void aResidentCannotApproveAndAnonymousCannotApply() {
    Person applicant = person();
    apply(applicant, "parkhanse");
    Person resident = person();

    Http.Response refused =
        resident.http().post(partners + "/parkhanse/review", "{\"decision\": \"approve\"}");
    Http.Response anonymous =
        http.anonymous().post(partners, APPLICATION.formatted("x", "x", "x", "x", "x"));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(http.get(partners + "/parkhanse").json().path("status").asString())
        .isEqualTo("applied");
  }

  @Test
  void aMemberOfOnePartnerCannotReadAnothersBankData() {
    Person a = person();
    Person b = person();
    activePartner(a, "sundtour");
    activePartner(b, "ladenetz-sund");

    Http.Response own = a.http().get(partners + "/sundtour");
    Http.Response other = a.http().get(partners + "/ladenetz-sund");
    Http.Response otherHistory = a.http().get(partners + "/ladenetz-sund/history");
    Http.Response otherMembers = a.http().get(partners + "/ladenetz-sund/members");

    assertThat(own.json().path("bankAccount").path("iban").asString())
        .isEqualTo("DE89370400440532013000");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.json().path("displayName").asString()).isEqualTo("ladenetz-sund");
    assertThat(other.text()).doesNotContain("DE89", "bankAccount", "lena@");
    assertThat(otherHistory.status()).isEqualTo(403);
    assertThat(otherMembers.status()).isEqualTo(403);
  }

  @Test
  void anonymousReadersSeeOnlyActivePartnersPublicProfiles() {
    activePartner(person(), "hafenkultur");
    apply(person(), "cafe-kniepertor");

    JsonNode listed = http.anonymous().get(partners).json();
    JsonNode all = http.get(partners).json();
    JsonNode applications = http.get(partners + "?status=applied").json();

    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.path(0).path("id").asString()).isEqualTo("hafenkultur");
    assertThat(listed.path(0).has("bankAccount")).isFalse();
    assertThat(listed.path(0).path("city").asString()).isEqualTo("Stralsund");
    assertThat(all.size()).isEqualTo(2);
    assertThat(applications.size()).isEqualTo(1);
    assertThat(applications.path(0).path("id").asString()).isEqualTo("cafe-kniepertor");
    assertThat(http.anonymous().get(partners + "/cafe-kniepertor").status()).isEqualTo(404);
  }

  @Test
  void anIllegalStepIsA409ProblemDetails() {
    Person owner = person();
    apply(owner, "sundrad");

    Http.Response suspended = http.post(partners + "/sundrad/suspend", "{\"reason\": \"unpaid\"}");
    review("sundrad", "approve");
    Http.Response again = review("sundrad", "approve");

    for (Http.Response conflict : new Http.Response[] {suspended, again}) {
      assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
      assertThat(conflict.header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(conflict.json().path("status").asInt()).isEqualTo(409);
    }
  }

  @Test
  void wrongInputIsA400() {
    Person applicant = person();

    Http.Response badIban =
        applicant
            .http()
            .post(
                partners,
                APPLICATION.formatted("a", "a", "a", "a", "a").replace("DE89 3704", "DE88 3704"));
    Http.Response cityWithoutLeitweg =
        applicant
            .http()
            .post(
                partners,
                APPLICATION.formatted("b", "b", "b", "b", "b").replace("business", "city_office"));

    assertThat(badIban.status()).isEqualTo(400);
    assertThat(badIban.json().path("detail").asString()).contains("check digits");
    assertThat(cityWithoutLeitweg.status()).isEqualTo(400);
  }

  @Test
  void ownersManageMembersAndEditorsDoNot() {
    Person owner = person();
    Person editor = person();
    activePartner(owner, "parkhanse");

    Http.Response added =
        owner
            .http()
            .post(
                partners + "/parkhanse/members",
                "{\"email\": \"%s\", \"role\": \"editor\"}".formatted(editor.email()));
    Http.Response editorAdds =
        editor
            .http()
            .post(
                partners + "/parkhanse/members",
                "{\"email\": \"%s\", \"role\": \"owner\"}".formatted(editor.email()));
    Http.Response lastOwner = owner.http().delete(partners + "/parkhanse/members/" + owner.id());
    Http.Response removed = owner.http().delete(partners + "/parkhanse/members/" + editor.id());

    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(editorAdds.status()).isEqualTo(403);
    assertThat(lastOwner.status()).isEqualTo(409);
    assertThat(removed.status()).isEqualTo(204);
    assertThat(owner.http().get(partners + "/parkhanse/members").json().size()).isEqualTo(1);
    assertThat(editor.http().get(partners + "/parkhanse").json().has("bankAccount")).isFalse();
  }

  @Test
  void leavingKeepsTheHistoryAndEndsMemberships() {
    Person owner = person();
    activePartner(owner, "sundrad");

    Http.Response left = owner.http().post(partners + "/sundrad/leave", "{}");

    assertThat(left.status()).as(left.toString()).isEqualTo(200);
    assertThat(left.json().path("status").asString()).isEqualTo("left");
    assertThat(http.get(partners + "/sundrad/history").json().size()).isEqualTo(4);
    assertThat(http.get(partners + "/sundrad/members").json().size()).isZero();
    assertThat(owner.http().get(partners + "/sundrad/history").status()).isEqualTo(403);
  }
}
