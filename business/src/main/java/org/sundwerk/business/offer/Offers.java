package org.sundwerk.business.offer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;

/**
 * The offers of every tenant with all versions of their terms and prices (tables {@code
 * business_offer_*}, migrated on construction). An edit that changes the terms or the price adds a
 * version and never alters an older one, so what was sold stays readable. Thread-safe; each call is
 * one transaction.
 */
public final class Offers {

  private static final String SELECT =
      "SELECT o.id, o.service_ref, o.provider, o.name_de, o.name_en, o.status, o.data_types,"
          + " o.data_rate, t.version, t.de, t.en, p.version, p.model, p.vat, p.valid_from,"
          + " p.valid_until, o.tenant FROM business_offer_offers o"
          + " JOIN business_offer_terms t ON t.tenant = o.tenant AND t.offer_id = o.id"
          + " AND t.version = o.terms_version"
          + " JOIN business_offer_prices p ON p.tenant = o.tenant AND p.offer_id = o.id"
          + " AND p.version = o.price_version";

  private final BusinessDatabase database;
  private final Clock clock;
  private final Optional<Services> catalog;

  public Offers(BusinessDatabase database, Clock clock) {
    this(database, clock, Optional.empty());
  }

  /**
   * Offers whose service must be in {@code catalog} and provided by the offer's provider: a partner
   * sells only its own catalog services. Without a catalog (the storage contract tests) any slug is
   * taken.
   */
  public Offers(BusinessDatabase database, Clock clock, Optional<Services> catalog) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    database.migrate("offer");
  }

  private void requireServiceOf(TenantId tenant, PartnerId provider, String serviceRef) {
    if (catalog.isEmpty()) {
      return;
    }
    Service service =
        catalog
            .get()
            .find(tenant, new ServiceId(serviceRef))
            .orElseThrow(
                () -> BusinessProblem.invalid("no service '" + serviceRef + "' in the catalog"));
    if (!service.provider().equals(provider)) {
      throw BusinessProblem.invalid(
          "service '"
              + serviceRef
              + "' is provided by "
              + service.provider().value()
              + ", not by "
              + provider.value());
    }
  }

  /** Creates a draft offer of {@code provider} with version 1 of its terms and price. */
  public Offer create(TenantId tenant, OfferId id, PartnerId provider, OfferDraft draft) {
    requireServiceOf(tenant, provider, draft.serviceRef());
    long now = clock.millis();
    return database.inTransaction(
        connection -> {
          if (find(connection, tenant, id).isPresent()) {
            throw BusinessProblem.conflict("offer " + id.value() + " exists");
          }
          Statements.update(
              connection,
              "INSERT INTO business_offer_offers (tenant, id, service_ref, provider, name_de,"
                  + " name_en, terms_version, price_version, data_types, data_rate, status,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?)",
              tenant.name(),
              id.value(),
              draft.serviceRef(),
              provider.value(),
              draft.name().de(),
              draft.name().en().orElse(null),
              draft.dataProduct().map(Offers::types).orElse(null),
              draft.dataProduct().map(DataProduct::requestsPerMinute).orElse(0),
              OfferStatus.DRAFT.name(),
              now);
          insertTerms(connection, tenant, id, new Terms(1, draft.terms()), now);
          insertPrice(connection, tenant, id, draft.price(1), now);
          return find(connection, tenant, id).orElseThrow();
        });
  }

  /**
   * Applies {@code draft} to the offer: name, service and data product change in place; terms and
   * price get a new version when they differ from the current one.
   */
  public Offer revise(TenantId tenant, OfferId id, OfferDraft draft) {
    long now = clock.millis();
    return database.inTransaction(
        connection -> {
          Offer current = existing(connection, tenant, id);
          requireServiceOf(tenant, current.provider(), draft.serviceRef());
          int termsVersion = current.terms().version();
          if (!current.terms().markdown().equals(draft.terms())) {
            termsVersion++;
            insertTerms(connection, tenant, id, new Terms(termsVersion, draft.terms()), now);
          }
          int priceVersion = current.price().version();
          Price asked = draft.price(priceVersion + 1);
          if (!current.price().sameTermsAs(asked)) {
            priceVersion++;
            insertPrice(connection, tenant, id, asked, now);
          }
          Statements.update(
              connection,
              "UPDATE business_offer_offers SET service_ref = ?, name_de = ?, name_en = ?,"
                  + " terms_version = ?, price_version = ?, data_types = ?, data_rate = ?"
                  + " WHERE tenant = ? AND id = ?",
              draft.serviceRef(),
              draft.name().de(),
              draft.name().en().orElse(null),
              termsVersion,
              priceVersion,
              draft.dataProduct().map(Offers::types).orElse(null),
              draft.dataProduct().map(DataProduct::requestsPerMinute).orElse(0),
              tenant.name(),
              id.value());
          return find(connection, tenant, id).orElseThrow();
        });
  }

  /** Opens a draft or withdrawn offer for orders. */
  public Offer publish(TenantId tenant, OfferId id) {
    return move(tenant, id, OfferStatus.PUBLISHED);
  }

  /** Closes a published offer for new orders; running orders go on. */
  public Offer withdraw(TenantId tenant, OfferId id) {
    return move(tenant, id, OfferStatus.WITHDRAWN);
  }

  private Offer move(TenantId tenant, OfferId id, OfferStatus target) {
    return database.inTransaction(
        connection -> {
          Offer current = existing(connection, tenant, id);
          boolean allowed =
              target == OfferStatus.PUBLISHED
                  ? current.status() != OfferStatus.PUBLISHED
                  : current.status() == OfferStatus.PUBLISHED;
          if (!allowed) {
            throw BusinessProblem.conflict(
                "offer " + id.value() + " is " + current.status() + ", cannot become " + target);
          }
          Statements.update(
              connection,
              "UPDATE business_offer_offers SET status = ? WHERE tenant = ? AND id = ?",
              target.name(),
              tenant.name(),
              id.value());
          return find(connection, tenant, id).orElseThrow();
        });
  }

  public Optional<Offer> find(TenantId tenant, OfferId id) {
    return database.run(connection -> find(connection, tenant, id));
  }

  /** The offer or {@link BusinessProblem#notFound}. */
  public Offer get(TenantId tenant, OfferId id) {
    return find(tenant, id).orElseThrow(() -> BusinessProblem.notFound("no offer " + id.value()));
  }

  /** Which offers {@link #list} returns; empty members do not narrow. */
  public record Filter(
      Optional<String> service, Optional<PartnerId> provider, Optional<OfferStatus> status) {

    public static Filter published() {
      return new Filter(Optional.empty(), Optional.empty(), Optional.of(OfferStatus.PUBLISHED));
    }

    public Filter ofService(String service) {
      return new Filter(Optional.of(service), provider, status);
    }

    public static Filter ofProvider(PartnerId provider) {
      return new Filter(Optional.empty(), Optional.of(provider), Optional.empty());
    }
  }

  /** The offers of {@code tenant} that match {@code filter}, by service then id. */
  public List<Offer> list(TenantId tenant, Filter filter) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE o.tenant = ?");
    List<Object> parameters = new ArrayList<>(List.of(tenant.name()));
    filter.service().ifPresent(service -> condition(sql, parameters, "o.service_ref", service));
    filter.provider().ifPresent(p -> condition(sql, parameters, "o.provider", p.value()));
    filter.status().ifPresent(s -> condition(sql, parameters, "o.status", s.name()));
    sql.append(" ORDER BY o.service_ref, o.id");
    return database.run(connection -> read(connection, sql.toString(), parameters.toArray()));
  }

  /** Version {@code version} of the offer's price: what an order bought. */
  public Optional<Price> price(TenantId tenant, OfferId id, int version) {
    return database.run(
        connection -> {
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT version, model, vat, valid_from, valid_until FROM"
                          + " business_offer_prices WHERE tenant = ? AND offer_id = ? AND version = ?",
                      tenant.name(),
                      id.value(),
                      version);
              ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(price(row, 1)) : Optional.empty();
          }
        });
  }

  /** Version {@code version} of the offer's terms: what a consumer agreed to. */
  public Optional<Terms> terms(TenantId tenant, OfferId id, int version) {
    return database.run(
        connection -> {
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT de, en FROM business_offer_terms"
                          + " WHERE tenant = ? AND offer_id = ? AND version = ?",
                      tenant.name(),
                      id.value(),
                      version);
              ResultSet row = select.executeQuery()) {
            return row.next()
                ? Optional.of(new Terms(version, text(row.getString(1), row.getString(2))))
                : Optional.empty();
          }
        });
  }

  private static void condition(
      StringBuilder sql, List<Object> parameters, String column, Object v) {
    sql.append(" AND ").append(column).append(" = ?");
    parameters.add(v);
  }

  private static Offer existing(Connection connection, TenantId tenant, OfferId id)
      throws SQLException {
    return find(connection, tenant, id)
        .orElseThrow(() -> BusinessProblem.notFound("no offer " + id.value()));
  }

  private static Optional<Offer> find(Connection connection, TenantId tenant, OfferId id)
      throws SQLException {
    return read(connection, SELECT + " WHERE o.tenant = ? AND o.id = ?", tenant.name(), id.value())
        .stream()
        .findFirst();
  }

  private static List<Offer> read(Connection connection, String sql, Object... parameters)
      throws SQLException {
    List<Offer> offers = new ArrayList<>();
    try (PreparedStatement select = Statements.prepare(connection, sql, parameters);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        String types = row.getString(7);
        int rate = row.getInt(8);
        offers.add(
            new Offer(
                new OfferId(row.getString(1)),
                TenantId.of(row.getString(17)),
                row.getString(2),
                new PartnerId(row.getString(3)),
                text(row.getString(4), row.getString(5)),
                new Terms(row.getInt(9), text(row.getString(10), row.getString(11))),
                price(row, 12),
                Optional.ofNullable(types).map(t -> new DataProduct(split(t), rate)),
                OfferStatus.valueOf(row.getString(6))));
      }
    }
    return offers;
  }

  /** A price from five columns starting at {@code first}: version, model, vat, from, until. */
  private static Price price(ResultSet row, int first) throws SQLException {
    return new Price(
        row.getInt(first),
        ModelCodec.decode(row.getString(first + 1)),
        VatRate.valueOf(row.getString(first + 2)),
        LocalDate.parse(row.getString(first + 3)),
        Optional.ofNullable(row.getString(first + 4)).map(LocalDate::parse));
  }

  private static Text text(String de, String en) {
    return Text.of(de, en);
  }

  private static void insertTerms(
      Connection connection, TenantId tenant, OfferId id, Terms terms, long now)
      throws SQLException {
    Statements.update(
        connection,
        "INSERT INTO business_offer_terms (tenant, offer_id, version, de, en, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        tenant.name(),
        id.value(),
        terms.version(),
        terms.markdown().de(),
        terms.markdown().en().orElse(null),
        now);
  }

  private static void insertPrice(
      Connection connection, TenantId tenant, OfferId id, Price price, long now)
      throws SQLException {
    Statements.update(
        connection,
        "INSERT INTO business_offer_prices (tenant, offer_id, version, model, vat, valid_from,"
            + " valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        tenant.name(),
        id.value(),
        price.version(),
        ModelCodec.encode(price.model()),
        price.vat().name(),
        price.validFrom(),
        price.validUntil().orElse(null),
        now);
  }

  /** Each type followed by a newline, sorted, so equal sets store equal text. */
  private static String types(DataProduct product) {
    return product.entityTypes().stream().sorted().map(t -> t + "\n").collect(Collectors.joining());
  }

  private static Set<String> split(String joined) {
    return Arrays.stream(joined.split("\n")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
  }
}
