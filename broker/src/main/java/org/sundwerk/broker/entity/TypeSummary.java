package org.sundwerk.broker.entity;

import java.util.Map;
import java.util.Set;

/**
 * What a tenant holds of one entity type.
 *
 * @param type expanded type IRI
 * @param entityCount number of entities of that type
 * @param attributeKinds expanded attribute name to the attribute type names seen (e.g. Property)
 */
public record TypeSummary(String type, long entityCount, Map<String, Set<String>> attributeKinds) {}
