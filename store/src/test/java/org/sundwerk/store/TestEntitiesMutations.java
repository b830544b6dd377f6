package org.sundwerk.store;

import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.iri;

import java.util.List;
import java.util.Map;
import org.sundwerk.broker.entity.EntityMutation;
import org.sundwerk.ngsild.error.NgsiLdException;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.Entity;

/** Read-modify-write mutations for concurrency tests. */
final class TestEntitiesMutations {

  private TestEntitiesMutations() {}

  /** Adds one to an integer property and returns the new value; fails if the entity is missing. */
  static EntityMutation<Integer> increment(String term) {
    return current -> {
      Entity entity = current.orElseThrow(() -> NgsiLdException.notFound("no counter"));
      int next = TestEntities.intValue(entity, term).orElse(0) + 1;
      Map<String, List<Attribute>> attributes = entity.copyOfAttributes();
      attributes.put(iri(term), List.of(integer(next)));
      return new EntityMutation.Put<>(entity.withAttributes(attributes), next);
    };
  }
}
