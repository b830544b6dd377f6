package org.sundwerk.broker.temporal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sundwerk.ngsild.model.AttributeKind;

/** The aggregated temporal representation of one entity (clause 4.5.19). */
public record AggregatedEntity(String id, List<String> types, Map<String, Aggregated> attributes) {

  public AggregatedEntity {
    types = List.copyOf(types);
    attributes = Map.copyOf(attributes);
  }

  /**
   * The aggregates of one attribute.
   *
   * @param kind the attribute type
   * @param values per method its buckets in time order; a bucket without numeric values has no
   *     entry for the numeric methods
   */
  public record Aggregated(AttributeKind kind, Map<AggregationMethod, List<Bucket>> values) {
    public Aggregated {
      values = Map.copyOf(values);
    }
  }

  /**
   * One aggregate over {@code [start, end)}.
   *
   * @param value the aggregate (a count for the count methods)
   * @param start start of the bucket
   * @param end end of the bucket
   */
  public record Bucket(double value, Instant start, Instant end) {}
}
