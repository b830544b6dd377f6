package org.sundwerk.broker.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sundwerk.broker.entity.EntityChange;
import org.sundwerk.ngsild.jsonld.TermDictionary;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.model.Entity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Which entity changes notify which subscription, and why (clause 5.2.12 notificationTrigger,
 * watchedAttributes, q, entities). Table: subscription members, change, expected trigger.
 */
class MatcherTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          "entities": [{"type": "T"}]                                   | create t=1       | attributeCreated
          "entities": [{"type": "T"}]                                   | update t=1->2    | attributeUpdated
          "entities": [{"type": "T"}]                                   | delete t=1       | none
          "entities": [{"type": "T"}]                                   | update t=1->1    | none
          "entities": [{"type": "U"}]                                   | create t=1       | none
          "entities": [{"type": "T", "id": "urn:e:1"}]                   | create t=1       | attributeCreated
          "entities": [{"type": "T", "id": "urn:e:2"}]                   | create t=1       | none
          "entities": [{"type": "T", "idPattern": "^urn:e:[0-9]$"}]      | create t=1       | attributeCreated
          "entities": [{"type": "T", "idPattern": "^urn:x"}]             | create t=1       | none
          "entities": [{"type": "T"}], "notificationTrigger": ["entityCreated"] | create t=1 | entityCreated
          "entities": [{"type": "T"}], "notificationTrigger": ["entityDeleted"] | delete t=1 | entityDeleted
          "entities": [{"type": "T"}], "notificationTrigger": ["entityUpdated"] | update t=1->2 | entityUpdated
          "entities": [{"type": "T"}], "notificationTrigger": ["attributeDeleted"] | update t=1->- | attributeDeleted
          "entities": [{"type": "T"}], "notificationTrigger": ["entityDeleted"] | update t=1->2 | none
          "entities": [{"type": "T"}], "q": "t>5"                        | update t=1->6    | attributeUpdated
          "entities": [{"type": "T"}], "q": "t>5"                        | update t=6->1    | none
          "entities": [{"type": "T"}], "watchedAttributes": ["h"]        | update t=1->2    | none
          "entities": [{"type": "T"}], "watchedAttributes": ["t"]        | update t=1->2    | attributeUpdated
          "watchedAttributes": ["t"]                                     | create t=1       | attributeCreated
          "entities": [{"type": "T"}], "isActive": false                 | create t=1       | none
          "entities": [{"type": "T"}], "expiresAt": "2026-01-01T00:00:00Z" | create t=1     | none
          "entities": [{"type": "T"}], "timeInterval": 5                 | create t=1       | none
          """)
  void decidesWhetherAndWhyAChangeNotifies(String members, String change, String expected) {
    Subscription subscription =
        SubscriptionJson.read(
            JSON.readTree(
                "{\"type\": \"Subscription\", "
                    + members
                    + ", \"notification\": {\"endpoint\": {\"uri\": \"http://example.org/n\"}}}"),
            TermDictionary.IDENTITY,
            Optional.empty(),
            NOW);
    Matcher matcher = Matcher.of(subscription, TermDictionary.IDENTITY);

    Optional<Trigger> trigger = matcher.match(change(change), NOW);

    assertThat(trigger.map(Trigger::apiName).orElse("none")).isEqualTo(expected);
  }

  /** {@code create t=1}, {@code delete t=1}, {@code update t=1->2}; {@code -} for no attribute. */
  private static EntityChange change(String text) {
    String[] parts = text.split(" ");
    String[] values = parts[1].substring(2).split("->");
    Optional<Entity> first = Optional.of(entity(values[0]));
    return switch (parts[0]) {
      case "create" -> new EntityChange("", "urn:e:1", Optional.empty(), first);
      case "delete" -> new EntityChange("", "urn:e:1", first, Optional.empty());
      default -> new EntityChange("", "urn:e:1", first, Optional.of(entity(values[1])));
    };
  }

  private static Entity entity(String t) {
    Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
    if (!t.equals("-")) {
      attributes.put(
          "t",
          List.of(
              Attribute.of(
                  AttributeKind.PROPERTY,
                  JsonNodeFactory.instance.numberNode(Integer.parseInt(t)))));
    }
    attributes.put(
        "h", List.of(Attribute.of(AttributeKind.PROPERTY, JsonNodeFactory.instance.numberNode(1))));
    return new Entity("urn:e:1", List.of("T"), List.of(), attributes, null, null);
  }
}
