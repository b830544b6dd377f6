package org.sundwerk.broker.subscription;

import java.util.Optional;

/**
 * The values of a subscription's {@code notificationTrigger} (clause 5.2.12), in precedence order.
 */
public enum Trigger {
  ENTITY_CREATED("entityCreated"),
  ENTITY_DELETED("entityDeleted"),
  ENTITY_UPDATED("entityUpdated"),
  ATTRIBUTE_CREATED("attributeCreated"),
  ATTRIBUTE_UPDATED("attributeUpdated"),
  ATTRIBUTE_DELETED("attributeDeleted");

  private final String apiName;

  Trigger(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<Trigger> ofApiName(String name) {
    for (Trigger trigger : values()) {
      if (trigger.apiName.equals(name)) {
        return Optional.of(trigger);
      }
    }
    return Optional.empty();
  }
}
