package org.sundwerk.broker.temporal;

import org.sundwerk.ngsild.model.Attribute;

/**
 * One stored instance of an attribute's history.
 *
 * @param instanceId its URI, assigned by the store (clause 4.5.7)
 * @param attribute the instance as it was, system times included
 */
public record AttributeInstance(String instanceId, Attribute attribute) {}
