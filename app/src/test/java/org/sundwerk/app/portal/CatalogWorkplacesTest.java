package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.access.TenantId;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.business.catalog.ServiceId;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.business.catalog.Stage;

/**
 * The catalog workplaces: a partner member submits a service and designs its canvas with a
 * projection at {@code /werkstatt/dienste}; an operator approves it, moves its lifecycle with a
 * reason and compares canvases at {@code /betrieb/dienste}; others are refused.
 */
class CatalogWorkplacesTest extends PortalTest {

  private static final Pattern EXISTING = Pattern.compile("exists: ([^\"\\s]+)");

  @Autowired Services services;

  String tenant;

  @BeforeEach
  void tenant() {
    tenant = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void aPartnerSubmitsAServiceAndDesignsItsCanvasAndAnOperatorApprovesAndMovesIt() {
    Visitor partner =
        signedIn(
            "{\"kind\": \"member\", \"tenant\": \""
                + tenant
                + "\", \"partner\": \"sundrad\", \"role\": \"editor\"}");
    String list = "/werkstatt/dienste?tenant=" + tenant;
    assertThat(partner.get(list).body()).contains("Dienste von sundrad", "Noch keine Dienste");

    Visitor.Page created =
        partner.submitOn(
            "/werkstatt/dienste/neu?tenant=" + tenant,
            "/werkstatt/dienste?tenant=" + tenant,
            "id",
            "lastenrad-teilen",
            "nameDe",
            "Lastenrad teilen",
            "nameEn",
            "Cargo bike sharing",
            "descriptionDe",
            "Zwei Lastenräder für Knieper.",
            "descriptionEasy",
            "Sie können ein Lasten-Rad leihen.",
            "category",
            "mobility",
            "targetGroups",
            "families",
            "seasons",
            "summer",
            "channels",
            "app",
            "liveData",
            "BikeHireDockingStation");
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(partner.get(list).body()).contains("Lastenrad teilen", "noch nicht freigegeben");

    String canvas = "/werkstatt/dienste/lastenrad-teilen/canvas?tenant=" + tenant;
    Visitor.Page saved =
        partner.submitOn(
            canvas,
            canvas,
            "valueProposition",
            "Ein Lastenrad, ohne eines zu kaufen",
            "oneOffCosts",
            "9000",
            "monthlyCosts",
            "240",
            "usersPerMonth",
            "60",
            "pricePerUser",
            "6,00");
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body())
        .contains("Gespeichert und neu berechnet.", "Gewinnschwelle")
        .contains("nicht innerhalb von 36 Monaten", "Ein Lastenrad, ohne eines zu kaufen");

    Visitor operator = signedIn("{\"kind\": \"operator\", \"tenant\": \"" + tenant + "\"}");
    String board = "/betrieb/dienste?tenant=" + tenant;
    assertThat(operator.get(board).body()).contains("Lastenrad teilen", "nicht freigegeben");
    assertThat(
            operator
                .submitOn(board, "/betrieb/dienste/lastenrad-teilen/freigeben?tenant=" + tenant)
                .status())
        .isEqualTo(302);
    assertThat(
            operator
                .submitOn(
                    board,
                    "/betrieb/dienste/lastenrad-teilen/phase?tenant=" + tenant,
                    "stage",
                    "pilot",
                    "reason",
                    "Pilot im Sommer")
                .status())
        .isEqualTo(302);
    var moved = services.find(TenantId.of(tenant), new ServiceId("lastenrad-teilen")).orElseThrow();
    assertThat(moved.published()).isTrue();
    assertThat(moved.stage()).isEqualTo(Stage.PILOT);
    assertThat(moved.history().getLast().reason()).isEqualTo("Pilot im Sommer");
    assertThat(
            operator
                .get("/betrieb/dienste/vergleich?tenant=" + tenant + "&service=lastenrad-teilen")
                .body())
        .contains("Lastenrad teilen", "nicht innerhalb von 36 Monaten");

    assertThat(partner.get(board).status()).isEqualTo(403);
    assertThat(visitor().get(list).status()).isEqualTo(302);
  }

  @Test
  void aMemberOfAnotherPartnerCannotEditTheService() {
    Visitor sundrad =
        signedIn(
            "{\"kind\": \"member\", \"tenant\": \""
                + tenant
                + "\", \"partner\": \"sundrad\", \"role\": \"editor\"}");
    sundrad.submitOn(
        "/werkstatt/dienste/neu?tenant=" + tenant,
        "/werkstatt/dienste?tenant=" + tenant,
        "id",
        "rad",
        "nameDe",
        "Rad",
        "descriptionDe",
        "Räder.",
        "category",
        "mobility",
        "targetGroups",
        "tourists",
        "seasons",
        "summer");
    Visitor parkhanse =
        signedIn(
            "{\"kind\": \"member\", \"tenant\": \""
                + tenant
                + "\", \"partner\": \"parkhanse\", \"role\": \"editor\"}");

    assertThat(parkhanse.get("/werkstatt/dienste/rad?tenant=" + tenant).status()).isEqualTo(403);
    assertThat(parkhanse.get("/werkstatt/dienste?tenant=" + tenant).body()).doesNotContain(">Rad<");
  }

  /** A registered, signed-in visitor holding the role {@code roleJson}. */
  private Visitor signedIn(String roleJson) {
    String address = newAddress("catalog");
    Visitor visitor = registered(address, "Catalog");
    HttpResponse<String> clash =
        admin("/api/v1/admin/accounts", "{\"email\": \"" + address + "\", \"tenant\": \"\"}");
    Matcher id = EXISTING.matcher(clash.body());
    assertThat(id.find()).as(clash.body()).isTrue();
    HttpResponse<String> granted =
        admin("/api/v1/admin/accounts/" + id.group(1) + "/roles", roleJson);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    return visitor;
  }

  private HttpResponse<String> admin(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
