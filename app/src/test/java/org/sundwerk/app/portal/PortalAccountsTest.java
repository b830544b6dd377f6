package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.TestAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account forms over plain HTTP, as a browser sends them: CSRF refusal, the same answer for an
 * unknown address and a wrong password, the lockout, the per-address sign-in limit, password rules
 * in both languages, the data export and the deletion; and no password or key in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortalAccountsTest extends PortalTest {

  @Autowired Accounts accounts;

  @Test
  void aMemberCreatesAKeyThatActsForItsPartnerAndForNoOtherOne() {
    String address = newAddress("member");
    Visitor visitor = registered(address, "Partner Person");
    accounts.grant(
        accounts.findByEmail(address).orElseThrow().id(),
        new Role.Member(
            TenantId.of("stralsund"), new PartnerId("stadtwerke-stralsund"), PartnerRole.EDITOR));
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);

    String page = visitor.get("/account").body();
    Visitor.Page foreign =
        visitor.submitOn(
            "/account", "/account/keys", "name", "f", "operation", "READ", "partner", "parkco");
    Visitor.Page created =
        visitor.submitOn(
            "/account",
            "/account/keys",
            "name",
            "stadtwerke gateway",
            "operation",
            "READ",
            "tenants",
            "stralsund",
            "partner",
            "stadtwerke-stralsund");

    assertThat(page).contains("name=\"partner\"", "<option value=\"stadtwerke-stralsund\"");
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(error(foreign.body())).contains("kein Mitglied");
    assertThat(created.status()).isEqualTo(201);
    String key = key(created.body());
    JsonNode export = JsonMapper.builder().build().readTree(visitor.get("/account/export").body());
    assertThat(export.path("apiKeys").toString())
        .contains("\"actingFor\":\"stadtwerke-stralsund\"")
        .doesNotContain("parkco");
    // Past the gate in its tenant (which holds no entities here: an empty list, or
    // NonexistentTenant before the portal's own subscriptions created it), refused elsewhere.
    assertThat(
            visitor()
                .get("/ngsi-ld/v1/types", "X-API-Key", key, "NGSILD-Tenant", "stralsund")
                .status())
        .isIn(200, 404);
    assertThat(
            visitor()
                .get("/ngsi-ld/v1/types", "X-API-Key", key, "NGSILD-Tenant", "grimmen")
                .status())
        .isEqualTo(403);
  }

  private static final Pattern KEY = Pattern.compile("sw_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");

  @Test
  void refusesAFormWithoutItsCsrfToken() {
    Visitor visitor = visitor();
    visitor.get("/login");

    Visitor.Page page = visitor.post("/login", "email", "a@example.org", "password", PASSWORD);

    assertThat(page.status()).isEqualTo(403);
  }

  @Test
  void answersAnUnknownAddressAndAWrongPasswordAlike() {
    String address = newAddress("alike");
    registered(address, "Alike");
    Visitor visitor = visitor();

    Visitor.Page unknown =
        visitor.submit("/login", "email", newAddress("nobody"), "password", PASSWORD);
    Visitor.Page wrong = visitor.submit("/login", "email", address, "password", PASSWORD + " not");

    assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(200);
    assertThat(error(unknown.body()))
        .isEqualTo(error(wrong.body()))
        .isEqualTo("E-Mail-Adresse oder Passwort stimmen nicht.");
    assertThat(wrong.header("Set-Cookie").orElse("")).doesNotContain("SESSION=");
  }

  @Test
  void locksTheAccountAfterFiveWrongPasswords() {
    String address = newAddress("locked");
    registered(address, "Locked");
    Visitor visitor = visitor();

    for (int i = 1; i <= 4; i++) {
      Visitor.Page page = visitor.submit("/login", "email", address, "password", "wrong " + i);
      assertThat(error(page.body())).contains("stimmen nicht");
    }
    Visitor.Page fifth = visitor.submit("/login", "email", address, "password", "wrong 5");
    Visitor.Page right = visitor.submit("/login", "email", address, "password", PASSWORD);

    assertThat(error(fifth.body())).contains("gesperrt", "15 Minuten");
    assertThat(error(right.body())).contains("gesperrt");
    assertThat(visitor.get("/account").status()).isEqualTo(302);
  }

  @Test
  void limitsSignInAttemptsPerClientAddress() {
    Visitor visitor = visitor();
    for (int i = 1; i <= 10; i++) {
      Visitor.Page page =
          visitor.submit("/login", "email", newAddress("limit"), "password", "guess " + i);
      assertThat(page.status()).as("attempt %d", i).isEqualTo(200);
    }

    Visitor.Page eleventh =
        visitor.submit("/login", "email", newAddress("limit"), "password", "guess 11");
    Visitor.Page otherAddress =
        visitor().submit("/login", "email", newAddress("limit"), "password", "guess 1");

    assertThat(eleventh.status()).isEqualTo(429);
    assertThat(eleventh.header("Retry-After")).isPresent();
    assertThat(error(eleventh.body())).contains("Zu viele Versuche");
    assertThat(otherAddress.status()).isEqualTo(200);
  }

  @Test
  void namesWhatIsWrongWithAPasswordInGermanAndEnglish() {
    Visitor visitor = visitor();

    Visitor.Page german =
        visitor.submit(
            "/register", "email", newAddress("short"), "displayName", "Kurz", "password", "kurz");
    Visitor.Page english =
        visitor.submitOn(
            "/register?lang=en",
            "/register",
            "email",
            newAddress("short"),
            "displayName",
            "Short",
            "password",
            "sundwerk sundwerk sundwerk");

    assertThat(german.status()).isEqualTo(400);
    assertThat(german.body()).contains("Es ist zu kurz: mindestens 15 Zeichen.");
    assertThat(english.status()).isEqualTo(400);
    assertThat(english.body())
        .contains("It contains your name, your e-mail address or the platform")
        .doesNotContain("too short");
  }

  @Test
  void sendsAnonymousVisitorsOfTheAccountPageToTheLogin() {
    Visitor.Page page = visitor().get("/account");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void refusesAccountPagesToApiKeys() {
    Visitor.Page page = visitor().get("/account", TestAdmin.HEADER, TestAdmin.KEY);

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("<html lang=\"de\"", "<h1>Nicht erlaubt</h1>");
  }

  @Test
  void exportsTheAccountWithItsKeysThenDeletesItAfterThePasswordIsConfirmed() {
    String address = newAddress("export");
    Visitor visitor = registered(address, "Export Person");
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    Visitor.Page badTenant =
        visitor.submitOn(
            "/account", "/account/keys", "name", "bad", "operation", "READ", "tenants", "a b!");
    assertThat(badTenant.status()).isEqualTo(400);
    assertThat(error(badTenant.body())).contains("Gemeindename ist ungültig");
    Visitor.Page created =
        visitor.submitOn(
            "/account",
            "/account/keys",
            "name",
            "sensor gateway",
            "operation",
            "READ",
            "operation",
            "INGEST",
            "tenants",
            "stralsund, grimmen",
            "entityTypes",
            "OffStreetParking https://smartdatamodels.org/dataModel.Weather/WeatherObserved");
    assertThat(created.status()).isEqualTo(201);
    String key = key(created.body());

    assertThat(visitor().get("/account", "X-API-Key", key).status())
        .as("a key never reaches the account page, not even its owner's")
        .isEqualTo(403);
    assertThat(visitor().get("/account/export", "Authorization", "Bearer " + key).status())
        .isEqualTo(403);
    Visitor.Page export = visitor.get("/account/export");
    Visitor.Page wrongPassword =
        visitor.submitOn("/account", "/account/delete", "password", PASSWORD + " no");
    Visitor.Page deleted = visitor.submitOn("/account", "/account/delete", "password", PASSWORD);

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition").orElseThrow()).contains("attachment");
    JsonNode json = JsonMapper.builder().build().readTree(export.body());
    assertThat(json.path("account").path("email").asString()).isEqualTo(address);
    assertThat(json.path("account").path("displayName").asString()).isEqualTo("Export Person");
    JsonNode exportedKey = json.path("apiKeys").path(0);
    assertThat(exportedKey.path("name").asString()).isEqualTo("sensor gateway");
    assertThat(exportedKey.path("tenants").toString()).isEqualTo("[\"grimmen\",\"stralsund\"]");
    assertThat(exportedKey.path("operations").toString()).isEqualTo("[\"READ\",\"INGEST\"]");
    assertThat(exportedKey.path("entityTypes").toString())
        .isEqualTo(
            "[\"https://smartdatamodels.org/dataModel.Weather/WeatherObserved\","
                + "\"https://uri.etsi.org/ngsi-ld/default-context/OffStreetParking\"]");
    assertThat(json.path("auditEvents").path(0).path("action").asString())
        .isEqualTo("CreateApiKey");
    assertThat(export.body()).doesNotContain(key.substring(21));
    assertThat(wrongPassword.status()).isEqualTo(400);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(visitor.get("/account").status()).isEqualTo(302);
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).body())
        .contains("stimmen nicht");
    assertThat(visitor().get("/ngsi-ld/v1/types", "X-API-Key", key).status()).isEqualTo(401);
  }

  @Test
  void neverWritesPasswordsOrKeysToTheLog(CapturedOutput output) {
    String address = newAddress("quiet");
    Visitor visitor = registered(address, "Quiet");
    visitor.submit("/login", "email", address, "password", "Wrong horse battery staple here");
    visitor.submit("/login", "email", address, "password", PASSWORD);
    String key =
        key(
            visitor
                .submitOn("/account", "/account/keys", "name", "logged?", "operation", "READ")
                .body());
    visitor().get("/ngsi-ld/v1/types", "X-API-Key", key);
    Instant before = Instant.now();
    visitor().submit("/password/forgot", "email", address);
    String reset = linkMailedTo(address, before);
    visitor()
        .submitOn(
            reset.substring(base().length()),
            "/password/reset",
            "token",
            reset.substring(reset.indexOf('=') + 1),
            "password",
            "A brand new sentence for the harbour");

    assertThat(output.getAll())
        .doesNotContain(PASSWORD)
        .doesNotContain("Wrong horse battery staple here")
        .doesNotContain("A brand new sentence for the harbour")
        .doesNotContain(key.substring(21));
    // Not asserted: the reset token, which travels in the mailed link's query like every such
    // link, and so shows in Spring's DEBUG request lines (single use, one hour, hashed at rest).
  }

  /** The form's error message. */
  private static String error(String html) {
    Matcher error = Pattern.compile("<p class=\"error\">([^<]*)</p>").matcher(html);
    return error.find() ? error.group(1) : "";
  }

  private static String key(String html) {
    Matcher key = KEY.matcher(html);
    assertThat(key.find()).as("a new key in the page").isTrue();
    return key.group();
  }
}
