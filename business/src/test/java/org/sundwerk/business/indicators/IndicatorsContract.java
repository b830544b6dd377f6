package org.sundwerk.business.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Channel;
import org.sundwerk.business.catalog.LifeSituation;
import org.sundwerk.business.catalog.Season;
import org.sundwerk.business.catalog.ServiceDraft;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import org.sundwerk.business.catalog.TargetGroup;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.metering.UsageLedger;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.offer.TestClock;
import org.sundwerk.business.partner.Partners;

/**
 * The contract of {@link Indicators} with the business layer's own figures ({@link
 * BusinessFigures}) over real catalog, partner, offer and usage tables, run on SQLite and
 * PostgreSQL by the subclasses.
 */
abstract class IndicatorsContract {

  static final TenantId CITY = TenantId.of("stralsund");
  static final PartnerId CITY_OFFICE = new PartnerId("hansestadt");
  static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
  static final String EVIDENCE = "https://service.stralsund.example/leistungen";

  final TestClock clock = new TestClock(START);
  Services services;
  Indicators indicators;

  /** A data-layer figure the test sets, standing for the port the app implements. */
  final Map<String, Measurement> dataLayer = new HashMap<>();

  abstract BusinessDatabase database();

  @BeforeEach
  void open() {
    BusinessDatabase database = database();
    services = new Services(database, clock);
    BusinessFigures business =
        new BusinessFigures(
            services,
            Partners.open(database, clock),
            new Offers(database, clock),
            new UsageLedger(database, clock),
            clock);
    indicators =
        new Indicators(database, clock, List.of(business, tenant -> Map.copyOf(dataLayer)));
  }

  static ServiceDraft draft(String name, Category category) {
    return new ServiceDraft(
        Text.of(name, name + " (en)"),
        Text.of("Beschreibung von " + name, "About " + name),
        category,
        Set.of(TargetGroup.RESIDENTS),
        Set.of(LifeSituation.MOBILITY_AND_TRAVEL),
        Optional.empty(),
        Optional.empty(),
        Set.of(Season.SUMMER),
        Set.of(Channel.WEB),
        List.of(),
        List.of());
  }

  void addLive(String id, Category category) {
    services.create(CITY, new ServiceId(id), CITY_OFFICE, draft(id, category), "operator");
    services.approve(CITY, new ServiceId(id));
    services.move(CITY, new ServiceId(id), Stage.LIVE, "operator", "launched");
  }

  static Set<String> keys(List<IndicatorValue> values) {
    return values.stream().map(IndicatorValue::indicator).collect(Collectors.toSet());
  }

  @Test
  void everyTenantStartsWithTheDefaultCatalogueOverAllAreas() {
    List<Indicator> catalogue = indicators.catalogue(CITY);

    assertThat(catalogue).hasSizeBetween(40, 60);
    assertThat(catalogue.stream().map(Indicator::area).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Area.values());
    assertThat(catalogue.stream().flatMap(i -> i.bitkom().stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(BitkomArea.values());
    assertThat(catalogue.stream().map(Indicator::key).distinct()).hasSize(catalogue.size());
    assertThat(catalogue).isEqualTo(DefaultIndicators.all());
    assertThat(indicators.catalogue(TenantId.of("grimmen"))).isEqualTo(catalogue);
  }

  @Test
  void aNewLiveServiceChangesItsAreaAndNothingElse() {
    addLive("hafenfuehrung", Category.TOURISM);
    List<IndicatorValue> first = indicators.recompute(CITY);
    assertThat(keys(first))
        .contains("tourism-live-services", "mobility-live-services", "economy-partners");
    assertThat(indicators.recompute(CITY)).as("nothing changed, nothing appended").isEmpty();

    clock.advance(Duration.ofDays(2));
    addLive("radverleih", Category.MOBILITY);
    List<IndicatorValue> second = indicators.recompute(CITY);

    assertThat(second).hasSize(1);
    IndicatorValue value = second.getFirst();
    assertThat(value.indicator()).isEqualTo("mobility-live-services");
    assertThat(value.value()).isEqualByComparingTo("1");
    assertThat(value.at()).isEqualTo(clock.instant());
    assertThat(value.query())
        .contains("GET /api/v1/stralsund/services?stage=LIVE&category=MOBILITY,PARKING");
    assertThat(value.evidence()).startsWith("/dienste?tenant=stralsund");
    assertThat(indicators.standings(CITY).history("mobility-live-services"))
        .extracting(v -> v.value().intValue())
        .containsExactly(0, 1);
  }

  @Test
  void dataLayerFiguresComeThroughTheirSource() {
    dataLayer.put(
        "platform.sensors.connected",
        Measurement.of(42, "/karte", "GET /ngsi-ld/v1/entities?type=Device"));
    assertThat(keys(indicators.recompute(CITY))).contains("infra-sensors");

    dataLayer.put(
        "platform.sensors.connected",
        Measurement.of(43, "/karte", "GET /ngsi-ld/v1/entities?type=Device"));
    assertThat(indicators.recompute(CITY))
        .singleElement()
        .satisfies(v -> assertThat(v.indicator()).isEqualTo("infra-sensors"));
  }

  @Test
  void aFailingSourceLeavesItsIndicatorsAtTheirLastValue() {
    Indicators broken =
        new Indicators(
            database(),
            clock,
            List.of(
                tenant -> {
                  throw new IllegalStateException("sensor registry down");
                }));

    assertThat(broken.recompute(CITY)).isEmpty();
  }

  @Test
  void operatorsRecordWhatThePlatformCannotKnowWithEvidence() {
    IndicatorValue value =
        indicators.record(
            CITY, "admin-online-services", new BigDecimal("150"), EVIDENCE, "operator");

    assertThat(value.recordedBy()).contains("operator");
    assertThat(indicators.standings(CITY).valueAt("admin-online-services", clock.instant()))
        .contains(value);
    assertThatThrownBy(
            () -> indicators.record(CITY, "infra-sensors", BigDecimal.TEN, EVIDENCE, "operator"))
        .isInstanceOf(BusinessProblem.class)
        .hasMessageContaining("computes");
    for (String bad : List.of("javascript:alert(1)", "/relative", "ftp://x.example/y", "no url")) {
      assertThatThrownBy(
              () -> indicators.record(CITY, "admin-online-services", BigDecimal.ONE, bad, "op"))
          .isInstanceOf(BusinessProblem.class);
    }
    assertThatThrownBy(() -> indicators.record(CITY, "no-such", BigDecimal.ONE, EVIDENCE, "op"))
        .isInstanceOf(BusinessProblem.class);
  }

  @Test
  void scoresScaleBetweenBoundsAndCompareWithTheYearBefore() {
    indicators.record(CITY, "admin-online-services", new BigDecimal("115"), EVIDENCE, "op");
    indicators.record(CITY, "admin-e-payment", BigDecimal.ZERO, EVIDENCE, "op");
    clock.advance(Duration.ofDays(400));
    indicators.record(CITY, "admin-online-services", new BigDecimal("287.5"), EVIDENCE, "op");
    indicators.record(CITY, "admin-e-payment", BigDecimal.ONE, EVIDENCE, "op");

    AreaStanding administration =
        indicators.standings(CITY).areas(clock.instant()).stream()
            .filter(a -> a.area() == Area.ADMINISTRATION)
            .findFirst()
            .orElseThrow();

    // 287.5 of 575 is 50, e-payment 100: mean 75; a year before 115 of 575 is 20 and 0: mean 10
    assertThat(administration.score().getAsDouble()).isEqualTo(75.0);
    assertThat(administration.yearBefore().getAsDouble()).isEqualTo(10.0);
    assertThat(administration.measured()).isEqualTo(2);
    assertThat(administration.indicators()).isEqualTo(5);
    assertThat(
            indicators.standings(CITY).areas(clock.instant()).stream()
                .filter(a -> a.area() == Area.HEALTH)
                .findFirst()
                .orElseThrow()
                .score())
        .isEmpty();
  }

  @Test
  void lowerIsBetterScalesTheOtherWay() {
    Indicator days = indicators.get(CITY, "quarters-days-to-close");

    assertThat(days.scale(new BigDecimal("60"))).isEqualTo(0.0);
    assertThat(days.scale(new BigDecimal("1"))).isEqualTo(100.0);
    assertThat(days.scale(new BigDecimal("0.5"))).isEqualTo(100.0);
    assertThat(days.scale(new BigDecimal("30.5"))).isEqualTo(50.0);
  }

  @Test
  void editingADefinitionKeepsItsValues() {
    indicators.record(CITY, "infra-public-wifi", new BigDecimal("12"), EVIDENCE, "op");
    Indicator wifi = indicators.get(CITY, "infra-public-wifi");

    Indicator edited =
        indicators.edit(
            CITY,
            new Indicator(
                wifi.key(),
                wifi.area(),
                wifi.bitkom(),
                Text.of("WLAN-Hotspots der Stadtwerke", "Public Wi-Fi by the Stadtwerke"),
                wifi.definition(),
                wifi.unit(),
                wifi.direction(),
                "Stadtwerke Stralsund",
                wifi.metric(),
                BigDecimal.ZERO,
                new BigDecimal("24")));

    assertThat(edited.name().de()).isEqualTo("WLAN-Hotspots der Stadtwerke");
    assertThat(edited.scale(new BigDecimal("12"))).isEqualTo(50.0);
    assertThat(indicators.standings(CITY).history("infra-public-wifi")).hasSize(1);
    assertThat(indicators.catalogue(CITY).indexOf(edited))
        .isEqualTo(
            DefaultIndicators.all().stream()
                .map(Indicator::key)
                .toList()
                .indexOf("infra-public-wifi"));
  }

  @Test
  void theTrendGivesTheAreaScoreAtEachMonthEnd() {
    indicators.record(CITY, "mobility-mobile-parking", BigDecimal.ZERO, EVIDENCE, "op");
    clock.advance(Duration.ofDays(31));
    indicators.record(CITY, "mobility-mobile-parking", BigDecimal.ONE, EVIDENCE, "op");

    var trend = indicators.standings(CITY).trend(Area.MOBILITY, clock.instant(), 3);

    assertThat(trend.values().stream().map(s -> s.isPresent() ? s.getAsDouble() : -1).toList())
        .containsExactly(-1.0, 0.0, 100.0);
  }

  @Test
  void defaultsKnowEveryMetricTheBusinessLayerMeasures() {
    Set<String> measured =
        new BusinessFigures(
                services,
                Partners.open(database(), clock),
                new Offers(database(), clock),
                new UsageLedger(database(), clock),
                clock)
            .measure(CITY)
            .keySet();
    Set<String> used =
        DefaultIndicators.all().stream()
            .flatMap(i -> i.metric().stream())
            .collect(Collectors.toSet());

    assertThat(used).containsAll(measured);
  }
}
