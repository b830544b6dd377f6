package org.sundwerk.portal.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.TenantId;
import org.sundwerk.ngsild.jsonld.TermDictionary;

/**
 * The fields of the "new key" form turned into a name and a {@link KeyScope}: tenants and entity
 * types separated by commas, spaces or new lines (none: no narrowing), entity types as IRIs or as
 * terms of the NGSI-LD core context. Throws {@link IllegalArgumentException} with a message key.
 */
record KeyForm(String name, KeyScope scope) {

  static final int MAX_NAME = 100;

  /** The operations a key may be scoped to in the portal (admin keys are for operators' tools). */
  static final List<Operation> OFFERED =
      List.of(Operation.READ, Operation.WRITE, Operation.SUBSCRIBE, Operation.INGEST);

  static KeyForm parse(
      String name,
      String tenants,
      List<String> operations,
      String entityTypes,
      TermDictionary core) {
    if (name.isBlank() || name.strip().length() > MAX_NAME) {
      throw new IllegalArgumentException("keys.name.invalid");
    }
    Set<Operation> chosen = EnumSet.noneOf(Operation.class);
    for (String operation : operations) {
      OFFERED.stream().filter(o -> o.name().equals(operation)).forEach(chosen::add);
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("keys.operations.missing");
    }
    Set<TenantId> tenantIds = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
    for (String tenant : words(tenants)) {
      try {
        tenantIds.add(TenantId.of(tenant));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("keys.tenant.invalid");
      }
    }
    Set<String> types = new TreeSet<>();
    for (String type : words(entityTypes)) {
      types.add(core.expand(type));
    }
    return new KeyForm(name.strip(), new KeyScope(Set.copyOf(tenantIds), chosen, types));
  }

  private static List<String> words(String text) {
    return List.of(text.strip().split("[\\s,]+")).stream().filter(w -> !w.isEmpty()).toList();
  }
}
