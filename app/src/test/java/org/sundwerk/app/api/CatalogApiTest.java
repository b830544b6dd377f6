package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service catalog over HTTP: a partner submits and edits its services, an operator approves and
 * moves the lifecycle, visitors search and filter what is published, canvases project a break-even
 * month; every refusal is a ProblemDetails.
 */
class CatalogApiTest extends ApiTest {

  static final String BIKES =
      """
      {"id": "%s", "provider": "sundrad",
       "name": {"de": "%s", "en": "Bike hire"},
       "description": {"de": "Räder und Lastenräder am Hauptbahnhof mieten.",
                       "easy": "Hier können Sie ein Fahrrad leihen."},
       "category": "mobility", "targetGroups": ["tourists", "residents"],
       "lifeSituations": ["mobility_and_travel"], "seasons": ["summer"],
       "channels": ["app", "on_site"],
       "places": ["urn:ngsi-ld:BikeHireDockingStation:stralsund:hauptbahnhof"],
       "liveData": [{"type": "BikeHireDockingStation"}]}
      """;

  static final String SHUTTLE =
      """
      {"id": "seniorenshuttle", "provider": "nachbarschaftshilfe-knieper",
       "name": {"de": "Seniorenshuttle Knieper"},
       "description": {"de": "Fahrten zum Arzt und zum Einkauf im Stadtteil Knieper."},
       "category": "social", "targetGroups": ["seniors"],
       "lifeSituations": ["age_and_care"], "seasons": ["all_year"], "channels": ["on_site"]}
      """;

  Http sundrad;
  Http operator;
  String services;

  @BeforeEach
  void partners() {
    AdminCalls admin = new AdminCalls(http, tenant);
    String member = admin.account();
    admin.grantMember(member, tenant, "sundrad", "editor");
    sundrad = http.key(admin.key(member, tenant, "read", "write"));
    operator = http.key(admin.operatorKey());
    services = "/api/v1/" + tenant + "/services";
  }

  private String submit(Http who, String json) {
    Http.Response created = who.post(services, json);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asString();
  }

  @Test
  void aPartnersServiceIsPublicOnlyAfterApproval() {
    Http.Response created = sundrad.post(services, BIKES.formatted("fahrradverleih", "Sundrad"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).hasValue(services + "/fahrradverleih");
    assertThat(created.json().path("stage").asString()).isEqualTo("idea");
    assertThat(created.json().path("published").asBoolean()).isFalse();
    assertThat(created.json().path("description").path("easy").asString())
        .isEqualTo("Hier können Sie ein Fahrrad leihen.");
    assertThat(http.anonymous().get(services).json().path("total").asInt()).isZero();
    assertThat(http.anonymous().get(services + "/fahrradverleih").status()).isEqualTo(404);
    assertThat(sundrad.get(services + "/fahrradverleih").status()).isEqualTo(200);
    assertThat(
            sundrad
                .get(services + "?provider=sundrad&include=unpublished")
                .json()
                .path("total")
                .asInt())
        .isEqualTo(1);

    assertThat(sundrad.post(services + "/fahrradverleih/approve", "{}").status()).isEqualTo(403);
    Http.Response approved = operator.post(services + "/fahrradverleih/approve", "{}");

    assertThat(approved.status()).isEqualTo(200);
    Http.Response found = http.anonymous().get(services + "?q=lastenr");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().path("total").asInt()).isEqualTo(1);
    assertThat(found.json().path("services").path(0).path("name").path("en").asString())
        .isEqualTo("Bike hire");
    assertThat(found.json().path("services").path(0).path("history").path(0).has("by")).isFalse();
    assertThat(operator.post(services + "/fahrradverleih/approve", "{}").status()).isEqualTo(409);
  }

  @Test
  void onlyMembersOfTheProviderSubmitAndEdit() {
    Http.Response foreign = sundrad.post(services, SHUTTLE);
    Http.Response anonymous = http.anonymous().post(services, SHUTTLE);

    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.header("Content-Type"))
        .hasValueSatisfying(type -> type.contains("problem+json"));
    assertThat(anonymous.status()).isEqualTo(401);
    submit(operator, SHUTTLE);
    assertThat(sundrad.put(services + "/seniorenshuttle", SHUTTLE).status()).isEqualTo(403);

    submit(sundrad, BIKES.formatted("fahrradverleih", "Sundrad"));
    Http.Response edited =
        sundrad.put(
            services + "/fahrradverleih", BIKES.formatted("fahrradverleih", "Sundrad Räder"));
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.json().path("name").path("de").asString()).isEqualTo("Sundrad Räder");
    assertThat(sundrad.post(services, BIKES.formatted("fahrradverleih", "x")).status())
        .isEqualTo(409);
    assertThat(sundrad.put(services + "/nix", BIKES.formatted("nix", "x")).status()).isEqualTo(404);
    Http.Response invalid =
        sundrad.post(services, BIKES.formatted("rad2", "").replace("summer", "monsoon"));
    assertThat(invalid.status()).isEqualTo(400);
  }

  @Test
  void operatorsMoveTheLifecycleForwardWithAReason() {
    submit(sundrad, BIKES.formatted("fahrradverleih", "Sundrad"));
    String lifecycle = services + "/fahrradverleih/lifecycle";

    assertThat(sundrad.post(lifecycle, "{\"stage\": \"live\", \"reason\": \"x\"}").status())
        .isEqualTo(403);
    assertThat(operator.post(lifecycle, "{\"stage\": \"pilot\"}").status()).isEqualTo(400);
    Http.Response moved =
        operator.post(lifecycle, "{\"stage\": \"pilot\", \"reason\": \"Sommer am Hafen\"}");
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.json().path("stage").asString()).isEqualTo("pilot");
    assertThat(moved.json().path("history").path(1).path("reason").asString())
        .isEqualTo("Sommer am Hafen");
    assertThat(moved.json().path("history").path(1).path("by").asString()).contains("account:");
    assertThat(operator.post(lifecycle, "{\"stage\": \"idea\", \"reason\": \"zurück\"}").status())
        .isEqualTo(409);
  }

  @Test
  void filtersAndPagesThePublicCatalog() {
    submit(sundrad, BIKES.formatted("fahrradverleih", "Fahrradverleih"));
    submit(sundrad, BIKES.formatted("lastenrad", "Lastenrad"));
    submit(operator, SHUTTLE);
    for (String id : new String[] {"fahrradverleih", "lastenrad", "seniorenshuttle"}) {
      operator.post(services + "/" + id + "/approve", "{}");
    }
    Http visitor = http.anonymous();

    assertThat(
            visitor
                .get(services + "?targetGroup=seniors")
                .json()
                .path("services")
                .path(0)
                .path("id")
                .asString())
        .isEqualTo("seniorenshuttle");
    assertThat(
            visitor.get(services + "?season=summer&category=mobility").json().path("total").asInt())
        .isEqualTo(2);
    assertThat(
            visitor
                .get(services + "?lifeSituation=age_and_care&q=knieper")
                .json()
                .path("total")
                .asInt())
        .isEqualTo(1);
    Http.Response page = visitor.get(services + "?limit=1&offset=1");
    assertThat(page.json().path("total").asInt()).isEqualTo(3);
    assertThat(page.json().path("services").size()).isEqualTo(1);
    assertThat(page.json().path("services").path(0).path("id").asString()).isEqualTo("lastenrad");
    assertThat(visitor.get(services + "?season=monsoon").status()).isEqualTo(400);
    assertThat(visitor.get(services + "?limit=1000").status()).isEqualTo(400);
    assertThat(visitor.get(services + "?include=unpublished").status()).isEqualTo(401);
  }

  @Test
  void aCanvasProjectsTheBreakEvenAndOperatorsCompare() {
    submit(sundrad, BIKES.formatted("fahrradverleih", "Sundrad"));
    submit(operator, SHUTTLE);
    String canvas = services + "/fahrradverleih/canvas";

    Http.Response empty = sundrad.get(canvas);
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().path("projection").path("breakEvenMonth").isNull()).isFalse();
    Http.Response saved =
        sundrad.put(
            canvas,
            """
            {"blocks": {"valueProposition": "Ein Rad in fünf Minuten", "keyPartners": "Stadtwerke"},
             "figures": {"oneOffCosts": "24000", "monthlyCosts": "1850.50",
                         "usersPerMonth": 900, "pricePerUser": "3.90"}}
            """);

    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().path("projection").path("monthlyResult").asString())
        .isEqualTo("1659.50");
    assertThat(saved.json().path("projection").path("breakEvenMonth").asInt()).isEqualTo(15);
    assertThat(saved.json().path("projection").path("cumulated").size()).isEqualTo(36);
    assertThat(saved.json().path("segments").toString()).isEqualTo("[\"residents\",\"tourists\"]");
    assertThat(saved.json().path("blocks").path("valueProposition").asString())
        .isEqualTo("Ein Rad in fünf Minuten");
    assertThat(http.anonymous().get(canvas).status()).isEqualTo(401);
    assertThat(sundrad.get(services + "/seniorenshuttle/canvas").status()).isEqualTo(403);

    Http.Response compared =
        operator.get(
            "/api/v1/" + tenant + "/canvases?service=fahrradverleih&service=seniorenshuttle");
    assertThat(compared.status()).isEqualTo(200);
    assertThat(compared.json().size()).isEqualTo(2);
    assertThat(compared.json().path(1).path("projection").path("breakEvenMonth").asInt())
        .isEqualTo(1);
    assertThat(sundrad.get("/api/v1/" + tenant + "/canvases?service=fahrradverleih").status())
        .isEqualTo(403);
  }
}
