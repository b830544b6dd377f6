package org.sundwerk.broker.entity;

import java.util.Set;

/**
 * What a tenant holds of one attribute name.
 *
 * @param name expanded attribute name
 * @param entityCount number of entities that have it
 * @param kinds attribute type names seen (Property, Relationship, ...)
 * @param types expanded types of the entities that have it
 */
public record AttributeSummary(
    String name, long entityCount, Set<String> kinds, Set<String> types) {}
