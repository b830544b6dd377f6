package org.sundwerk.access.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;

/** An account's roles resolve to one actor per tenant. */
class AccountActorTest {

  private static final AccountId ID = new AccountId("a1");
  private static final TenantId CITY = TenantId.of("city");
  private static final TenantId DEMO = TenantId.of("demo");
  private static final PartnerId PARKCO = new PartnerId("parkco");
  private static final PartnerId BUSCO = new PartnerId("busco");

  private static Account withRoles(Role... roles) {
    return new Account(
        ID, "a@example.org", "A", Optional.of(Instant.EPOCH), Instant.EPOCH, Set.of(roles));
  }

  @Test
  void anAccountWithoutRolesIsAResident() {
    assertThat(withRoles().actorIn(CITY, Optional.empty())).isEqualTo(new Actor.Resident(ID));
  }

  @Test
  void anOperatorOperatesOnlyTheirTenant() {
    Account operator = withRoles(new Role.Operator(CITY));

    assertThat(operator.actorIn(CITY, Optional.empty()))
        .isEqualTo(new Actor.TenantOperator(ID, CITY));
    assertThat(operator.actorIn(DEMO, Optional.empty())).isEqualTo(new Actor.Resident(ID));
  }

  @Test
  void thePlatformRoleOperatesEveryTenant() {
    assertThat(withRoles(new Role.Platform()).actorIn(DEMO, Optional.empty()))
        .isEqualTo(new Actor.PlatformOperator(Optional.of(ID)));
  }

  @Test
  void aMemberOfSeveralPartnersActsForTheOneChosen() {
    Account member =
        withRoles(
            new Role.Member(CITY, PARKCO, PartnerRole.EDITOR),
            new Role.Member(CITY, BUSCO, PartnerRole.VIEWER));

    assertThat(member.actorIn(CITY, Optional.of(BUSCO)))
        .isEqualTo(new Actor.PartnerMember(ID, CITY, BUSCO, PartnerRole.VIEWER));
    assertThat(member.actorIn(CITY, Optional.empty())).isEqualTo(new Actor.Resident(ID));
    assertThat(member.actorIn(DEMO, Optional.of(PARKCO))).isEqualTo(new Actor.Resident(ID));
  }
}
