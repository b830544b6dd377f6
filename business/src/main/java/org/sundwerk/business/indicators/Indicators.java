package org.sundwerk.business.indicators;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;

/**
 * The indicator catalogues and values of every tenant (tables {@code business_indicators_*}).
 *
 * <p>Contract: a tenant's catalogue is seeded from {@link DefaultIndicators} on first use and then
 * belongs to its operators; values are append-only. A computed indicator's values come only from
 * {@link #recompute} (from the {@link IndicatorSource}s), and only when the figure changed, so that
 * the history shows each change once with its evidence and the query that made it; operators record
 * the others by hand with a public evidence URL. Thread-safe.
 */
public final class Indicators {

  private static final Logger LOG = LoggerFactory.getLogger(Indicators.class);
  private static final String COLUMNS =
      "key, area, bitkom, direction, unit, worst, best, metric, source, name_de, name_en,"
          + " definition_de, definition_en";

  private final BusinessDatabase database;
  private final Clock clock;
  private final List<IndicatorSource> sources;

  public Indicators(BusinessDatabase database, Clock clock, List<IndicatorSource> sources) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sources = List.copyOf(sources);
    database.migrate("indicators");
  }

  /** The tenant's catalogue in its order; the defaults the first time a tenant asks. */
  public List<Indicator> catalogue(TenantId tenant) {
    List<Indicator> catalogue = readCatalogue(tenant);
    if (!catalogue.isEmpty()) {
      return catalogue;
    }
    seed(tenant);
    return readCatalogue(tenant);
  }

  public Indicator get(TenantId tenant, String key) {
    return catalogue(tenant).stream()
        .filter(indicator -> indicator.key().equals(key))
        .findFirst()
        .orElseThrow(() -> BusinessProblem.notFound("no indicator " + key));
  }

  /** Replaces the definition of an existing indicator (its key stays; its values stay). */
  public Indicator edit(TenantId tenant, Indicator indicator) {
    get(tenant, indicator.key());
    database.update(
        "UPDATE business_indicators_catalogue SET area = ?, bitkom = ?, direction = ?, unit = ?,"
            + " worst = ?, best = ?, metric = ?, source = ?, name_de = ?, name_en = ?,"
            + " definition_de = ?, definition_en = ?, updated_at = ? WHERE tenant = ? AND key = ?",
        indicator.area().name(),
        indicator.bitkom().map(Enum::name).orElse(null),
        indicator.direction().name(),
        indicator.unit(),
        indicator.worst(),
        indicator.best(),
        indicator.metric().orElse(null),
        indicator.source(),
        indicator.name().de(),
        indicator.name().en().orElse(null),
        indicator.definition().de(),
        indicator.definition().en().orElse(null),
        clock.instant(),
        tenant.name(),
        indicator.key());
    return get(tenant, indicator.key());
  }

  /**
   * Records a value an operator found, with the public page that proves it. Refused for a computed
   * indicator: what the platform knows is never typed in.
   */
  public IndicatorValue record(
      TenantId tenant, String key, BigDecimal value, String evidence, String by) {
    Indicator indicator = get(tenant, key);
    if (indicator.computed()) {
      throw BusinessProblem.conflict(
          "the platform computes " + key + " from " + indicator.metric().orElseThrow());
    }
    requirePublicUrl(evidence);
    IndicatorValue recorded =
        new IndicatorValue(
            key, value, clock.instant(), evidence, Optional.empty(), Optional.of(by));
    database.run(connection -> append(connection, tenant, recorded));
    return recorded;
  }

  /**
   * Measures every computed indicator of the tenant now and appends a value for each whose figure
   * changed (or that had none); returns what it appended. A source that fails is logged and
   * skipped: its indicators keep their last value.
   */
  public List<IndicatorValue> recompute(TenantId tenant) {
    Map<String, Measurement> figures = new HashMap<>();
    for (IndicatorSource source : sources) {
      try {
        figures.putAll(source.measure(tenant));
      } catch (RuntimeException e) {
        LOG.warn(
            "indicator source {} failed for tenant {}: {}",
            source.getClass().getSimpleName(),
            tenant.name(),
            e.toString());
      }
    }
    Instant now = clock.instant();
    List<Indicator> catalogue = catalogue(tenant);
    return database.inTransaction(
        connection -> {
          Map<String, IndicatorValue> latest = latest(connection, tenant);
          List<IndicatorValue> appended = new ArrayList<>();
          for (Indicator indicator : catalogue) {
            Measurement figure = indicator.metric().map(figures::get).orElse(null);
            if (figure == null) {
              continue;
            }
            IndicatorValue last = latest.get(indicator.key());
            if (last != null && last.value().compareTo(figure.value()) == 0) {
              continue;
            }
            IndicatorValue value =
                new IndicatorValue(
                    indicator.key(),
                    figure.value(),
                    now,
                    figure.evidence(),
                    Optional.of(figure.query()),
                    Optional.empty());
            append(connection, tenant, value);
            appended.add(value);
          }
          return appended;
        });
  }

  /** The tenant's catalogue with all its values, to ask about any moment. */
  public Standings standings(TenantId tenant) {
    List<Indicator> catalogue = catalogue(tenant);
    List<IndicatorValue> values =
        database.run(
            connection -> {
              List<IndicatorValue> all = new ArrayList<>();
              try (PreparedStatement select =
                      Statements.prepare(
                          connection,
                          "SELECT key, value, at, evidence, query, recorded_by"
                              + " FROM business_indicators_values WHERE tenant = ? ORDER BY id",
                          tenant.name());
                  ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  all.add(value(rows));
                }
              }
              return all;
            });
    return new Standings(catalogue, values);
  }

  private static Map<String, IndicatorValue> latest(Connection connection, TenantId tenant)
      throws SQLException {
    Map<String, IndicatorValue> latest = new HashMap<>();
    try (PreparedStatement select =
            Statements.prepare(
                connection,
                "SELECT key, value, at, evidence, query, recorded_by FROM business_indicators_values"
                    + " WHERE tenant = ? ORDER BY id",
                tenant.name());
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        IndicatorValue value = value(rows);
        latest.put(value.indicator(), value);
      }
    }
    return latest;
  }

  private static IndicatorValue value(ResultSet rows) throws SQLException {
    return new IndicatorValue(
        rows.getString(1),
        new BigDecimal(rows.getString(2)),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getString(4),
        Optional.ofNullable(rows.getString(5)),
        Optional.ofNullable(rows.getString(6)));
  }

  private static int append(Connection connection, TenantId tenant, IndicatorValue value)
      throws SQLException {
    return Statements.update(
        connection,
        "INSERT INTO business_indicators_values (tenant, key, at, value, evidence, query,"
            + " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        tenant.name(),
        value.indicator(),
        value.at(),
        value.value(),
        value.evidence(),
        value.query().orElse(null),
        value.recordedBy().orElse(null));
  }

  private void seed(TenantId tenant) {
    Instant now = clock.instant();
    database.inTransaction(
        connection -> {
          int position = 0;
          for (Indicator indicator : DefaultIndicators.all()) {
            Statements.update(
                connection,
                "INSERT INTO business_indicators_catalogue (tenant, position, updated_at, "
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant, key) DO NOTHING",
                tenant.name(),
                position++,
                now,
                indicator.key(),
                indicator.area().name(),
                indicator.bitkom().map(Enum::name).orElse(null),
                indicator.direction().name(),
                indicator.unit(),
                indicator.worst(),
                indicator.best(),
                indicator.metric().orElse(null),
                indicator.source(),
                indicator.name().de(),
                indicator.name().en().orElse(null),
                indicator.definition().de(),
                indicator.definition().en().orElse(null));
          }
          return position;
        });
  }

  private List<Indicator> readCatalogue(TenantId tenant) {
    return database.run(
        connection -> {
          List<Indicator> catalogue = new ArrayList<>();
          try (PreparedStatement select =
                  Statements.prepare(
                      connection,
                      "SELECT "
                          + COLUMNS
                          + " FROM business_indicators_catalogue WHERE tenant = ? ORDER BY position",
                      tenant.name());
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              catalogue.add(
                  new Indicator(
                      rows.getString(1),
                      Area.valueOf(rows.getString(2)),
                      Optional.ofNullable(rows.getString(3)).map(BitkomArea::valueOf),
                      Text.of(rows.getString(10), rows.getString(11)),
                      Text.of(rows.getString(12), rows.getString(13)),
                      rows.getString(5),
                      Direction.valueOf(rows.getString(4)),
                      rows.getString(9),
                      Optional.ofNullable(rows.getString(8)),
                      new BigDecimal(rows.getString(6)),
                      new BigDecimal(rows.getString(7))));
            }
          }
          return catalogue;
        });
  }

  private static void requirePublicUrl(String evidence) {
    try {
      URI uri = new URI(evidence);
      if (evidence.length() > 500
          || uri.getHost() == null
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw BusinessProblem.invalid("evidence is a public http(s) address: " + evidence);
      }
    } catch (java.net.URISyntaxException e) {
      throw BusinessProblem.invalid("evidence is a public http(s) address: " + evidence);
    }
  }
}
