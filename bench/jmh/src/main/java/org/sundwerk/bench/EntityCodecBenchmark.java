package org.sundwerk.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.sundwerk.ngsild.codec.EntityReader;
import org.sundwerk.ngsild.codec.EntityWriter;
import org.sundwerk.ngsild.codec.Representation;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.ContextSettings;
import org.sundwerk.ngsild.jsonld.HostedContexts;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expansion (payload to model) and compaction (model to payload) of one entity of the bench data
 * set with the core context. The JSON text is parsed once: these measure the codec, not Jackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EntityCodecBenchmark {

  /** The shape bench/generate.py loads: two integers and a point. */
  static final String SENSOR =
      """
      {"id": "urn:ngsi-ld:Sensor:4711", "type": "Sensor",
       "a": {"type": "Property", "value": 42},
       "b": {"type": "Property", "value": 7},
       "location": {"type": "GeoProperty",
                    "value": {"type": "Point", "coordinates": [13.093, 54.315]}}}
      """;

  private final TermDictionary core =
      ContextResolver.create(ContextSettings.defaults(), HostedContexts.NONE).defaultDictionary();
  private final JsonNode payload = JsonMapper.builder().build().readTree(SENSOR);
  private final Entity entity = EntityReader.readEntity(payload, core);

  @Benchmark
  public Entity expand() {
    return EntityReader.readEntity(payload, core);
  }

  @Benchmark
  public JsonNode compact() {
    return EntityWriter.write(entity, core, Representation.NORMALIZED);
  }

  @Benchmark
  public JsonNode compactSimplified() {
    return EntityWriter.write(
        entity, core, Representation.NORMALIZED.withFormat(Representation.Format.SIMPLIFIED));
  }
}
