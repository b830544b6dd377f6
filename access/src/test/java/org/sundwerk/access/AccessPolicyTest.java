package org.sundwerk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sundwerk.access.Decision.Denial;

/** The decision table: actor x request -> allow, 401 or 403. */
class AccessPolicyTest {

  static final TenantId DEMO = TenantId.of("demo");
  static final TenantId CITY = TenantId.of("city");
  static final TenantId CLOSED = TenantId.of("closed");

  static final String PARKING = "https://smartdatamodels.org/dataModel.Parking/ParkingSpot";
  static final String METER = "https://smartdatamodels.org/dataModel.WaterDistribution/WaterMeter";
  static final String INTERNAL = "https://sundwerk.org/ns/InternalNote";
  static final String NAME = "https://smartdatamodels.org/name";
  static final String REVENUE = "https://sundwerk.org/ns/revenue";
  static final String NOTE = "https://sundwerk.org/ns/operatorNote";

  static final PartnerId PARKCO = new PartnerId("parkco");
  static final PartnerId STADTWERKE = new PartnerId("stadtwerke");

  /** The demo city and unnamed tenants are open; "city" declares types; "closed" is not open. */
  static final Visibility VISIBILITY =
      Visibility.OPEN
          .withTenant(
              CITY,
              TenantVisibility.OPEN
                  .withType(
                      PARKING,
                      TypeVisibility.of(Level.PUBLIC)
                          .providedBy(PARKCO)
                          .withAttribute(REVENUE, Level.PRIVATE)
                          .withAttribute(NOTE, Level.PARTNER))
                  .withType(METER, TypeVisibility.of(Level.PARTNER).providedBy(STADTWERKE))
                  .withType(INTERNAL, TypeVisibility.of(Level.PRIVATE)))
          .withTenant(CLOSED, TenantVisibility.OPEN.withAnonymousRead(false));

  static final AccessPolicy POLICY = new AccessPolicy(VISIBILITY);

  static final Actor ANONYMOUS = new Actor.Anonymous("203.0.113.9");
  static final Actor RESIDENT = new Actor.Resident(new AccountId("resident"));
  static final Actor PARKCO_EDITOR =
      new Actor.PartnerMember(new AccountId("editor"), CITY, PARKCO, PartnerRole.EDITOR);
  static final Actor PARKCO_VIEWER =
      new Actor.PartnerMember(new AccountId("viewer"), CITY, PARKCO, PartnerRole.VIEWER);
  static final Actor STADTWERKE_OWNER =
      new Actor.PartnerMember(new AccountId("owner"), CITY, STADTWERKE, PartnerRole.OWNER);
  static final Actor CITY_OPERATOR = new Actor.TenantOperator(new AccountId("op"), CITY);
  static final Actor PLATFORM = new Actor.PlatformOperator(Optional.of(new AccountId("admin")));
  static final Actor PARKCO_KEY =
      new Actor.ApiKey(
          new ApiKeyId("k1"),
          PARKCO_EDITOR,
          new KeyScope(
              Set.of(CITY),
              Set.of(Operation.READ, Operation.WRITE, Operation.INGEST),
              Set.of(PARKING)));
  static final Actor RESIDENT_KEY =
      new Actor.ApiKey(
          new ApiKeyId("k2"),
          RESIDENT,
          new KeyScope(Set.of(), Set.of(Operation.READ, Operation.SUBSCRIBE), Set.of()));
  static final Actor OPERATOR_READ_KEY =
      new Actor.ApiKey(
          new ApiKeyId("k3"),
          CITY_OPERATOR,
          new KeyScope(Set.of(CITY), Set.of(Operation.READ), Set.of()));

  static AccessRequest read(TenantId tenant, String... types) {
    return AccessRequest.entities(tenant, Operation.READ, types);
  }

  static AccessRequest write(TenantId tenant, String... types) {
    return AccessRequest.entities(tenant, Operation.WRITE, types);
  }

  static AccessRequest subscribe(TenantId tenant, String... types) {
    return AccessRequest.entities(tenant, Operation.SUBSCRIBE, types);
  }

  static AccessRequest ingest(TenantId tenant, String... types) {
    return new AccessRequest(tenant, Operation.INGEST, Resource.INGESTION, Set.of(types));
  }

  static AccessRequest on(Resource resource, Operation operation, TenantId tenant) {
    return AccessRequest.of(tenant, operation, resource);
  }

  static final String ALLOW = "allow";
  static final String UNAUTHENTICATED = "401";
  static final String FORBIDDEN = "403";

  static Stream<Arguments> table() {
    return Stream.of(
        // Anonymous reads the public types of open tenants and nothing else.
        row("anonymous", ANONYMOUS, read(DEMO), ALLOW),
        row("anonymous", ANONYMOUS, read(CITY, PARKING), ALLOW),
        row("anonymous", ANONYMOUS, read(CITY, PARKING, METER), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, read(CITY, INTERNAL), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, read(CLOSED), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, write(DEMO, PARKING), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, write(DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, subscribe(DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, ingest(CITY, PARKING), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, on(Resource.CONTEXTS, Operation.READ, DEMO), ALLOW),
        row("anonymous", ANONYMOUS, on(Resource.CONTEXTS, Operation.WRITE, DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, on(Resource.HEALTH, Operation.READ, DEMO), ALLOW),
        row("anonymous", ANONYMOUS, on(Resource.ACTUATOR, Operation.READ, DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, on(Resource.PORTAL, Operation.READ, DEMO), ALLOW),
        row("anonymous", ANONYMOUS, on(Resource.PORTAL, Operation.WRITE, DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, on(Resource.SERVICES, Operation.READ, DEMO), ALLOW),
        row("anonymous", ANONYMOUS, on(Resource.ACCOUNT, Operation.READ, DEMO), UNAUTHENTICATED),
        row("anonymous", ANONYMOUS, on(Resource.AUDIT, Operation.READ, DEMO), UNAUTHENTICATED),
        // A resident reads public types, also of closed tenants, takes part in the portal, and
        // writes no data.
        row("resident", RESIDENT, read(CITY, PARKING), ALLOW),
        row("resident", RESIDENT, read(CITY, METER), FORBIDDEN),
        row("resident", RESIDENT, read(CLOSED), ALLOW),
        row("resident", RESIDENT, subscribe(CITY, PARKING), ALLOW),
        row("resident", RESIDENT, write(DEMO, PARKING), FORBIDDEN),
        row("resident", RESIDENT, ingest(CITY, PARKING), FORBIDDEN),
        row("resident", RESIDENT, on(Resource.PORTAL, Operation.WRITE, CITY), ALLOW),
        row("resident", RESIDENT, on(Resource.ACCOUNT, Operation.WRITE, CITY), ALLOW),
        // Without a partner named, any signed-in actor writes to the services layer (applies to
        // become a partner, orders an offer); a partner's own records are its members' and the
        // operators'.
        row("resident", RESIDENT, on(Resource.SERVICES, Operation.WRITE, CITY), ALLOW),
        row("resident", RESIDENT, AccessRequest.ofPartner(CITY, Operation.READ, PARKCO), FORBIDDEN),
        row("anonymous", ANONYMOUS, on(Resource.SERVICES, Operation.WRITE, CITY), UNAUTHENTICATED),
        row(
            "anonymous",
            ANONYMOUS,
            AccessRequest.ofPartner(CITY, Operation.READ, PARKCO),
            UNAUTHENTICATED),
        row(
            "parkco viewer",
            PARKCO_VIEWER,
            AccessRequest.ofPartner(CITY, Operation.READ, PARKCO),
            ALLOW),
        row(
            "parkco viewer",
            PARKCO_VIEWER,
            AccessRequest.ofPartner(CITY, Operation.WRITE, PARKCO),
            FORBIDDEN),
        row(
            "parkco editor",
            PARKCO_EDITOR,
            AccessRequest.ofPartner(CITY, Operation.WRITE, PARKCO),
            ALLOW),
        row(
            "parkco editor",
            PARKCO_EDITOR,
            AccessRequest.ofPartner(CITY, Operation.READ, STADTWERKE),
            FORBIDDEN),
        row(
            "parkco editor",
            PARKCO_EDITOR,
            AccessRequest.ofPartner(DEMO, Operation.WRITE, PARKCO),
            FORBIDDEN),
        row(
            "city operator",
            CITY_OPERATOR,
            AccessRequest.ofPartner(CITY, Operation.WRITE, PARKCO),
            ALLOW),
        row(
            "city operator",
            CITY_OPERATOR,
            AccessRequest.ofPartner(DEMO, Operation.READ, PARKCO),
            FORBIDDEN),
        row(
            "parkco key",
            PARKCO_KEY,
            AccessRequest.ofPartner(CITY, Operation.WRITE, PARKCO),
            ALLOW),
        // Acts that bind a partner (terms, leaving, members) are its owners' alone.
        row(
            "stadtwerke owner",
            STADTWERKE_OWNER,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, STADTWERKE),
            ALLOW),
        row(
            "stadtwerke owner",
            STADTWERKE_OWNER,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, PARKCO),
            FORBIDDEN),
        row(
            "parkco editor",
            PARKCO_EDITOR,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, PARKCO),
            FORBIDDEN),
        row(
            "city operator",
            CITY_OPERATOR,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, PARKCO),
            FORBIDDEN),
        row(
            "anonymous",
            ANONYMOUS,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, PARKCO),
            UNAUTHENTICATED),
        row(
            "parkco key",
            PARKCO_KEY,
            AccessRequest.ofPartner(CITY, Operation.ADMIN, PARKCO),
            FORBIDDEN),
        row("resident", RESIDENT, on(Resource.AUDIT, Operation.READ, CITY), FORBIDDEN),
        row("resident", RESIDENT, on(Resource.PORTAL, Operation.ADMIN, CITY), FORBIDDEN),
        row("resident", RESIDENT, on(Resource.ACTUATOR, Operation.READ, CITY), FORBIDDEN),
        // Partner members write the types their partner provides, in their tenant only.
        row("parkco editor", PARKCO_EDITOR, write(CITY, PARKING), ALLOW),
        row("parkco editor", PARKCO_EDITOR, ingest(CITY, PARKING), ALLOW),
        row("parkco editor", PARKCO_EDITOR, write(CITY, PARKING, METER), FORBIDDEN),
        row("parkco editor", PARKCO_EDITOR, write(CITY), FORBIDDEN),
        row("parkco editor", PARKCO_EDITOR, write(DEMO, PARKING), FORBIDDEN),
        row("parkco editor", PARKCO_EDITOR, read(CITY, METER), ALLOW),
        row("parkco editor", PARKCO_EDITOR, read(CITY, INTERNAL), FORBIDDEN),
        row("parkco editor", PARKCO_EDITOR, on(Resource.CONTEXTS, Operation.WRITE, CITY), ALLOW),
        row("parkco editor", PARKCO_EDITOR, on(Resource.SERVICES, Operation.WRITE, CITY), ALLOW),
        row(
            "parkco editor",
            PARKCO_EDITOR,
            on(Resource.SERVICES, Operation.ADMIN, CITY),
            FORBIDDEN),
        row("parkco viewer", PARKCO_VIEWER, read(CITY, PARKING), ALLOW),
        row("parkco viewer", PARKCO_VIEWER, write(CITY, PARKING), FORBIDDEN),
        row("parkco viewer", PARKCO_VIEWER, ingest(CITY, PARKING), FORBIDDEN),
        row("stadtwerke owner", STADTWERKE_OWNER, write(CITY, METER), ALLOW),
        row("stadtwerke owner", STADTWERKE_OWNER, write(CITY, PARKING), FORBIDDEN),
        // Operators run their tenant; the platform operator runs everything.
        row("city operator", CITY_OPERATOR, write(CITY), ALLOW),
        row("city operator", CITY_OPERATOR, read(CITY, INTERNAL), ALLOW),
        row("city operator", CITY_OPERATOR, on(Resource.AUDIT, Operation.READ, CITY), ALLOW),
        row("city operator", CITY_OPERATOR, on(Resource.ACCOUNT, Operation.ADMIN, CITY), ALLOW),
        row("city operator", CITY_OPERATOR, on(Resource.ACCOUNT, Operation.ADMIN, DEMO), FORBIDDEN),
        row("city operator", CITY_OPERATOR, write(DEMO, PARKING), FORBIDDEN),
        row("city operator", CITY_OPERATOR, on(Resource.ACTUATOR, Operation.READ, CITY), FORBIDDEN),
        row("platform", PLATFORM, write(CLOSED), ALLOW),
        row("platform", PLATFORM, on(Resource.ACTUATOR, Operation.READ, DEMO), ALLOW),
        row("platform", PLATFORM, on(Resource.AUDIT, Operation.READ, CLOSED), ALLOW),
        row("platform", PLATFORM, on(Resource.HEALTH, Operation.WRITE, DEMO), FORBIDDEN),
        // A key does what its owner may, within its scope, and only on the APIs.
        row("parkco key", PARKCO_KEY, write(CITY, PARKING), ALLOW),
        row("parkco key", PARKCO_KEY, ingest(CITY, PARKING), ALLOW),
        row("parkco key", PARKCO_KEY, read(CITY, METER), FORBIDDEN),
        row("parkco key", PARKCO_KEY, read(DEMO), FORBIDDEN),
        row("parkco key", PARKCO_KEY, subscribe(CITY, PARKING), FORBIDDEN),
        row("parkco key", PARKCO_KEY, on(Resource.PORTAL, Operation.READ, CITY), FORBIDDEN),
        row("parkco key", PARKCO_KEY, on(Resource.ACCOUNT, Operation.WRITE, CITY), FORBIDDEN),
        row("resident key", RESIDENT_KEY, read(CITY, PARKING), ALLOW),
        row("resident key", RESIDENT_KEY, subscribe(DEMO), ALLOW),
        row("resident key", RESIDENT_KEY, read(CITY, METER), FORBIDDEN),
        row("resident key", RESIDENT_KEY, write(DEMO, PARKING), FORBIDDEN),
        row("operator read key", OPERATOR_READ_KEY, read(CITY, INTERNAL), ALLOW),
        row("operator read key", OPERATOR_READ_KEY, write(CITY, INTERNAL), FORBIDDEN),
        row(
            "operator read key",
            OPERATOR_READ_KEY,
            on(Resource.AUDIT, Operation.ADMIN, CITY),
            FORBIDDEN),
        row(
            "operator read key",
            OPERATOR_READ_KEY,
            on(Resource.ACCOUNTS, Operation.ADMIN, CITY),
            FORBIDDEN),
        row("resident", RESIDENT, on(Resource.ACCOUNTS, Operation.ADMIN, CITY), FORBIDDEN),
        row("anonymous", ANONYMOUS, on(Resource.ACCOUNTS, Operation.ADMIN, CITY), UNAUTHENTICATED),
        row("city operator", CITY_OPERATOR, on(Resource.ACCOUNTS, Operation.ADMIN, CITY), ALLOW),
        row(
            "city operator",
            CITY_OPERATOR,
            on(Resource.ACCOUNTS, Operation.ADMIN, DEMO),
            FORBIDDEN),
        row("platform", PLATFORM, on(Resource.ACCOUNTS, Operation.ADMIN, CLOSED), ALLOW));
  }

  static Arguments row(String who, Actor actor, AccessRequest request, String expected) {
    return Arguments.of(who, actor, request, expected);
  }

  @ParameterizedTest(name = "{0}: {2} -> {3}")
  @MethodSource("table")
  void decides(String who, Actor actor, AccessRequest request, String expected) {
    Decision decision = POLICY.decide(actor, request);

    String outcome =
        switch (decision) {
          case Decision.Allow allow -> ALLOW;
          case Decision.Deny deny ->
              deny.denial() == Denial.UNAUTHENTICATED ? UNAUTHENTICATED : FORBIDDEN;
        };
    assertThat(outcome).as(decision.reason()).isEqualTo(expected);
    assertThat(decision.reason()).isNotBlank();
  }

  static AttributeView viewOf(Actor actor, TenantId tenant) {
    return ((Decision.Allow) POLICY.decide(actor, read(tenant))).view();
  }

  /** Who sees which attribute of a parking spot and which types: level x clearance. */
  static Stream<Arguments> attributes() {
    return Stream.of(
        Arguments.of("anonymous", ANONYMOUS, List.of(NAME), List.of(REVENUE, NOTE)),
        Arguments.of("resident", RESIDENT, List.of(NAME), List.of(REVENUE, NOTE)),
        Arguments.of("provider's member", PARKCO_VIEWER, List.of(NAME, REVENUE, NOTE), List.of()),
        Arguments.of("other partner", STADTWERKE_OWNER, List.of(NAME, NOTE), List.of(REVENUE)),
        Arguments.of("operator", CITY_OPERATOR, List.of(NAME, REVENUE, NOTE), List.of()),
        Arguments.of("provider's key", PARKCO_KEY, List.of(NAME, REVENUE, NOTE), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attributes")
  void showsOnlyTheAttributesAtOrBelowTheActorsClearance(
      String who, Actor actor, List<String> visible, List<String> hidden) {
    AttributeView view = viewOf(actor, CITY);

    assertThat(visible).allMatch(attribute -> view.mayRead(PARKING, attribute));
    assertThat(hidden).noneMatch(attribute -> view.mayRead(PARKING, attribute));
  }

  static Stream<Arguments> typeFilters() {
    return Stream.of(
        Arguments.of(
            "anonymous", ANONYMOUS, new AttributeView.TypeFilter.AllBut(Set.of(METER, INTERNAL))),
        Arguments.of(
            "partner", PARKCO_VIEWER, new AttributeView.TypeFilter.AllBut(Set.of(INTERNAL))),
        Arguments.of("operator", CITY_OPERATOR, new AttributeView.TypeFilter.AllBut(Set.of())),
        Arguments.of(
            "key scoped to one type",
            PARKCO_KEY,
            new AttributeView.TypeFilter.Only(Set.of(PARKING))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typeFilters")
  void narrowsQueriesWithoutTypesToTheVisibleTypes(
      String who, Actor actor, AttributeView.TypeFilter expected) {
    assertThat(viewOf(actor, CITY).typeFilter()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void aViewHidesNothingOnlyWhereTheActorSeesEveryTypeAndAttribute() {
    assertThat(viewOf(CITY_OPERATOR, CITY).hidesNothing()).isTrue();
    assertThat(viewOf(ANONYMOUS, DEMO).hidesNothing()).as("an open tenant").isTrue();
    assertThat(viewOf(ANONYMOUS, CITY).hidesNothing()).isFalse();
    assertThat(viewOf(PARKCO_VIEWER, CITY).hidesNothing()).isFalse();
    assertThat(viewOf(PARKCO_KEY, CITY).hidesNothing()).as("scoped to one type").isFalse();
  }

  @org.junit.jupiter.api.Test
  void aFilterOnAHiddenAttributeLeavesOutTheTypesThatHideIt() {
    assertThat(viewOf(ANONYMOUS, CITY).typesHiding(Set.of(REVENUE))).containsExactly(PARKING);
    assertThat(viewOf(ANONYMOUS, CITY).typesHiding(Set.of(NAME))).isEmpty();
    assertThat(viewOf(STADTWERKE_OWNER, CITY).typesHiding(Set.of(NOTE, REVENUE)))
        .containsExactly(PARKING);
    assertThat(viewOf(PARKCO_VIEWER, CITY).typesHiding(Set.of(REVENUE))).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void anAttributeIsNeverMoreOpenThanItsType() {
    AccessPolicy policy =
        new AccessPolicy(
            Visibility.OPEN.withTenant(
                CITY,
                TenantVisibility.OPEN.withType(
                    METER, TypeVisibility.of(Level.PARTNER).withAttribute(NAME, Level.PUBLIC))));

    AttributeView view = ((Decision.Allow) policy.decide(RESIDENT, read(CITY))).view();

    assertThat(view.mayRead(METER, NAME)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void aTenantWhoseUndeclaredTypesAreClosedShowsAnonymousOnlyItsPublicTypes() {
    TenantVisibility partnersOnly =
        new TenantVisibility(true, Level.PARTNER, java.util.Map.of())
            .withType(PARKING, TypeVisibility.of(Level.PUBLIC));
    AccessPolicy policy = new AccessPolicy(Visibility.OPEN.withTenant(CITY, partnersOnly));

    AttributeView view = ((Decision.Allow) policy.decide(ANONYMOUS, read(CITY))).view();

    assertThat(view.typeFilter()).isEqualTo(new AttributeView.TypeFilter.Only(Set.of(PARKING)));
    assertThat(view.mayRead("https://example.org/Undeclared")).isFalse();
  }
}
