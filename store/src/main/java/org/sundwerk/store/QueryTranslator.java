package org.sundwerk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sundwerk.ngsild.query.AttrPath;
import org.sundwerk.ngsild.query.Operator;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.Value;

/**
 * Translates a {@code q} AST into a SQL condition over the stored document (see {@link
 * StoredEntityCodec} for the paths). A term is read from the first instance of the attribute, which
 * is the default instance when there is one.
 *
 * <p>Where SQL expresses a term exactly the translation is exact; otherwise the term becomes {@code
 * TRUE} (a superset) and the translation is marked inexact, so that the caller post-filters the
 * candidates with the in-memory evaluator. Inexact today: comparisons of booleans other than
 * equality, date-times against attribute values (stored in any format) rather than the system
 * metadata (stored in a fixed format), member names the dialect cannot express.
 */
final class QueryTranslator {

  /** Metadata members that an {@link AttrPath} may name instead of a sub-attribute. */
  static final Set<String> METADATA =
      Set.of("observedAt", "createdAt", "modifiedAt", "unitCode", "datasetId");

  /** Metadata stored in the fixed-width time format, so that text order is time order. */
  private static final Set<String> TIME_METADATA = Set.of("observedAt", "createdAt", "modifiedAt");

  /** A SQL condition and whether it selects exactly the matching entities (else a superset). */
  record Translation(Sql condition, boolean exact) {
    static Translation inexact() {
      return new Translation(new Sql().append("1 = 1"), false);
    }
  }

  private final SqlDialect dialect;
  private final String alias;
  private final String column;

  /** Translates for a query over {@code entity} rows named {@code alias} (document: alias.doc). */
  QueryTranslator(SqlDialect dialect, String alias) {
    this.dialect = dialect;
    this.alias = alias;
    this.column = alias + ".doc";
  }

  Translation translate(Query query) {
    return switch (query) {
      case Query.And and -> join(and.terms(), " AND ");
      case Query.Or or -> join(or.terms(), " OR ");
      case Query.Exists exists -> exists(exists.path(), true);
      case Query.NotExists notExists -> exists(notExists.path(), false);
      case Query.Comparison comparison -> comparison(comparison);
    };
  }

  private Translation join(List<Query> terms, String operator) {
    Sql sql = new Sql().append("(");
    boolean exact = true;
    for (int i = 0; i < terms.size(); i++) {
      Translation term = translate(terms.get(i));
      sql.append(i == 0 ? "" : operator).append(term.condition());
      exact &= term.exact();
    }
    return new Translation(sql.append(")"), exact);
  }

  private Translation exists(AttrPath path, boolean present) {
    Optional<Sql> type = dialect.jsonType(column, existencePath(path));
    if (type.isEmpty()) {
      return Translation.inexact();
    }
    Sql sql = new Sql().append("(");
    if (present && path.subAttribute().isEmpty() && path.compound().isEmpty()) {
      // Implied by the document test, and answered from the attribute name index: a rare
      // attribute is found without reading every document of the tenant.
      sql.append("EXISTS (SELECT 1 FROM entity_attribute a WHERE a.tenant = " + alias + ".tenant")
          .append(" AND a.name = ")
          .param(path.attribute())
          .append(" AND a.entity_pk = " + alias + ".pk) AND ");
    }
    sql.append(type.get()).append(present ? " IS NOT NULL)" : " IS NULL)");
    return new Translation(sql, true);
  }

  private static JsonPath existencePath(AttrPath path) {
    if (path.subAttribute().isEmpty() && path.compound().isEmpty()) {
      return JsonPath.of(path.attribute());
    }
    return targets(path, false).getFirst().path();
  }

  /** Where a comparison reads its value: candidate member paths, and whether they hold times. */
  private record Target(JsonPath path, boolean fixedTime) {}

  private static List<Target> targets(AttrPath path, boolean text) {
    JsonPath instance = JsonPath.of(path.attribute(), 0);
    if (path.subAttribute().isPresent()) {
      String sub = path.subAttribute().get();
      if (METADATA.contains(sub)) {
        return List.of(new Target(instance.then(sub), TIME_METADATA.contains(sub)));
      }
      instance = instance.then(sub, 0);
    }
    List<String> members =
        text && path.compound().isEmpty() ? List.of("value", "object") : List.of("value");
    List<Target> targets = new ArrayList<>();
    for (String member : members) {
      JsonPath target = instance.then(member);
      for (String key : path.compound()) {
        target = target.then(key);
      }
      targets.add(new Target(target, false));
    }
    return targets;
  }

  private Translation comparison(Query.Comparison comparison) {
    Operator operator = comparison.operator();
    Value value = comparison.value();
    return switch (operator) {
      case EQUAL -> equal(comparison.path(), value);
      case UNEQUAL -> negate(comparison.path(), equal(comparison.path(), value));
      case GREATER, GREATER_EQ, LESS, LESS_EQ -> ordered(comparison.path(), operator, value);
      case MATCHES_PATTERN -> pattern(comparison.path(), value);
      case NOT_MATCHES_PATTERN -> negate(comparison.path(), pattern(comparison.path(), value));
    };
  }

  /**
   * The attribute path exists and {@code positive} does not hold; exact only if it is. A positive
   * condition over a missing member can be SQL NULL rather than false (e.g. the type test of a
   * relationship's {@code object} on a property), which must not make the negation NULL too.
   */
  private Translation negate(AttrPath path, Translation positive) {
    if (!positive.exact()) {
      return Translation.inexact();
    }
    Translation exists = exists(path, true);
    if (!exists.exact()) {
      return Translation.inexact();
    }
    Sql sql =
        new Sql()
            .append("(")
            .append(exists.condition())
            .append(" AND NOT COALESCE(")
            .append(positive.condition())
            .append(", FALSE))");
    return new Translation(sql, true);
  }

  private Translation equal(AttrPath path, Value value) {
    return switch (value) {
      case Value.Range range ->
          both(
              ordered(path, Operator.GREATER_EQ, range.min()),
              ordered(path, Operator.LESS_EQ, range.max()));
      case Value.Choice choice -> {
        List<Translation> options = new ArrayList<>();
        for (Value option : choice.values()) {
          options.add(equal(path, option));
        }
        yield any(options);
      }
      case Value.Bool bool -> {
        List<Translation> options = new ArrayList<>();
        for (Target target : targets(path, false)) {
          Optional<Sql> type = dialect.jsonType(column, target.path());
          if (type.isEmpty()) {
            yield Translation.inexact();
          }
          Sql sql = new Sql().append("(");
          dialect
              .jsonEqualityPrefilter(column, target.path(), bool.value())
              .ifPresent(prefilter -> sql.append(prefilter).append(" AND "));
          sql.append(
                  dialect.withNeutralEstimate(
                      new Sql()
                          .append(type.get())
                          .append(" = ")
                          .param(bool.value() ? "true" : "false")))
              .append(")");
          options.add(new Translation(sql, true));
        }
        yield any(options);
      }
      default -> ordered(path, Operator.EQUAL, value);
    };
  }

  private Translation ordered(AttrPath path, Operator operator, Value value) {
    String sqlOperator =
        switch (operator) {
          case EQUAL -> " = ";
          case GREATER -> " > ";
          case GREATER_EQ -> " >= ";
          case LESS -> " < ";
          case LESS_EQ -> " <= ";
          default -> throw new IllegalArgumentException(operator.toString());
        };
    List<Translation> options = new ArrayList<>();
    boolean text = value instanceof Value.Text;
    for (Target target : targets(path, text)) {
      Object literal;
      String types;
      switch (value) {
        case Value.Number number -> {
          literal = number.value();
          types = "('integer', 'real')";
        }
        case Value.Text string -> {
          literal = string.value();
          types = "('text')";
        }
        case Value.DateTime time when target.fixedTime() -> {
          literal = StoredEntityCodec.format(time.value());
          types = "('text')";
        }
        default -> {
          return Translation.inexact();
        }
      }
      Optional<Sql> type = dialect.jsonType(column, target.path());
      Optional<Sql> compared = dialect.jsonCompare(column, target.path(), sqlOperator, literal);
      if (type.isEmpty() || compared.isEmpty()) {
        return Translation.inexact();
      }
      Sql sql = new Sql().append("(");
      if (operator == Operator.EQUAL) {
        dialect
            .jsonEqualityPrefilter(column, target.path(), literal)
            .ifPresent(prefilter -> sql.append(prefilter).append(" AND "));
      }
      sql.append(
              dialect.withNeutralEstimate(
                  new Sql()
                      .append(type.get())
                      .append(" IN " + types + " AND ")
                      .append(compared.get())))
          .append(")");
      options.add(new Translation(sql, true));
    }
    return any(options);
  }

  private Translation pattern(AttrPath path, Value value) {
    if (!(value instanceof Value.Text regex)) {
      return Translation.inexact();
    }
    List<Translation> options = new ArrayList<>();
    for (Target target : targets(path, true)) {
      Optional<Sql> type = dialect.jsonType(column, target.path());
      Optional<Sql> extracted = dialect.jsonValue(column, target.path());
      if (type.isEmpty() || extracted.isEmpty()) {
        return Translation.inexact();
      }
      Sql sql =
          dialect.withNeutralEstimate(
              new Sql()
                  .append(type.get())
                  .append(" = 'text' AND ")
                  .append(dialect.regexp(extracted.get(), regex.value())));
      options.add(new Translation(sql, true));
    }
    return any(options);
  }

  private static Translation both(Translation a, Translation b) {
    Sql sql =
        new Sql()
            .append("(")
            .append(a.condition())
            .append(" AND ")
            .append(b.condition())
            .append(")");
    return new Translation(sql, a.exact() && b.exact());
  }

  private static Translation any(List<Translation> options) {
    if (options.isEmpty()) {
      return new Translation(new Sql().append("1 = 0"), true);
    }
    if (options.size() == 1) {
      return options.getFirst();
    }
    Sql sql = new Sql().append("(");
    boolean exact = true;
    for (int i = 0; i < options.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append(options.get(i).condition());
      exact &= options.get(i).exact();
    }
    return new Translation(sql.append(")"), exact);
  }
}
