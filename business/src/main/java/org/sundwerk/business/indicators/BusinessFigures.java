package org.sundwerk.business.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.catalog.Category;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServicePage;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;
import org.sundwerk.business.catalog.TargetGroup;
import org.sundwerk.business.metering.UsageLedger;
import org.sundwerk.business.metering.UsageTotal;
import org.sundwerk.business.offer.BusinessModel;
import org.sundwerk.business.offer.Offer;
import org.sundwerk.business.offer.Offers;
import org.sundwerk.business.partner.PartnerStatus;
import org.sundwerk.business.partner.Partners;

/**
 * The figures the business layer knows: live services of the catalog per area ({@code
 * services.live.<AREA>}), the shares of published services in English and in Leichte Sprache and
 * those linked to a LeiKa key ({@code catalog.*}), active partners, published offers and data
 * products, and this month's metered API calls.
 */
public final class BusinessFigures implements IndicatorSource {

  /** Which catalog categories count for an area; education counts services for families. */
  static final Map<Area, Set<Category>> CATEGORIES =
      Map.of(
          Area.MOBILITY, EnumSet.of(Category.MOBILITY, Category.PARKING),
          Area.ENERGY_ENVIRONMENT,
              EnumSet.of(Category.ENVIRONMENT, Category.ENERGY, Category.WASTE),
          Area.TOURISM, EnumSet.of(Category.TOURISM, Category.CULTURE),
          Area.HEALTH, EnumSet.of(Category.SOCIAL),
          Area.ADMINISTRATION, EnumSet.of(Category.ADMINISTRATION),
          Area.DIGITAL_INFRASTRUCTURE, EnumSet.of(Category.DATA));

  private final Services services;
  private final Partners partners;
  private final Offers offers;
  private final UsageLedger usage;
  private final Clock clock;

  public BusinessFigures(
      Services services, Partners partners, Offers offers, UsageLedger usage, Clock clock) {
    this.services = Objects.requireNonNull(services, "services");
    this.partners = Objects.requireNonNull(partners, "partners");
    this.offers = Objects.requireNonNull(offers, "offers");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Map<String, Measurement> measure(TenantId tenant) {
    String api = "GET /api/v1/" + tenant.name();
    String portal = "/dienste?tenant=" + tenant.name();
    Map<String, Measurement> figures = new HashMap<>();
    for (Map.Entry<Area, Set<Category>> area : CATEGORIES.entrySet()) {
      long live = 0;
      for (Category category : area.getValue()) {
        live += liveCount(tenant, Optional.of(category), Optional.empty());
      }
      String categories = String.join(",", area.getValue().stream().map(Enum::name).toList());
      figures.put(
          "services.live." + area.getKey().name(),
          Measurement.of(
              live,
              portal + "&category=" + categories,
              api + "/services?stage=LIVE&category=" + categories));
    }
    figures.put(
        "services.live.EDUCATION",
        Measurement.of(
            liveCount(tenant, Optional.empty(), Optional.of(TargetGroup.FAMILIES)),
            portal + "&targetGroup=FAMILIES",
            api + "/services?stage=LIVE&targetGroup=FAMILIES"));

    List<Service> published = allPublished(tenant);
    figures.put(
        "catalog.english.share",
        share(published, s -> s.draft().description().en().isPresent(), portal, api + "/services"));
    figures.put(
        "catalog.easy-language.share",
        share(
            published,
            s -> s.draft().description().easyGerman().isPresent(),
            portal,
            api + "/services"));
    figures.put(
        "catalog.leika.linked",
        Measurement.of(
            published.stream().filter(s -> s.draft().leikaKey().isPresent()).count(),
            portal,
            api + "/services"));

    figures.put(
        "partners.active",
        Measurement.of(
            partners.list(tenant, Optional.of(PartnerStatus.ACTIVE)).size(),
            portal,
            api + "/partners?status=ACTIVE"));
    List<Offer> publishedOffers = offers.list(tenant, Offers.Filter.published());
    figures.put(
        "offers.published", Measurement.of(publishedOffers.size(), portal, api + "/offers"));
    figures.put(
        "offers.data-products",
        Measurement.of(
            publishedOffers.stream().filter(o -> o.dataProduct().isPresent()).count(),
            portal,
            api + "/offers"));
    long calls =
        usage.totals(tenant, UsageLedger.periodOf(clock.instant())).stream()
            .filter(total -> total.unit() == BusinessModel.Unit.API_CALL)
            .mapToLong(UsageTotal::quantity)
            .sum();
    figures.put(
        "metering.api.calls",
        Measurement.of(calls, "/indikatoren?tenant=" + tenant.name(), api + "/usage"));
    return figures;
  }

  private long liveCount(
      TenantId tenant, Optional<Category> category, Optional<TargetGroup> targetGroup) {
    ServicePage page =
        services.search(
            tenant,
            new ServiceQuery(
                "",
                targetGroup,
                Optional.empty(),
                Optional.empty(),
                category,
                Optional.of(Stage.LIVE),
                Optional.empty(),
                true,
                1,
                0));
    return page.total();
  }

  private List<Service> allPublished(TenantId tenant) {
    List<Service> all = new java.util.ArrayList<>();
    for (int offset = 0; ; offset += ServiceQuery.MAX_LIMIT) {
      ServicePage page =
          services.search(
              tenant,
              new ServiceQuery(
                  "",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  true,
                  ServiceQuery.MAX_LIMIT,
                  offset));
      all.addAll(page.services());
      if (page.services().size() < ServiceQuery.MAX_LIMIT) {
        return all;
      }
    }
  }

  private static Measurement share(
      List<Service> services, Predicate<Service> counted, String evidence, String query) {
    if (services.isEmpty()) {
      return new Measurement(BigDecimal.ZERO, evidence, query);
    }
    long hits = services.stream().filter(counted).count();
    return new Measurement(
        BigDecimal.valueOf(hits * 100)
            .divide(BigDecimal.valueOf(services.size()), 1, RoundingMode.HALF_UP),
        evidence,
        query);
  }
}
