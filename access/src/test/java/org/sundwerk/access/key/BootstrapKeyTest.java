package org.sundwerk.access.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccessPolicy;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.Operation;
import org.sundwerk.access.Resource;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.Visibility;

/** {@code SUNDWERK_ADMIN_API_KEY}: the platform operator for automation. */
class BootstrapKeyTest {

  private static final String CONFIGURED = "deploy-" + "k".repeat(40);

  @Test
  void theConfiguredKeyActsAsThePlatformOperator() {
    BootstrapKey key = BootstrapKey.fromSetting(Optional.of(CONFIGURED)).orElseThrow();

    Actor actor = key.actorFor(CONFIGURED).orElseThrow();

    assertThat(actor).isInstanceOf(Actor.ApiKey.class);
    assertThat(((Actor.ApiKey) actor).owner()).isInstanceOf(Actor.PlatformOperator.class);
    assertThat(actor.principal()).doesNotContain(CONFIGURED);
    assertThat(
            new AccessPolicy(Visibility.OPEN)
                .decide(
                    actor, AccessRequest.of(TenantId.of("any"), Operation.READ, Resource.ACTUATOR))
                .allowed())
        .isTrue();
  }

  @Test
  void anyOtherValueIsNoActor() {
    BootstrapKey key = BootstrapKey.fromSetting(Optional.of(CONFIGURED)).orElseThrow();

    assertThat(key.actorFor(CONFIGURED + "x")).isEmpty();
    assertThat(key.actorFor("")).isEmpty();
  }

  @Test
  void anUnsetOrBlankSettingMeansNoBootstrapKey() {
    assertThat(BootstrapKey.fromSetting(Optional.empty())).isEmpty();
    assertThat(BootstrapKey.fromSetting(Optional.of("  "))).isEmpty();
  }

  @Test
  void refusesAShortKeyAtStart() {
    assertThatThrownBy(() -> BootstrapKey.fromSetting(Optional.of("admin")))
        .hasMessageContaining("at least 32");
  }
}
