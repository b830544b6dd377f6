package org.sundwerk.business.partner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;

/**
 * The partners of every tenant, their onboarding history and the tenant's partner terms, in the
 * tables {@code business_partner_*}. Each step runs in one transaction that checks the status it
 * starts from in its {@code UPDATE}, so two operators deciding at once cannot both win: the second
 * gets a conflict. History rows are only ever added. Thread-safe.
 */
public final class Partners {

  private static final String COLUMNS =
      "id, kind, display_name, legal_name, street, postcode, city, country, vat_id, iban, bic,"
          + " account_holder, leitweg_id, status, applicant, applied_at, changed_at";

  /** Slugs: lower-case letters and digits in groups joined by single hyphens. */
  private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

  private final BusinessDatabase database;
  private final Clock clock;

  private Partners(BusinessDatabase database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The partners in {@code database}, after migrating its {@code partner} tables. */
  public static Partners open(BusinessDatabase database, Clock clock) {
    database.migrate("partner");
    return new Partners(database, clock);
  }

  /**
   * The same tables with another clock, to record steps at given times (the demo's history of the
   * last years); the tables are migrated already.
   */
  public Partners at(Clock other) {
    return new Partners(database, other);
  }

  /**
   * Records an application: the partner in {@link PartnerStatus#APPLIED} and the first history row.
   * {@code id} is a slug ({@code sundrad}, {@code hotel-hafenblick}); a taken id is a conflict.
   */
  public Partner apply(
      TenantId tenant, PartnerId id, PartnerProfile profile, AccountId applicant, String actor) {
    if (!id.value().matches(SLUG)) {
      throw BusinessProblem.invalid(
          "a partner id is lower-case letters and digits joined by hyphens: " + id.value());
    }
    Instant now = clock.instant();
    return database.inTransaction(
        connection -> {
          if (find(connection, tenant, id).isPresent()) {
            throw BusinessProblem.conflict("partner " + id.value() + " exists already");
          }
          Optional<BankAccount> bank = profile.bankAccount();
          Address address = profile.address();
          Statements.update(
              connection,
              "INSERT INTO business_partner_partners (tenant, "
                  + COLUMNS
                  + ")"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              tenant.name(),
              id.value(),
              profile.kind().name(),
              profile.displayName(),
              profile.legalName(),
              address.street(),
              address.postcode(),
              address.city(),
              address.country(),
              profile.vatId().map(VatId::value).orElse(null),
              bank.map(b -> b.iban().value()).orElse(null),
              bank.flatMap(BankAccount::bic).orElse(null),
              bank.map(BankAccount::holder).orElse(null),
              profile.leitwegId().map(LeitwegId::value).orElse(null),
              PartnerStatus.APPLIED.name(),
              applicant.value(),
              now,
              now);
          int position = 0;
          for (Contact contact : profile.contacts()) {
            Statements.update(
                connection,
                "INSERT INTO business_partner_contacts (tenant, partner, position, name, role,"
                    + " email, phone) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant.name(),
                id.value(),
                position++,
                contact.name(),
                contact.role(),
                contact.email(),
                contact.phone().orElse(null));
          }
          record(
              connection,
              tenant,
              id,
              new Transition(
                  Optional.empty(),
                  PartnerStatus.APPLIED,
                  actor,
                  now,
                  Optional.empty(),
                  Optional.empty()));
          return find(connection, tenant, id).orElseThrow();
        });
  }

  /**
   * A partner id made from a display name, for applicants who choose none: lower-case, umlauts
   * spelled out, anything else between words a hyphen ({@code "Café Kniepertor"} → {@code
   * cafe-kniepertor}).
   */
  public static PartnerId slugOf(String displayName) {
    String spelled =
        displayName
            .strip()
            .toLowerCase(Locale.ROOT)
            .replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("ß", "ss");
    String plain = Normalizer.normalize(spelled, Normalizer.Form.NFD);
    String slug = plain.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-");
    slug = slug.replaceAll("^-+|-+$", "");
    if (slug.length() > 64) {
      slug = slug.substring(0, 64).replaceAll("-+$", "");
    }
    if (slug.isEmpty()) {
      throw BusinessProblem.invalid("a partner needs a name with letters or digits");
    }
    return new PartnerId(slug);
  }

  public Optional<Partner> find(TenantId tenant, PartnerId id) {
    return database.run(connection -> find(connection, tenant, id));
  }

  /** The partner, or {@link BusinessProblem#notFound}. */
  public Partner get(TenantId tenant, PartnerId id) {
    return find(tenant, id).orElseThrow(() -> BusinessProblem.notFound("no partner " + id.value()));
  }

  /**
   * The tenant's partners by display name, all or those in {@code status}. One query per partner
   * for its record: tenants have tens of partners, not thousands.
   */
  public List<Partner> list(TenantId tenant, Optional<PartnerStatus> status) {
    return database.run(
        connection -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select =
                  status.isPresent()
                      ? Statements.prepare(
                          connection,
                          "SELECT id FROM business_partner_partners WHERE tenant = ?"
                              + " AND status = ? ORDER BY display_name, id",
                          tenant.name(),
                          status.get().name())
                      : Statements.prepare(
                          connection,
                          "SELECT id FROM business_partner_partners WHERE tenant = ?"
                              + " ORDER BY display_name, id",
                          tenant.name());
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              ids.add(rows.getString(1));
            }
          }
          List<Partner> partners = new ArrayList<>();
          for (String id : ids) {
            partners.add(find(connection, tenant, new PartnerId(id)).orElseThrow());
          }
          return partners;
        });
  }

  /**
   * Takes {@code step} (any but {@link PartnerStep#ACCEPT_TERMS}, see {@link #acceptTerms}): a
   * conflict when the partner's status does not allow it. Rejecting, suspending and reinstating
   * need a reason.
   */
  public Partner step(
      TenantId tenant, PartnerId id, PartnerStep step, String actor, Optional<String> reason) {
    if (step == PartnerStep.ACCEPT_TERMS) {
      throw new IllegalArgumentException("terms are accepted with acceptTerms");
    }
    Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
    boolean needsReason =
        step == PartnerStep.REJECT || step == PartnerStep.SUSPEND || step == PartnerStep.REINSTATE;
    if (needsReason && why.isEmpty()) {
      throw BusinessProblem.invalid(step.name().toLowerCase(Locale.ROOT) + " needs a reason");
    }
    if (why.isPresent() && why.get().length() > 2000) {
      throw BusinessProblem.invalid("a reason has at most 2000 characters");
    }
    return database.inTransaction(
        connection -> move(connection, tenant, id, step, actor, why, Optional.empty()));
  }

  /**
   * The partner's owner accepts the tenant's current terms, which must be {@code version}: the
   * acceptance is recorded and the partner becomes {@link PartnerStatus#ACTIVE}. A version that is
   * not the current one is a conflict (the owner read other terms than those in force).
   */
  public Partner acceptTerms(
      TenantId tenant, PartnerId id, int version, AccountId account, String actor) {
    Instant now = clock.instant();
    return database.inTransaction(
        connection -> {
          PartnerTerms current =
              currentTerms(connection, tenant)
                  .orElseThrow(() -> BusinessProblem.conflict("no partner terms are in force"));
          if (current.version() != version) {
            throw BusinessProblem.conflict(
                "the terms in force are version " + current.version() + ", not " + version);
          }
          Partner moved =
              move(
                  connection,
                  tenant,
                  id,
                  PartnerStep.ACCEPT_TERMS,
                  actor,
                  Optional.empty(),
                  Optional.of(version));
          Statements.update(
              connection,
              "INSERT INTO business_partner_acceptances (tenant, partner, version, account,"
                  + " accepted_at) VALUES (?, ?, ?, ?, ?)",
              tenant.name(),
              id.value(),
              version,
              account.value(),
              now);
          return moved;
        });
  }

  /** The partner's history, oldest first; a notFound for an unknown partner. */
  public List<Transition> history(TenantId tenant, PartnerId id) {
    return database.run(
        connection -> {
          if (find(connection, tenant, id).isEmpty()) {
            throw BusinessProblem.notFound("no partner " + id.value());
          }
          List<Transition> history = new ArrayList<>();
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT from_status, to_status, actor, at, reason, terms_version"
                          + " FROM business_partner_transitions WHERE tenant = ? AND partner = ?"
                          + " ORDER BY seq",
                      tenant.name(),
                      id.value());
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              int version = row.getInt(6);
              Optional<Integer> terms = row.wasNull() ? Optional.empty() : Optional.of(version);
              history.add(
                  new Transition(
                      Optional.ofNullable(row.getString(1)).map(PartnerStatus::valueOf),
                      PartnerStatus.valueOf(row.getString(2)),
                      row.getString(3),
                      Instant.ofEpochMilli(row.getLong(4)),
                      Optional.ofNullable(row.getString(5)),
                      terms));
            }
          }
          return history;
        });
  }

  /** Which terms the partner's owners accepted, oldest first. */
  public List<TermsAcceptance> acceptances(TenantId tenant, PartnerId id) {
    return database.run(
        connection -> {
          List<TermsAcceptance> accepted = new ArrayList<>();
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT version, account, accepted_at FROM business_partner_acceptances"
                          + " WHERE tenant = ? AND partner = ? ORDER BY accepted_at, version",
                      tenant.name(),
                      id.value());
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              accepted.add(
                  new TermsAcceptance(
                      row.getInt(1),
                      new AccountId(row.getString(2)),
                      Instant.ofEpochMilli(row.getLong(3))));
            }
          }
          return accepted;
        });
  }

  /**
   * Publishes the next version of the tenant's terms: {@code terms.version()} must be one more than
   * the latest (1 for the first), since an accepted version never changes.
   */
  public void publishTerms(TenantId tenant, PartnerTerms terms) {
    database.inTransaction(
        connection -> {
          int latest;
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT COALESCE(MAX(version), 0) FROM business_partner_terms"
                          + " WHERE tenant = ?",
                      tenant.name());
              ResultSet row = select.executeQuery()) {
            row.next();
            latest = row.getInt(1);
          }
          if (terms.version() != latest + 1) {
            throw BusinessProblem.conflict(
                "the next terms version is " + (latest + 1) + ", not " + terms.version());
          }
          return Statements.update(
              connection,
              "INSERT INTO business_partner_terms (tenant, version, text_de, text_en, effective)"
                  + " VALUES (?, ?, ?, ?, ?)",
              tenant.name(),
              terms.version(),
              terms.text().de(),
              terms.text().en().orElse(null),
              terms.effective());
        });
  }

  /** The terms in force today (by the clock's UTC date): the latest version already effective. */
  public Optional<PartnerTerms> currentTerms(TenantId tenant) {
    return database.run(connection -> currentTerms(connection, tenant));
  }

  private Optional<PartnerTerms> currentTerms(Connection connection, TenantId tenant)
      throws SQLException {
    try (PreparedStatement select =
            Statements.prepare(
                connection,
                "SELECT version, text_de, text_en, effective FROM business_partner_terms"
                    + " WHERE tenant = ? AND effective <= ? ORDER BY version DESC LIMIT 1",
                tenant.name(),
                LocalDate.now(clock));
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new PartnerTerms(
              row.getInt(1),
              Text.of(row.getString(2), row.getString(3)),
              LocalDate.parse(row.getString(4))));
    }
  }

  private Partner move(
      Connection connection,
      TenantId tenant,
      PartnerId id,
      PartnerStep step,
      String actor,
      Optional<String> reason,
      Optional<Integer> termsVersion)
      throws SQLException {
    Partner partner =
        find(connection, tenant, id)
            .orElseThrow(() -> BusinessProblem.notFound("no partner " + id.value()));
    if (!step.startsFrom(partner.status())) {
      throw BusinessProblem.conflict(
          "a partner in status "
              + partner.status()
              + " cannot "
              + step.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    Instant now = clock.instant();
    int changed =
        Statements.update(
            connection,
            "UPDATE business_partner_partners SET status = ?, changed_at = ?"
                + " WHERE tenant = ? AND id = ? AND status = ?",
            step.leadsTo().name(),
            now,
            tenant.name(),
            id.value(),
            partner.status().name());
    if (changed == 0) {
      throw BusinessProblem.conflict("the partner changed meanwhile; load it again");
    }
    record(
        connection,
        tenant,
        id,
        new Transition(
            Optional.of(partner.status()), step.leadsTo(), actor, now, reason, termsVersion));
    return find(connection, tenant, id).orElseThrow();
  }

  private static void record(
      Connection connection, TenantId tenant, PartnerId id, Transition transition)
      throws SQLException {
    Statements.update(
        connection,
        "INSERT INTO business_partner_transitions (tenant, partner, seq, from_status, to_status,"
            + " actor, at, reason, terms_version) SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?,"
            + " ?, ?, CAST(? AS INTEGER) FROM business_partner_transitions"
            + " WHERE tenant = ? AND partner = ?",
        tenant.name(),
        id.value(),
        transition.from().map(Enum::name).orElse(null),
        transition.to().name(),
        transition.actor(),
        transition.at(),
        transition.reason().orElse(null),
        transition.termsVersion().orElse(null),
        tenant.name(),
        id.value());
  }

  private static Optional<Partner> find(Connection connection, TenantId tenant, PartnerId id)
      throws SQLException {
    try (PreparedStatement select =
            Statements.prepare(
                connection,
                "SELECT " + COLUMNS + " FROM business_partner_partners WHERE tenant = ? AND id = ?",
                tenant.name(),
                id.value());
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      String iban = row.getString(10);
      Optional<BankAccount> bank =
          iban == null
              ? Optional.empty()
              : Optional.of(
                  new BankAccount(
                      new Iban(iban), Optional.ofNullable(row.getString(11)), row.getString(12)));
      PartnerProfile profile =
          new PartnerProfile(
              PartnerKind.valueOf(row.getString(2)),
              row.getString(3),
              row.getString(4),
              new Address(row.getString(5), row.getString(6), row.getString(7), row.getString(8)),
              contacts(connection, tenant, id),
              Optional.ofNullable(row.getString(9)).map(VatId::new),
              bank,
              Optional.ofNullable(row.getString(13)).map(LeitwegId::new));
      return Optional.of(
          new Partner(
              id,
              tenant,
              profile,
              PartnerStatus.valueOf(row.getString(14)),
              new AccountId(row.getString(15)),
              Instant.ofEpochMilli(row.getLong(16)),
              Instant.ofEpochMilli(row.getLong(17))));
    }
  }

  private static List<Contact> contacts(Connection connection, TenantId tenant, PartnerId id)
      throws SQLException {
    List<Contact> contacts = new ArrayList<>();
    try (PreparedStatement select =
            Statements.prepare(
                connection,
                "SELECT name, role, email, phone FROM business_partner_contacts"
                    + " WHERE tenant = ? AND partner = ? ORDER BY position",
                tenant.name(),
                id.value());
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        contacts.add(
            new Contact(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                Optional.ofNullable(row.getString(4))));
      }
    }
    return contacts;
  }
}
