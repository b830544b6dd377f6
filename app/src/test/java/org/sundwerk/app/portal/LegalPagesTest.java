package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.portal.legal.PortalPages;

/**
 * The legal and inclusive pages (defaults, editing by an operator only, sanitized Markdown, the
 * feedback form with its limit and mail) and the error pages (German and English, right status,
 * JSON on API paths).
 */
class LegalPagesTest extends PortalClockTest {

  private static final Pattern EXISTING = Pattern.compile("exists: ([^\"\\s]+)");

  @Autowired PortalPages pages;

  @DynamicPropertySource
  static void operatorMail(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.portal.legal.operator-email", () -> "barrierefrei@stralsund.example");
  }

  @Test
  void everyLegalPageHasADefaultInGermanAndEnglish() {
    for (String slug :
        new String[] {"impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"}) {
      Visitor.Page german = visitor().get("/" + slug);
      Visitor.Page english = visitor().get("/" + slug + "?lang=en");
      assertThat(german.status()).as(slug).isEqualTo(200);
      assertThat(english.status()).as(slug).isEqualTo(200);
      assertThat(german.body()).contains("<html lang=\"de\"", "Dies ist der vorgegebene Text");
      assertThat(english.body()).contains("<html lang=\"en\"", "This is the default text");
      assertThat(german.body()).as("no edit link for visitors").doesNotContain("id=\"edit\"");
    }
    assertThat(visitor().get("/impressum").body()).contains("Vom Betreiber auszufüllen");
    assertThat(visitor().get("/barrierefreiheit").body())
        .contains(
            "Erklärung zur Barrierefreiheit", "BITV 2.0", "(EU) 2018/1523", "Schlichtungsverfahren")
        .contains("<label for=\"feedback-message\"", "name=\"_csrf\"");
    assertThat(visitor().get("/leichte-sprache").body())
        .as("one statement per line")
        .contains("Diese Seite ist von der Hanse·stadt Stralsund.<br />");
  }

  @Test
  void anOperatorEditsAPageAndScriptInTheMarkdownIsRemoved() {
    String tenant = "legal-edit";
    Visitor operator = operatorOf(tenant);

    Visitor.Page form = operator.get("/impressum/bearbeiten?tenant=" + tenant);
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("<label for=\"markdown\"", "Vom Betreiber auszufüllen");

    Visitor.Page saved =
        operator.submitOn(
            "/impressum/bearbeiten?tenant=" + tenant,
            "/impressum/bearbeiten?tenant=" + tenant,
            "pageLang",
            "de",
            "markdown",
            """
            ## Anbieter
            Stadtverwaltung **Musterstadt** <script>alert('x')</script>
            <img src=x onerror="alert(1)">
            [Startseite](https://www.stralsund.de) [böse](javascript:alert(2))
            """);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.header("Location").orElseThrow())
        .endsWith("/impressum?tenant=" + tenant + "&saved");

    String page = visitor().get("/impressum?tenant=" + tenant).body();
    String text = page.substring(page.indexOf("id=\"legal-text\""), page.indexOf("</main>"));
    assertThat(text)
        .contains("<h2>Anbieter</h2>", "<strong>Musterstadt</strong>")
        .contains("href=\"https://www.stralsund.de\"")
        .doesNotContain("<script", "<img", " onerror=", "javascript:");
    assertThat(page)
        .contains("Zuletzt geändert am")
        .doesNotContain("Dies ist der vorgegebene Text");
    assertThat(visitor().get("/impressum").body())
        .as("other tenants keep their text")
        .contains("Vom Betreiber auszufüllen");
    assertThat(visitor().get("/impressum?tenant=" + tenant + "&lang=en").body())
        .as("the English version is separate")
        .contains("To be filled in by the operator");
    assertThat(operator.get("/impressum?tenant=" + tenant).body()).contains("id=\"edit\"");
  }

  @Test
  void visitorsAndResidentsMayNotEdit() {
    String tenant = "legal-refused";
    Visitor anonymous = visitor();
    Visitor.Page form = anonymous.get("/datenschutz/bearbeiten?tenant=" + tenant);
    assertThat(form.status()).isEqualTo(302);
    assertThat(form.header("Location").orElseThrow()).endsWith("/login");
    Visitor.Page post =
        anonymous.submitOn(
            "/barrierefreiheit?tenant=" + tenant,
            "/datenschutz/bearbeiten?tenant=" + tenant,
            "pageLang",
            "de",
            "markdown",
            "defaced");
    assertThat(post.status()).isEqualTo(302);

    String address = newAddress("resident");
    Visitor resident = registered(address, "Resident");
    resident.submit("/login", "email", address, "password", PASSWORD);
    assertThat(resident.get("/datenschutz/bearbeiten?tenant=" + tenant).status()).isEqualTo(403);
    Visitor.Page residentPost =
        resident.submitOn(
            "/barrierefreiheit?tenant=" + tenant,
            "/datenschutz/bearbeiten?tenant=" + tenant,
            "pageLang",
            "de",
            "markdown",
            "defaced");
    assertThat(residentPost.status()).isEqualTo(403);
    Visitor.Page noToken =
        operatorOf(tenant)
            .post(
                "/datenschutz/bearbeiten?tenant=" + tenant,
                "pageLang",
                "de",
                "markdown",
                "defaced");
    assertThat(noToken.status()).as("no CSRF token").isEqualTo(403);

    assertThat(visitor().get("/datenschutz?tenant=" + tenant).body())
        .doesNotContain("defaced")
        .contains("Dies ist der vorgegebene Text");
  }

  @Test
  void feedbackOnAccessibilityIsStoredMailedToTheOperatorAndLimited() {
    String tenant = "legal-feedback";
    Visitor visitor = visitor();
    Instant before = Instant.now();

    Visitor.Page sent =
        visitor.submitOn(
            "/barrierefreiheit?tenant=" + tenant,
            "/barrierefreiheit/rueckmeldung?tenant=" + tenant,
            "message",
            "Die Karte lässt sich nicht mit der Tastatur bedienen.",
            "email",
            "leser@example.org");

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("id=\"feedback-sent\"");
    assertThat(pages.feedbackCount(tenant)).isEqualTo(1);
    assertThat(mailTo("barrierefrei@stralsund.example", before))
        .contains("Die Karte lässt sich nicht mit der Tastatur bedienen.");

    Visitor.Page empty =
        visitor.submitOn(
            "/barrierefreiheit?tenant=" + tenant,
            "/barrierefreiheit/rueckmeldung?tenant=" + tenant,
            "message",
            "  ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("id=\"feedback-problem\"");

    Visitor.Page limited = null;
    for (int i = 0; i < 5; i++) {
      limited =
          visitor.submitOn(
              "/barrierefreiheit?tenant=" + tenant,
              "/barrierefreiheit/rueckmeldung?tenant=" + tenant,
              "message",
              "Noch eine Nachricht " + i);
    }
    assertThat(limited.status()).as("3 per minute and address").isEqualTo(429);
    assertThat(pages.feedbackCount(tenant))
        .as("every attempt counts, also the empty one: two stored")
        .isEqualTo(2);
    assertThat(
            visitor()
                .post("/barrierefreiheit/rueckmeldung?tenant=" + tenant, "message", "ohne Token")
                .status())
        .as("no CSRF token")
        .isEqualTo(403);
  }

  @Test
  void unknownPortalPathsAnswerAGerman404PageOrAnEnglishOne() {
    Visitor.Page german = visitor().get("/gibt-es-nicht", "Accept", "text/html");
    Visitor.Page english =
        visitor().get("/gibt-es-nicht", "Accept", "text/html", "Accept-Language", "en-GB,en;q=0.9");
    Visitor.Page chosen = visitor().get("/gibt-es-nicht?lang=en", "Accept", "text/html");

    assertThat(german.status()).isEqualTo(404);
    assertThat(german.header("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(german.body())
        .contains("<html lang=\"de\"", "Seite nicht gefunden", "Fehler 404")
        .contains("<nav aria-label=\"Hauptnavigation\">", "href=\"/impressum\"")
        .contains("href=\"/gibt-es-nicht?lang=en\"")
        .doesNotContain("Whitelabel");
    assertThat(english.status()).isEqualTo(404);
    assertThat(english.body()).contains("<html lang=\"en\"", "Page not found", "Error 404");
    assertThat(chosen.body()).contains("<html lang=\"en\"", "Page not found");
  }

  @Test
  void aFailingPortalPageAnswersA500PageInTheLayout() {
    Visitor.Page german = visitor().get("/test/kaputt", "Accept", "text/html");
    Visitor.Page english = visitor().get("/test/kaputt?lang=en", "Accept", "text/html");

    assertThat(german.status()).isEqualTo(500);
    assertThat(german.body())
        .contains("<html lang=\"de\"", "Ein Fehler ist aufgetreten", "<footer class=\"site\">")
        .doesNotContain("a bug for the test", "IllegalStateException");
    assertThat(english.status()).isEqualTo(500);
    assertThat(english.body()).contains("<html lang=\"en\"", "Something went wrong");
  }

  @Test
  void apiPathsKeepTheirJsonErrorsEvenForABrowser() {
    Visitor.Page api = visitor().get("/ngsi-ld/v1/nichts", "Accept", "text/html");
    Visitor.Page noBrowser = visitor().get("/gibt-es-nicht", "Accept", "application/json");

    assertThat(api.status()).isEqualTo(404);
    assertThat(api.header("Content-Type").orElseThrow()).contains("json");
    assertThat(api.body()).contains("\"status\":404").doesNotContain("<html");
    assertThat(noBrowser.status()).isEqualTo(404);
    assertThat(noBrowser.body()).doesNotContain("<html");
  }

  // ---- helpers ----

  /** A signed-in visitor whose account operates {@code tenant}. */
  private Visitor operatorOf(String tenant) {
    String address = newAddress("operator");
    Visitor visitor = registered(address, "Operator");
    String account = accountId(address);
    HttpResponse<String> granted =
        admin(
            "/api/v1/admin/accounts/" + account + "/roles",
            "{\"kind\": \"operator\", \"tenant\": \"" + tenant + "\"}");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    return visitor;
  }

  /** The id of the account registered with {@code address} (the admin API names it on a clash). */
  private String accountId(String address) {
    HttpResponse<String> clash =
        admin("/api/v1/admin/accounts", "{\"email\": \"" + address + "\", \"tenant\": \"\"}");
    Matcher id = EXISTING.matcher(clash.body());
    assertThat(id.find()).as(clash.body()).isTrue();
    return id.group(1);
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

  private static String mailTo(String address, Instant after) {
    for (int tries = 0; tries < 100; tries++) {
      for (MimeMessage mail : MAIL.getReceivedMessages()) {
        try {
          if (Arrays.stream(mail.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
            return mail.getContent().toString();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      MAIL.waitForIncomingEmail(200, MAIL.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no mail to " + address + " after " + after);
  }
}
