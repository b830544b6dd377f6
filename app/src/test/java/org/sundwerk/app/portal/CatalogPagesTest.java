package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.TenantId;
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

/**
 * The public catalog pages: {@code /dienste} searches and filters published services with a plain
 * GET form, {@code /dienste/{id}} shows one with its Leichte Sprache text; unpublished services are
 * not found; the navigation links to the catalog.
 */
class CatalogPagesTest extends PortalTest {

  @Autowired Services services;

  String tenant;

  @BeforeEach
  void catalog() {
    tenant = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    add(
        "sundrad-verleih",
        "sundrad",
        new ServiceDraft(
            new Text("Sundrad Fahrradverleih", Optional.of("Sundrad bike hire"), Optional.empty()),
            new Text(
                "Räder und Lastenräder am Hauptbahnhof.",
                Optional.of("Bikes and cargo bikes at the main station."),
                Optional.of("Hier können Sie ein Fahrrad leihen.")),
            Category.MOBILITY,
            Set.of(TargetGroup.TOURISTS),
            Set.of(LifeSituation.MOBILITY_AND_TRAVEL),
            Optional.empty(),
            Optional.empty(),
            Set.of(Season.SUMMER),
            Set.of(Channel.APP),
            List.of(),
            List.of()),
        true);
    add(
        "seniorenshuttle",
        "nachbarschaftshilfe-knieper",
        new ServiceDraft(
            Text.of("Seniorenshuttle Knieper", "Senior shuttle Knieper"),
            Text.of("Fahrten zum Arzt.", "Rides to the doctor."),
            Category.SOCIAL,
            Set.of(TargetGroup.SENIORS),
            Set.of(LifeSituation.AGE_AND_CARE),
            Optional.empty(),
            Optional.empty(),
            Set.of(Season.ALL_YEAR),
            Set.of(Channel.ON_SITE),
            List.of(),
            List.of()),
        true);
    add(
        "geheimprojekt",
        "sundrad",
        new ServiceDraft(
            Text.of("Geheimes Fahrradprojekt", null),
            Text.of("Noch nicht freigegeben.", null),
            Category.MOBILITY,
            Set.of(TargetGroup.TOURISTS),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Set.of(Season.SUMMER),
            Set.of(),
            List.of(),
            List.of()),
        false);
  }

  private void add(String id, String provider, ServiceDraft draft, boolean published) {
    TenantId t = TenantId.of(tenant);
    services.create(t, new ServiceId(id), new PartnerId(provider), draft, "test");
    services.move(t, new ServiceId(id), Stage.LIVE, "test", "läuft");
    if (published) {
      services.approve(t, new ServiceId(id));
    }
  }

  @Test
  void listsPublishedServicesAndFiltersThemWithAPlainForm() {
    Visitor visitor = visitor();

    Visitor.Page all = visitor.get("/dienste?tenant=" + tenant);
    Visitor.Page seniors = visitor.get("/dienste?tenant=" + tenant + "&targetGroup=seniors&q=");
    Visitor.Page searched = visitor.get("/dienste?tenant=" + tenant + "&q=lastenr");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body())
        .contains("2 Dienste gefunden.", "Sundrad Fahrradverleih", "Seniorenshuttle Knieper")
        .contains("In Betrieb", "id=\"nav-catalog\"")
        .doesNotContain("Geheimes Fahrradprojekt");
    assertThat(seniors.body())
        .contains("1 Dienst gefunden.", "Seniorenshuttle Knieper")
        .doesNotContain("Sundrad Fahrradverleih");
    assertThat(searched.body()).contains("1 Dienst gefunden.", "Sundrad Fahrradverleih");
  }

  @Test
  void showsAServiceInGermanEnglishAndLeichteSprache() {
    Visitor visitor = visitor();

    Visitor.Page german = visitor.get("/dienste/sundrad-verleih?tenant=" + tenant);
    Visitor.Page easy = visitor.get("/dienste/sundrad-verleih?tenant=" + tenant + "&easy=true");
    Visitor.Page english = visitor.get("/dienste/sundrad-verleih?tenant=" + tenant + "&lang=en");

    assertThat(german.status()).isEqualTo(200);
    assertThat(german.body())
        .contains("Räder und Lastenräder am Hauptbahnhof.", "In Leichter Sprache lesen")
        .contains("Angebote und Preise", "/dienste/sundrad-verleih/angebote");
    assertThat(easy.body()).contains("Hier können Sie ein Fahrrad leihen.");
    assertThat(english.body()).contains("Sundrad bike hire", "Bikes and cargo bikes");
  }

  @Test
  void anUnpublishedServiceIsNotFound() {
    Visitor.Page missing = visitor().get("/dienste/geheimprojekt?tenant=" + tenant);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("Dienst nicht gefunden").doesNotContain("Geheimes");
  }
}
