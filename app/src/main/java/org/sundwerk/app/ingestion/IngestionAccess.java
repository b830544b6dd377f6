package org.sundwerk.app.ingestion;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Decision;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.app.security.AccessDenied;
import org.sundwerk.app.security.AccessGate;
import org.sundwerk.broker.Broker;
import org.sundwerk.broker.entity.EntityOperations;
import org.sundwerk.ingestion.MqttAccess;
import org.sundwerk.ingestion.UplinkPermit;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Who may send device messages, asked of the {@link AccessGate} (i.e. {@code AccessPolicy}) with
 * what a message writes: {@code INGEST} on {@code INGESTION} in the tenant of its target (a LoRaWAN
 * device's tenant from the registry, not a header the sender chose) and, for keys and partners
 * whose decision depends on types, the type of the target entity. Webhooks ask it for the HTTP
 * request's actor; the embedded MQTT broker for the API key a client presented as its password.
 * Thread-safe.
 */
public final class IngestionAccess {

  private final AccessGate gate;
  private final KeyActors keys;
  private final EntityOperations entities;

  public IngestionAccess(AccessGate gate, KeyActors keys, Broker broker) {
    this.gate = gate;
    this.keys = keys;
    this.entities = broker.entities();
  }

  /**
   * The permit of an HTTP request. A refusal is also left in {@code denied}, so that the webhook
   * answers it as the gate's 401 or 403 rather than as a rejected message.
   */
  UplinkPermit forRequest(HttpServletRequest http, AtomicReference<AccessDenied> denied) {
    return target -> {
      try {
        TenantId tenant = TenantId.of(target.tenant());
        gate.require(http, tenant, Operation.INGEST, Resource.INGESTION, types(target));
        return Optional.empty();
      } catch (AccessDenied e) {
        denied.set(e);
        return Optional.of(e.getMessage());
      }
    };
  }

  /**
   * The embedded broker's clients: the password is an API key (the user name is free, e.g. {@code
   * key}); a key that is unknown, revoked or not scoped to {@code INGEST} is refused at CONNECT.
   * Each message is decided again with the key's actor in the target's tenant, so a key revoked
   * while connected stops at its next message. Subscribing shows the raw uplinks of every tenant:
   * like the actuator, it needs the platform operator.
   *
   * @param allowAnonymous whether clients without credentials may connect; they are decided as
   *     anonymous actors, which the policy lets neither ingest nor subscribe
   */
  public MqttAccess mqtt(boolean allowAnonymous) {
    return new MqttAccess() {
      @Override
      public Optional<Client> connect(String username, byte[] password) {
        String key = new String(password, StandardCharsets.UTF_8);
        return keys.actorFor(key, TenantId.DEFAULT)
            .filter(
                actor ->
                    !(actor instanceof Actor.ApiKey apiKey)
                        || apiKey.scope().operations().contains(Operation.INGEST))
            .map(actor -> client(tenant -> keys.actorFor(key, tenant)));
      }

      @Override
      public Optional<Client> anonymous() {
        if (!allowAnonymous) {
          return Optional.empty();
        }
        Actor anonymous = new Actor.Anonymous("mqtt");
        return Optional.of(client(tenant -> Optional.of(anonymous)));
      }
    };
  }

  /** The actor of one MQTT client in a tenant; empty once its key is no longer valid. */
  private interface ActorIn {
    Optional<Actor> of(TenantId tenant);
  }

  private MqttAccess.Client client(ActorIn actors) {
    return new MqttAccess.Client() {
      @Override
      public UplinkPermit uplinks() {
        return target -> {
          TenantId tenant;
          try {
            tenant = TenantId.of(target.tenant());
          } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
          }
          Optional<Actor> actor = actors.of(tenant);
          if (actor.isEmpty()) {
            return Optional.of("the key is unknown or revoked");
          }
          return switch (gate.decide(
              actor.get(), tenant, Operation.INGEST, Resource.INGESTION, types(target))) {
            case Decision.Allow allow -> Optional.empty();
            case Decision.Deny deny -> Optional.of(deny.reason());
          };
        };
      }

      @Override
      public boolean maySubscribe(String topicFilter) {
        Optional<Actor> actor = actors.of(TenantId.DEFAULT);
        return actor.isPresent()
            && gate.decide(
                    actor.get(),
                    AccessRequest.of(TenantId.DEFAULT, Operation.READ, Resource.ACTUATOR))
                instanceof Decision.Allow;
      }
    };
  }

  /**
   * The stored type of the target entity; none when it or its tenant does not exist (the merge will
   * fail), so that the decision comes first and a refused sender learns nothing about what exists.
   */
  private Supplier<Set<String>> types(UplinkPermit.Target target) {
    return () -> {
      try {
        return Set.copyOf(entities.retrieve().handle(target.tenant(), target.entityId()).types());
      } catch (NgsiLdException e) {
        if (e.type() == ErrorType.RESOURCE_NOT_FOUND
            || e.type() == ErrorType.NONEXISTENT_TENANT
            || e.type() == ErrorType.BAD_REQUEST_DATA) {
          return Set.of();
        }
        throw e;
      }
    };
  }
}
