package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.JSON;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.iri;
import static org.sundwerk.store.TestEntities.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;

class StoredEntityCodecTest {

  @Test
  void writesTimesInUtcWithExactlyThreeFractionDigits() {
    assertThat(StoredEntityCodec.format(Instant.parse("2024-05-01T08:00:00Z")))
        .isEqualTo("2024-05-01T08:00:00.000Z");
    assertThat(StoredEntityCodec.format(Instant.parse("2024-05-01T10:00:00.123456+02:00")))
        .isEqualTo("2024-05-01T08:00:00.123Z");
  }

  @Test
  void storesEveryAttributeAsAnArrayWithTheDefaultInstanceFirst() {
    Attribute dataset =
        new Attribute(
            AttributeKind.PROPERTY, JSON.numberNode(2), "urn:ds:1", null, null, null, null, null);
    Attribute defaultInstance = integer(1);
    Entity entity =
        new Entity(
            "urn:e:1",
            List.of(iri("T")),
            List.of(),
            Map.of(iri("n"), List.of(dataset, defaultInstance)),
            Instant.parse("2024-01-01T00:00:00Z"),
            null);

    String stored = StoredEntityCodec.encode(entity);

    assertThat(json(stored))
        .isEqualTo(
            json(
                "{\"id\":\"urn:e:1\",\"type\":[\""
                    + iri("T")
                    + "\"],\"createdAt\":\"2024-01-01T00:00:00.000Z\","
                    + "\""
                    + iri("n")
                    + "\":[{\"type\":\"Property\",\"value\":1},"
                    + "{\"type\":\"Property\",\"value\":2,\"datasetId\":\"urn:ds:1\"}]}"));
    assertThat(StoredEntityCodec.decode(stored).attributes().get(iri("n")))
        .containsExactly(defaultInstance, dataset);
  }

  @Test
  void keepsEachKindsValueMemberAndNestedSubAttributes() {
    Attribute deep = integer(3);
    Attribute sub = integer(2).withSubAttributes(Map.of(iri("deeper"), List.of(deep)));
    Entity entity =
        new Entity(
            "urn:e:2",
            List.of(iri("T")),
            List.of("/a/b"),
            Map.of(
                iri("rel"),
                    List.of(
                        Attribute.of(AttributeKind.RELATIONSHIP, JSON.stringNode("urn:x"))
                            .withSubAttributes(Map.of(iri("sub"), List.of(sub)))),
                iri("list"), List.of(Attribute.of(AttributeKind.LIST_PROPERTY, json("[1,\"a\"]"))),
                iri("vocab"),
                    List.of(Attribute.of(AttributeKind.VOCAB_PROPERTY, JSON.stringNode(iri("v")))),
                iri("json"),
                    List.of(Attribute.of(AttributeKind.JSON_PROPERTY, json("{\"x\":{\"y\":[]}}")))),
            null,
            null);

    String stored = StoredEntityCodec.encode(entity);

    assertThat(json(stored).get(iri("rel")).get(0).get("object").asString()).isEqualTo("urn:x");
    assertThat(json(stored).get(iri("list")).get(0).has("valueList")).isTrue();
    assertThat(StoredEntityCodec.decode(stored)).isEqualTo(entity);
  }
}
