package org.sundwerk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.sundwerk.ngsild.query.Query;
import org.sundwerk.ngsild.query.QueryParser;
import org.sundwerk.store.postgres.PostgresDialect;
import org.sundwerk.store.sqlite.SqliteDialect;

/**
 * Translating a parsed {@code q} into SQL for each dialect. Lives in the store's package because
 * the translator is package-private there; neither dialect opens a connection to translate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QueryTranslatorBenchmark {

  @Param({
    "a>50;b<20",
    "(a>50;b<20)|(name==\"Ozeaneum\";c==1..9;location.observedAt>2025-01-01T00:00:00Z)"
  })
  public String q;

  private Query query;
  private final QueryTranslator sqlite = new QueryTranslator(new SqliteDialect(tempDir()), "e.doc");
  private final QueryTranslator postgres =
      new QueryTranslator(new PostgresDialect("jdbc:postgresql://unused/unused", "", ""), "e.doc");

  @org.openjdk.jmh.annotations.Setup
  public void parse() {
    query =
        QueryParser.parse(
            q,
            ContextResolver.create(ContextSettings.defaults(), HostedContexts.NONE)
                .defaultDictionary());
  }

  /** Returns Object because the translation type is package-private. */
  @Benchmark
  public Object sqlite() {
    return sqlite.translate(query);
  }

  @Benchmark
  public Object postgres() {
    return postgres.translate(query);
  }

  private static java.nio.file.Path tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-jmh");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
