package org.sundwerk.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.app.business.PartnerJson;
import org.sundwerk.business.partner.Onboarding;
import org.sundwerk.business.partner.Partners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's partner network ({@code demo/partners.json}): invented organisations of Stralsund with
 * their history since 2025 (applied, approved, terms version 1 accepted), and one application
 * waiting for review (Café Kniepertor). Each partner's applicant is a verified demo account
 * (without a password, except the owners of Sundrad and Hotel Hafenblick, who get a random one to
 * try the partner workplace). Seeded only when the tenant has no partners yet, so a restart changes
 * nothing.
 */
public final class DemoPartners {

  private static final String RESOURCE = "demo/partners.json";

  /** The demo operator's principal in the seeded history. */
  private static final String OPERATOR = "demo";

  /** Owners that sign in: e-mail → display name. */
  private static final Map<String, String> WITH_PASSWORD =
      Map.of(
          "sundrad@stralsund.example", "Sundrad (Demo)",
          "hotel@stralsund.example", "Hotel Hafenblick (Demo)");

  private DemoPartners() {}

  /**
   * Seeds the partners unless the tenant has some; returns the generated passwords by e-mail
   * address, to log once.
   */
  public static Map<String, String> seedIfEmpty(
      Partners partners, Accounts accounts, SecureRandom random) {
    JsonNode root = read();
    TenantId tenant = TenantId.of(root.path("tenant").asString());
    Map<String, String> passwords = new LinkedHashMap<>();
    if (!partners.list(tenant, Optional.empty()).isEmpty()) {
      return passwords;
    }
    JsonNode terms = root.path("terms");
    if (partners.currentTerms(tenant).isEmpty()) {
      partners.publishTerms(tenant, PartnerJson.termsOf(terms));
    }
    for (JsonNode partner : root.path("partners")) {
      String email = partner.path("applicant").asString();
      AccountId applicant = applicant(accounts, email, partner, random, passwords);
      PartnerId id = new PartnerId(partner.path("id").asString());
      at(partners, partner, "applied")
          .apply(
              tenant, id, PartnerJson.profile(partner), applicant, "account:" + applicant.value());
      if (partner.has("approved")) {
        new Onboarding(at(partners, partner, "approved"), accounts)
            .approve(tenant, id, OPERATOR, Optional.of("Angaben vollständig"));
        at(partners, partner, "accepted")
            .acceptTerms(
                tenant,
                id,
                terms.path("version").asInt(),
                applicant,
                "account:" + applicant.value());
      }
    }
    return passwords;
  }

  private static AccountId applicant(
      Accounts accounts,
      String email,
      JsonNode partner,
      SecureRandom random,
      Map<String, String> passwords) {
    String name = WITH_PASSWORD.getOrDefault(email, partner.path("displayName").asString());
    if (WITH_PASSWORD.containsKey(email)) {
      DemoPartner.createWithPassword(accounts, email, name, random)
          .ifPresent(created -> passwords.put(email, created.password()));
    } else {
      accounts.createVerified(email, name);
    }
    return accounts.findByEmail(email).orElseThrow().id();
  }

  private static Partners at(Partners partners, JsonNode partner, String step) {
    Instant when = Instant.parse(partner.path(step).asString());
    return partners.at(Clock.fixed(when, ZoneOffset.UTC));
  }

  private static JsonNode read() {
    try (InputStream in = DemoPartners.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("demo partners: " + RESOURCE + " is missing");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
