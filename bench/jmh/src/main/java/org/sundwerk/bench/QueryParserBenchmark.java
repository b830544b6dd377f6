package org.sundwerk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.ContextSettings;
import org.sundwerk.ngsild.jsonld.HostedContexts;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.QueryParser;

/** Parsing {@code q} with the core context, as every query request does once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryParserBenchmark {

  /** The bench scenario's q, and one with a group, a string, a range and metadata. */
  @Param({
    "a>50;b<20",
    "(a>50;b<20)|(name==\"Ozeaneum\";c==1..9;location.observedAt>2025-01-01T00:00:00Z)"
  })
  public String q;

  private final TermDictionary core =
      ContextResolver.create(ContextSettings.defaults(), HostedContexts.NONE).defaultDictionary();

  @Benchmark
  public Query parse() {
    return QueryParser.parse(q, core);
  }
}
