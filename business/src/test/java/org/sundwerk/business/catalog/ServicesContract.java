package org.sundwerk.business.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Money;
import org.sundwerk.business.Text;
import org.sundwerk.business.db.BusinessDatabase;

/** What every backend of the catalog must do; run on SQLite and PostgreSQL. */
abstract class ServicesContract {

  static final TenantId STRALSUND = TenantId.of("stralsund");
  static final TenantId GREIFSWALD = TenantId.of("greifswald");
  static final PartnerId SUNDRAD = new PartnerId("sundrad");
  static final PartnerId PARKHANSE = new PartnerId("parkhanse");
  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private Services services;

  abstract BusinessDatabase database();

  @BeforeEach
  void open() {
    services = new Services(database(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static ServiceDraft draft(String name, String description, Category category) {
    return new ServiceDraft(
        Text.of(name, name + " (en)"),
        Text.of(description, null),
        category,
        Set.of(TargetGroup.RESIDENTS, TargetGroup.TOURISTS),
        Set.of(LifeSituation.MOBILITY_AND_TRAVEL),
        Optional.empty(),
        Optional.empty(),
        Set.of(Season.SUMMER),
        Set.of(Channel.WEB, Channel.APP),
        List.of("urn:ngsi-ld:BikeHireDockingStation:stralsund:hauptbahnhof"),
        List.of(
            new LiveBinding("BikeHireDockingStation", Optional.empty()),
            new LiveBinding("OffStreetParking", Optional.of("availableSpotNumber>10"))));
  }

  private Service add(String id, PartnerId provider, ServiceDraft draft) {
    return services.create(STRALSUND, new ServiceId(id), provider, draft, "account-1");
  }

  private List<String> ids(ServiceQuery query) {
    return services.search(STRALSUND, query).services().stream()
        .map(service -> service.id().value())
        .toList();
  }

  @Test
  void keepsEverythingAPartnerWrote() {
    ServiceDraft draft =
        new ServiceDraft(
            new Text(
                "Online-Rathaus", Optional.of("Online town hall"), Optional.of("Ämter im Netz.")),
            Text.of("Anträge stellen, Termine buchen.", "Apply, book appointments."),
            Category.ADMINISTRATION,
            Set.of(TargetGroup.RESIDENTS, TargetGroup.BUSINESSES),
            Set.of(LifeSituation.CITIZEN_SERVICES, LifeSituation.HOUSING_AND_MOVING),
            Optional.of("99115001000000"),
            Optional.of(URI.create("https://service.stralsund.de/")),
            Set.of(Season.ALL_YEAR),
            Set.of(Channel.WEB),
            List.of(),
            List.of());

    Service created = add("online-rathaus", new PartnerId("hansestadt-stralsund"), draft);

    assertThat(created.draft()).isEqualTo(draft);
    assertThat(created.stage()).isEqualTo(Stage.IDEA);
    assertThat(created.published()).isFalse();
    assertThat(created.history())
        .containsExactly(
            new StageChange(Optional.empty(), Stage.IDEA, NOW, "account-1", "submitted"));
    assertThat(services.find(STRALSUND, new ServiceId("online-rathaus"))).contains(created);
    assertThat(services.find(GREIFSWALD, new ServiceId("online-rathaus"))).isEmpty();
  }

  @Test
  void refusesASecondServiceWithTheSameIdInATenant() {
    add("fahrradverleih", SUNDRAD, draft("Sundrad", "Räder", Category.MOBILITY));

    assertThatThrownBy(() -> add("fahrradverleih", SUNDRAD, draft("B", "C", Category.MOBILITY)))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
    services.create(
        GREIFSWALD,
        new ServiceId("fahrradverleih"),
        SUNDRAD,
        draft("B", "C", Category.MOBILITY),
        "a");
  }

  @Test
  void editsKeepStageAndApproval() {
    add("fahrradverleih", SUNDRAD, draft("Sundrad", "Mieträder für Gäste", Category.MOBILITY));
    services.approve(STRALSUND, new ServiceId("fahrradverleih"));
    services.move(STRALSUND, new ServiceId("fahrradverleih"), Stage.PILOT, "op", "Test im Sommer");

    Service edited =
        services.edit(
            STRALSUND,
            new ServiceId("fahrradverleih"),
            draft("Sundrad Fahrradverleih", "Lastenräder am Hafen", Category.MOBILITY));

    assertThat(edited.draft().name().de()).isEqualTo("Sundrad Fahrradverleih");
    assertThat(edited.published()).isTrue();
    assertThat(edited.stage()).isEqualTo(Stage.PILOT);
    assertThat(ids(ServiceQuery.published().withText("hafen"))).containsExactly("fahrradverleih");
    assertThat(ids(ServiceQuery.published().withText("gäste"))).isEmpty();
  }

  @Test
  void editingAMissingServiceIsNotFound() {
    assertThatThrownBy(
            () -> services.edit(STRALSUND, new ServiceId("nix"), draft("A", "B", Category.DATA)))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.NOT_FOUND));
  }

  @Test
  void stagesMoveForwardOnlyWithHistory() {
    ServiceId id =
        add("parkleitsystem", PARKHANSE, draft("Parkleitsystem", "P", Category.PARKING)).id();

    services.move(STRALSUND, id, Stage.PILOT, "op-1", "Sensoren in zwei Parkhäusern");
    Service live = services.move(STRALSUND, id, Stage.LIVE, "op-2", "Pilot erfolgreich");

    assertThat(live.stage()).isEqualTo(Stage.LIVE);
    assertThat(live.history())
        .extracting(StageChange::to, StageChange::decidedBy, StageChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Stage.IDEA, "account-1", "submitted"),
            org.assertj.core.groups.Tuple.tuple(
                Stage.PILOT, "op-1", "Sensoren in zwei Parkhäusern"),
            org.assertj.core.groups.Tuple.tuple(Stage.LIVE, "op-2", "Pilot erfolgreich"));
    assertThat(live.history().get(2).from()).contains(Stage.PILOT);
    assertThatThrownBy(() -> services.move(STRALSUND, id, Stage.PILOT, "op", "zurück"))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
    services.move(STRALSUND, id, Stage.RETIRED, "op", "ersetzt");
    assertThatThrownBy(() -> services.move(STRALSUND, id, Stage.RETIRED, "op", "nochmal"))
        .isInstanceOf(BusinessProblem.class);
    assertThatThrownBy(() -> services.move(STRALSUND, id, Stage.RETIRED, "op", " "))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.INVALID));
  }

  @Test
  void onlyApprovedServicesArePublicAndApprovalIsOnce() {
    add("parkleitsystem", PARKHANSE, draft("Parkleitsystem", "Freie Plätze", Category.PARKING));
    add("fahrradverleih", SUNDRAD, draft("Fahrradverleih", "Räder", Category.MOBILITY));

    services.approve(STRALSUND, new ServiceId("fahrradverleih"));

    assertThat(ids(ServiceQuery.published())).containsExactly("fahrradverleih");
    assertThat(ids(ServiceQuery.published().includingUnpublished()))
        .containsExactly("fahrradverleih", "parkleitsystem");
    assertThatThrownBy(() -> services.approve(STRALSUND, new ServiceId("fahrradverleih")))
        .isInstanceOfSatisfying(
            BusinessProblem.class,
            e -> assertThat(e.kind()).isEqualTo(BusinessProblem.Kind.CONFLICT));
  }

  @Test
  void findsPartsOfCompoundWordsInNameAndDescription() {
    add(
        "fahrradverleih",
        SUNDRAD,
        draft("Sundrad Fahrradverleih", "Räder leihen", Category.MOBILITY));
    add(
        "parkleitsystem",
        PARKHANSE,
        draft("Parkleitsystem", "Freie Stellplätze im Parkhaus", Category.PARKING));
    add(
        "badewasser",
        PARKHANSE,
        draft("Badewasserqualität", "Strandbad Stralsund", Category.ENVIRONMENT));
    for (String id : List.of("fahrradverleih", "parkleitsystem", "badewasser")) {
      services.approve(STRALSUND, new ServiceId(id));
    }

    assertThat(ids(ServiceQuery.published().withText("verleih"))).containsExactly("fahrradverleih");
    assertThat(ids(ServiceQuery.published().withText("stellplätze")))
        .containsExactly("parkleitsystem");
    assertThat(ids(ServiceQuery.published().withText("STELLPLAETZE")))
        .containsExactly("parkleitsystem");
    assertThat(ids(ServiceQuery.published().withText("wasserqualität strand")))
        .containsExactly("badewasser");
    assertThat(ids(ServiceQuery.published().withText("park freie")))
        .containsExactly("parkleitsystem");
    assertThat(ids(ServiceQuery.published().withText("zzzqqq"))).isEmpty();
    assertThat(ids(ServiceQuery.published().withText("\" OR 1=1; --"))).isEmpty();
  }

  @Test
  void namesHoldingTheFirstWordComeFirst() {
    add(
        "a-karte",
        SUNDRAD,
        draft("Stadtkarte", "Jedes Parkhaus auf einer Karte", Category.TOURISM));
    add("b-park", PARKHANSE, draft("Parkhausbelegung", "Belegung als Daten", Category.DATA));
    services.approve(STRALSUND, new ServiceId("a-karte"));
    services.approve(STRALSUND, new ServiceId("b-park"));

    assertThat(ids(ServiceQuery.published().withText("parkhaus")))
        .containsExactly("b-park", "a-karte");
  }

  @Test
  void filtersCombineAndPage() {
    ServiceDraft winter =
        new ServiceDraft(
            Text.of("Weihnachtsmarkt", null),
            Text.of("Buden am Alten Markt", null),
            Category.CULTURE,
            Set.of(TargetGroup.FAMILIES),
            Set.of(LifeSituation.LEISURE_AND_VISIT),
            Optional.empty(),
            Optional.empty(),
            Set.of(Season.WINTER),
            Set.of(Channel.ON_SITE),
            List.of(),
            List.of());
    add("weihnachtsmarkt", new PartnerId("hafenkultur"), winter);
    add("fahrradverleih", SUNDRAD, draft("Fahrradverleih", "Räder", Category.MOBILITY));
    add("parkleitsystem", PARKHANSE, draft("Parkleitsystem", "Parken", Category.PARKING));
    services.move(STRALSUND, new ServiceId("parkleitsystem"), Stage.LIVE, "op", "läuft");
    ServiceQuery all = ServiceQuery.published().includingUnpublished();

    assertThat(ids(filter(all, TargetGroup.FAMILIES, null, null, null, null)))
        .containsExactly("weihnachtsmarkt");
    assertThat(ids(filter(all, TargetGroup.TOURISTS, Season.SUMMER, null, null, null)))
        .containsExactly("fahrradverleih", "parkleitsystem");
    assertThat(ids(filter(all, null, Season.WINTER, LifeSituation.MOBILITY_AND_TRAVEL, null, null)))
        .isEmpty();
    assertThat(
            ids(filter(all, null, null, LifeSituation.MOBILITY_AND_TRAVEL, Category.PARKING, null)))
        .containsExactly("parkleitsystem");
    assertThat(ids(filter(all, null, null, null, null, Stage.IDEA)))
        .containsExactly("fahrradverleih", "weihnachtsmarkt");
    assertThat(ids(all.withProvider(SUNDRAD))).containsExactly("fahrradverleih");

    ServicePage second = services.search(STRALSUND, all.withPage(2, 2));
    assertThat(second.total()).isEqualTo(3);
    assertThat(second.services())
        .extracting(s -> s.id().value())
        .containsExactly("weihnachtsmarkt");
    assertThat(services.search(STRALSUND, all.withPage(2, 4)).services()).isEmpty();
    assertThat(services.search(GREIFSWALD, all).total()).isZero();
  }

  private static ServiceQuery filter(
      ServiceQuery base,
      TargetGroup group,
      Season season,
      LifeSituation situation,
      Category category,
      Stage stage) {
    return new ServiceQuery(
        base.text(),
        Optional.ofNullable(group),
        Optional.ofNullable(season),
        Optional.ofNullable(situation),
        Optional.ofNullable(category),
        Optional.ofNullable(stage),
        base.provider(),
        base.publishedOnly(),
        base.limit(),
        base.offset());
  }

  @Test
  void keepsTheCanvasAndReplacesItWhole() {
    ServiceId id =
        add("fahrradverleih", SUNDRAD, draft("Fahrradverleih", "R", Category.MOBILITY)).id();
    assertThat(services.canvas(STRALSUND, id)).isEqualTo(Canvas.empty());

    Canvas canvas =
        new Canvas(
            Map.of(
                CanvasBlock.VALUE_PROPOSITION, "Ein Rad in fünf Minuten",
                CanvasBlock.KEY_PARTNERS, "Stadtwerke, Tourismusverein"),
            new Figures(Money.euros("24000"), Money.euros("1850.50"), 900, Money.euros("3.90")));
    assertThat(services.saveCanvas(STRALSUND, id, canvas)).isEqualTo(canvas);

    Canvas smaller = new Canvas(Map.of(CanvasBlock.CHANNELS, "App"), Figures.none());
    services.saveCanvas(STRALSUND, id, smaller);
    assertThat(services.canvas(STRALSUND, id)).isEqualTo(smaller);
    assertThatThrownBy(() -> services.canvas(STRALSUND, new ServiceId("nix")))
        .isInstanceOf(BusinessProblem.class);
  }
}
