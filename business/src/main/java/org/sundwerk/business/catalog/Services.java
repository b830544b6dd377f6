package org.sundwerk.business.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Folding;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.db.Statements;

/**
 * The service catalogs of all tenants, in the tables {@code business_catalog_*} (migrated when
 * created). Every step is one transaction. Who may take a step is decided before (the access
 * policy); this class keeps the catalog's own rules: ids are unique per tenant, stages move forward
 * only, a service is approved once. Thread-safe.
 */
public final class Services {

  private static final String COLUMNS =
      "tenant, id, provider, name_de, name_en, name_easy, description_de, description_en,"
          + " description_easy, category, target_groups, life_situations, seasons, channels,"
          + " leika_key, online_service, places, bindings, stage, published";

  private final BusinessDatabase database;
  private final Clock clock;

  public Services(BusinessDatabase database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    database.migrate("catalog");
  }

  /**
   * Adds a service as an unpublished {@link Stage#IDEA} of {@code provider}; {@code by} names who
   * submitted it (the first entry of its history).
   *
   * @throws BusinessProblem CONFLICT when the tenant has a service with this id
   */
  public Service create(
      TenantId tenant, ServiceId id, PartnerId provider, ServiceDraft draft, String by) {
    Instant now = clock.instant();
    return database.inTransaction(
        connection -> {
          if (load(connection, tenant, id).isPresent()) {
            throw BusinessProblem.conflict("the catalog has a service " + id.value());
          }
          List<Object> values = new ArrayList<>();
          values.add(tenant.name());
          values.add(id.value());
          values.add(provider.value());
          values.addAll(draftValues(draft));
          values.add(Stage.IDEA.name());
          values.add(false);
          values.add(nameFold(draft));
          values.add(fold(draft));
          values.add(now);
          Statements.update(
              connection,
              "INSERT INTO business_catalog_service ("
                  + COLUMNS
                  + ", name_fold, fold, updated_at) VALUES ("
                  + "?, ".repeat(COLUMNS.split(",").length + 2)
                  + "?)",
              values.toArray());
          record(connection, tenant, id, 1, Optional.empty(), Stage.IDEA, now, by, "submitted");
          return load(connection, tenant, id).orElseThrow();
        });
  }

  /**
   * Replaces what the provider wrote about a service; its stage and approval stay.
   *
   * @throws BusinessProblem NOT_FOUND when there is no such service
   */
  public Service edit(TenantId tenant, ServiceId id, ServiceDraft draft) {
    return database.inTransaction(
        connection -> {
          List<Object> values = new ArrayList<>(draftValues(draft));
          values.add(nameFold(draft));
          values.add(fold(draft));
          values.add(clock.instant());
          values.add(tenant.name());
          values.add(id.value());
          int changed =
              Statements.update(
                  connection,
                  "UPDATE business_catalog_service SET name_de = ?, name_en = ?, name_easy = ?,"
                      + " description_de = ?, description_en = ?, description_easy = ?,"
                      + " category = ?, target_groups = ?, life_situations = ?, seasons = ?,"
                      + " channels = ?, leika_key = ?, online_service = ?, places = ?,"
                      + " bindings = ?, name_fold = ?, fold = ?, updated_at = ?"
                      + " WHERE tenant = ? AND id = ?",
                  values.toArray());
          if (changed == 0) {
            throw notFound(id);
          }
          return load(connection, tenant, id).orElseThrow();
        });
  }

  /**
   * Publishes a service: visitors see it from now on.
   *
   * @throws BusinessProblem NOT_FOUND when there is no such service, CONFLICT when it is published
   */
  public Service approve(TenantId tenant, ServiceId id) {
    return database.inTransaction(
        connection -> {
          Service service = load(connection, tenant, id).orElseThrow(() -> notFound(id));
          if (service.published()) {
            throw BusinessProblem.conflict("the service " + id.value() + " is published");
          }
          Statements.update(
              connection,
              "UPDATE business_catalog_service SET published = ?, updated_at = ?"
                  + " WHERE tenant = ? AND id = ?",
              true,
              clock.instant(),
              tenant.name(),
              id.value());
          return load(connection, tenant, id).orElseThrow();
        });
  }

  /**
   * Moves a service to {@code stage}, recording who decided and why.
   *
   * @throws BusinessProblem NOT_FOUND when there is no such service, CONFLICT when the stage is not
   *     ahead of the current one, INVALID when the reason is blank or longer than 500 characters
   */
  public Service move(TenantId tenant, ServiceId id, Stage stage, String by, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw BusinessProblem.invalid("a lifecycle step needs a reason of 1-500 characters");
    }
    Instant now = clock.instant();
    return database.inTransaction(
        connection -> {
          Service service = load(connection, tenant, id).orElseThrow(() -> notFound(id));
          if (!service.stage().mayMoveTo(stage)) {
            throw BusinessProblem.conflict(
                "a service moves forward only: " + service.stage() + " → " + stage);
          }
          Statements.update(
              connection,
              "UPDATE business_catalog_service SET stage = ?, updated_at = ?"
                  + " WHERE tenant = ? AND id = ?",
              stage.name(),
              now,
              tenant.name(),
              id.value());
          record(
              connection,
              tenant,
              id,
              service.history().size() + 1,
              Optional.of(service.stage()),
              stage,
              now,
              by,
              reason.strip());
          return load(connection, tenant, id).orElseThrow();
        });
  }

  /** The service, published or not. */
  public Optional<Service> find(TenantId tenant, ServiceId id) {
    return database.run(connection -> load(connection, tenant, id));
  }

  /** The services that match {@code query}, one page of them, and how many match in all. */
  public ServicePage search(TenantId tenant, ServiceQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(tenant, query, parameters);
    List<String> words = query.words();
    return database.run(
        connection -> {
          int total;
          try (PreparedStatement count =
                  Statements.prepare(
                      connection,
                      "SELECT count(*) FROM business_catalog_service s WHERE " + where,
                      parameters.toArray());
              ResultSet rows = count.executeQuery()) {
            rows.next();
            total = rows.getInt(1);
          }
          if (total == 0 || query.offset() >= total) {
            return new ServicePage(List.of(), total);
          }
          List<Object> pageParameters = new ArrayList<>(parameters);
          String order = "";
          if (!words.isEmpty()) {
            // Services whose name holds the first word come first.
            order = "CASE WHEN s.name_fold LIKE ? THEN 0 ELSE 1 END, ";
            pageParameters.add("%" + words.getFirst() + "%");
          }
          pageParameters.add(query.limit());
          pageParameters.add(query.offset());
          // "C": the folded names sort by code point on both backends, as SQLite does.
          String sql =
              "SELECT "
                  + COLUMNS
                  + " FROM business_catalog_service s WHERE "
                  + where
                  + " ORDER BY "
                  + order
                  + "s.name_fold"
                  + (database.dialect() == BusinessDatabase.Dialect.POSTGRES
                      ? " COLLATE \"C\""
                      : "")
                  + ", s.id LIMIT ? OFFSET ?";
          List<Service> found = new ArrayList<>();
          // The ordering expression comes first in the SELECT list's parameters: rebind in order.
          try (PreparedStatement statement =
                  Statements.prepare(connection, sql, pageParameters.toArray());
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(read(rows));
            }
          }
          return new ServicePage(withHistories(connection, tenant, found), total);
        });
  }

  /**
   * The service's canvas; {@link Canvas#empty()} while nobody has written one.
   *
   * @throws BusinessProblem NOT_FOUND when there is no such service
   */
  public Canvas canvas(TenantId tenant, ServiceId id) {
    return database.run(
        connection -> {
          load(connection, tenant, id).orElseThrow(() -> notFound(id));
          Figures figures = Figures.none();
          try (PreparedStatement statement =
                  Statements.prepare(
                      connection,
                      "SELECT one_off_costs, monthly_costs, users_per_month, price_per_user"
                          + " FROM business_catalog_canvas WHERE tenant = ? AND service = ?",
                      tenant.name(),
                      id.value());
              ResultSet rows = statement.executeQuery()) {
            if (rows.next()) {
              figures =
                  new Figures(
                      Money.of(new BigDecimal(rows.getString(1))),
                      Money.of(new BigDecimal(rows.getString(2))),
                      rows.getLong(3),
                      Money.of(new BigDecimal(rows.getString(4))));
            }
          }
          Map<CanvasBlock, String> blocks = new EnumMap<>(CanvasBlock.class);
          try (PreparedStatement statement =
                  Statements.prepare(
                      connection,
                      "SELECT block, text FROM business_catalog_canvas_block"
                          + " WHERE tenant = ? AND service = ?",
                      tenant.name(),
                      id.value());
              ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              blocks.put(CanvasBlock.valueOf(rows.getString(1)), rows.getString(2));
            }
          }
          return new Canvas(blocks, figures);
        });
  }

  /**
   * Replaces the service's canvas.
   *
   * @throws BusinessProblem NOT_FOUND when there is no such service
   */
  public Canvas saveCanvas(TenantId tenant, ServiceId id, Canvas canvas) {
    database.inTransaction(
        connection -> {
          load(connection, tenant, id).orElseThrow(() -> notFound(id));
          Statements.update(
              connection,
              "DELETE FROM business_catalog_canvas WHERE tenant = ? AND service = ?",
              tenant.name(),
              id.value());
          Statements.update(
              connection,
              "DELETE FROM business_catalog_canvas_block WHERE tenant = ? AND service = ?",
              tenant.name(),
              id.value());
          Figures figures = canvas.figures();
          Statements.update(
              connection,
              "INSERT INTO business_catalog_canvas (tenant, service, one_off_costs, monthly_costs,"
                  + " users_per_month, price_per_user, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              tenant.name(),
              id.value(),
              figures.oneOffCosts().amount(),
              figures.monthlyCosts().amount(),
              figures.usersPerMonth(),
              figures.pricePerUser().amount(),
              clock.instant());
          for (Map.Entry<CanvasBlock, String> block : canvas.blocks().entrySet()) {
            Statements.update(
                connection,
                "INSERT INTO business_catalog_canvas_block (tenant, service, block, text)"
                    + " VALUES (?, ?, ?, ?)",
                tenant.name(),
                id.value(),
                block.getKey().name(),
                block.getValue());
          }
          return null;
        });
    return canvas(tenant, id);
  }

  private String where(TenantId tenant, ServiceQuery query, List<Object> parameters) {
    StringBuilder where = new StringBuilder("s.tenant = ?");
    parameters.add(tenant.name());
    if (query.publishedOnly()) {
      where.append(" AND s.published = 1");
    }
    query.targetGroup().ifPresent(value -> contains(where, parameters, "target_groups", value));
    query.season().ifPresent(value -> contains(where, parameters, "seasons", value));
    query.lifeSituation().ifPresent(value -> contains(where, parameters, "life_situations", value));
    query.category().ifPresent(value -> equal(where, parameters, "category", value.name()));
    query.stage().ifPresent(value -> equal(where, parameters, "stage", value.name()));
    query.provider().ifPresent(value -> equal(where, parameters, "provider", value.value()));
    List<String> words = query.words();
    List<String> trigramWords = words.stream().filter(word -> word.length() >= 3).toList();
    switch (database.dialect()) {
      case SQLITE -> {
        if (!trigramWords.isEmpty()) {
          // Quoted FTS5 strings: each the phrase of the word's trigrams, i.e. the word as a part.
          where.append(
              " AND s.row_id IN (SELECT rowid FROM business_catalog_fts"
                  + " WHERE business_catalog_fts MATCH ?)");
          parameters.add(
              trigramWords.stream()
                  .map(word -> '"' + word + '"')
                  .collect(Collectors.joining(" AND ")));
        }
        // A trigram index cannot look for one or two letters: those are compared as they are.
        words.stream()
            .filter(word -> word.length() < 3)
            .forEach(
                word -> {
                  where.append(" AND s.fold LIKE ?");
                  parameters.add("%" + word + "%");
                });
      }
      case POSTGRES -> {
        for (String word : words) {
          where.append(
              " AND (s.fold LIKE ? OR s.tsv @@ plainto_tsquery('german', ?)"
                  + " OR s.tsv @@ plainto_tsquery('english', ?))");
          parameters.add("%" + word + "%");
          parameters.add(word);
          parameters.add(word);
        }
      }
    }
    return where.toString();
  }

  private static void contains(
      StringBuilder where, List<Object> parameters, String column, Enum<?> value) {
    where.append(" AND s.").append(column).append(" LIKE ?");
    parameters.add("%," + value.name() + ",%");
  }

  private static void equal(
      StringBuilder where, List<Object> parameters, String column, String value) {
    where.append(" AND s.").append(column).append(" = ?");
    parameters.add(value);
  }

  private static List<Object> draftValues(ServiceDraft draft) {
    List<Object> values = new ArrayList<>();
    values.add(draft.name().de());
    values.add(draft.name().en().orElse(null));
    values.add(draft.name().easyGerman().orElse(null));
    values.add(draft.description().de());
    values.add(draft.description().en().orElse(null));
    values.add(draft.description().easyGerman().orElse(null));
    values.add(draft.category().name());
    values.add(codes(draft.targetGroups()));
    values.add(codes(draft.lifeSituations()));
    values.add(codes(draft.seasons()));
    values.add(codes(draft.channels()));
    values.add(draft.leikaKey().orElse(null));
    values.add(draft.onlineService().map(URI::toString).orElse(null));
    values.add(String.join("\n", draft.places()));
    values.add(
        draft.bindings().stream()
            .map(binding -> binding.entityType() + binding.q().map(q -> "\t" + q).orElse(""))
            .collect(Collectors.joining("\n")));
    return values;
  }

  /** ",A,B," in declaration order, so that a filter is {@code LIKE '%,A,%'}. */
  private static String codes(Set<? extends Enum<?>> values) {
    return values.stream().sorted().map(Enum::name).collect(Collectors.joining(",", ",", ","));
  }

  private static <E extends Enum<E>> Set<E> codes(String text, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    for (String code : text.split(",")) {
      if (!code.isEmpty()) {
        values.add(Enum.valueOf(type, code));
      }
    }
    return values;
  }

  private static String nameFold(ServiceDraft draft) {
    Text name = draft.name();
    return Folding.fold(name.de() + " " + name.en().orElse(""));
  }

  private static String fold(ServiceDraft draft) {
    Text description = draft.description();
    return nameFold(draft)
        + " "
        + Folding.fold(description.de() + " " + description.en().orElse(""));
  }

  private static void record(
      Connection connection,
      TenantId tenant,
      ServiceId id,
      int seq,
      Optional<Stage> from,
      Stage to,
      Instant at,
      String by,
      String reason)
      throws SQLException {
    Statements.update(
        connection,
        "INSERT INTO business_catalog_stage_change (tenant, service, seq, from_stage, to_stage,"
            + " at, decided_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        tenant.name(),
        id.value(),
        seq,
        from.map(Stage::name).orElse(null),
        to.name(),
        at,
        by,
        reason);
  }

  private static Optional<Service> load(Connection connection, TenantId tenant, ServiceId id)
      throws SQLException {
    Service service;
    try (PreparedStatement statement =
            Statements.prepare(
                connection,
                "SELECT " + COLUMNS + " FROM business_catalog_service WHERE tenant = ? AND id = ?",
                tenant.name(),
                id.value());
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      service = read(rows);
    }
    return Optional.of(withHistories(connection, tenant, List.of(service)).getFirst());
  }

  /** The services with their histories, read in one query. */
  private static List<Service> withHistories(
      Connection connection, TenantId tenant, List<Service> services) throws SQLException {
    if (services.isEmpty()) {
      return services;
    }
    Map<String, List<StageChange>> histories = new HashMap<>();
    List<Object> parameters = new ArrayList<>();
    parameters.add(tenant.name());
    services.forEach(service -> parameters.add(service.id().value()));
    try (PreparedStatement statement =
            Statements.prepare(
                connection,
                "SELECT service, from_stage, to_stage, at, decided_by, reason"
                    + " FROM business_catalog_stage_change WHERE tenant = ? AND service IN ("
                    + "?, ".repeat(services.size() - 1)
                    + "?) ORDER BY service, seq",
                parameters.toArray());
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        histories
            .computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
            .add(
                new StageChange(
                    Optional.ofNullable(rows.getString(2)).map(Stage::valueOf),
                    Stage.valueOf(rows.getString(3)),
                    Instant.ofEpochMilli(rows.getLong(4)),
                    rows.getString(5),
                    rows.getString(6)));
      }
    }
    return services.stream()
        .map(
            service ->
                new Service(
                    service.tenant(),
                    service.id(),
                    service.provider(),
                    service.draft(),
                    service.stage(),
                    service.published(),
                    histories.getOrDefault(service.id().value(), List.of())))
        .toList();
  }

  /** A row of {@link #COLUMNS}. */
  private static Service read(ResultSet rows) throws SQLException {
    ServiceDraft draft =
        new ServiceDraft(
            new Text(
                rows.getString(4),
                Optional.ofNullable(rows.getString(5)),
                Optional.ofNullable(rows.getString(6))),
            new Text(
                rows.getString(7),
                Optional.ofNullable(rows.getString(8)),
                Optional.ofNullable(rows.getString(9))),
            Category.valueOf(rows.getString(10)),
            codes(rows.getString(11), TargetGroup.class),
            codes(rows.getString(12), LifeSituation.class),
            Optional.ofNullable(rows.getString(15)),
            Optional.ofNullable(rows.getString(16)).map(URI::create),
            codes(rows.getString(13), Season.class),
            codes(rows.getString(14), Channel.class),
            lines(rows.getString(17)),
            lines(rows.getString(18)).stream()
                .map(
                    line -> {
                      int tab = line.indexOf('\t');
                      return tab < 0
                          ? new LiveBinding(line, Optional.empty())
                          : new LiveBinding(
                              line.substring(0, tab), Optional.of(line.substring(tab + 1)));
                    })
                .toList());
    return new Service(
        TenantId.of(rows.getString(1)),
        new ServiceId(rows.getString(2)),
        new PartnerId(rows.getString(3)),
        draft,
        Stage.valueOf(rows.getString(19)),
        rows.getInt(20) == 1,
        List.of());
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  private static BusinessProblem notFound(ServiceId id) {
    return BusinessProblem.notFound("no service " + id.value() + " in this catalog");
  }
}
