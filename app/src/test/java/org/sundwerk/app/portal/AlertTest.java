package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Alerts for residents over HTTP, as a person and a mail program would: follow a bathing water
 * place, a change past the EU limit mails exactly one alert (GreenMail) with the right text and an
 * unsubscribe link that works once, without sign-in, and only for its own follow; visitors who are
 * not signed in, unverified addresses and API keys cannot follow; the NGSI-LD API cannot create a
 * subscription to the alerts receiver.
 */
class AlertTest extends PortalTest {

  static final String WATER_CONTEXT =
      "https://raw.githubusercontent.com/smart-data-models/dataModel.WaterQuality/master/context.jsonld";
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("(https?://\\S+/abbestellen\\?m=[^&\\s]+&s=[^&\\s]+&t=[A-Za-z0-9_-]+)");

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired SubscriptionOperations subscriptions;

  @Test
  void aResidentFollowsABathingSiteAndGetsOneMailWhenEColiPassesTheLimitThenUnsubscribesOnce()
      throws Exception {
    String water = createWater("strandbad-" + UUID.randomUUID().toString().substring(0, 8), 30);
    String address = newAddress("swimmer");
    Visitor resident = signedIn(address, "Greta Schwimmer");

    Visitor.Page followed =
        resident.submitOn("/konto/benachrichtigungen", "/folgen", "id", water, "m", "stralsund");
    assertThat(followed.status()).isEqualTo(302);
    assertThat(followed.header("Location").orElseThrow()).endsWith("/konto/benachrichtigungen");
    String list = resident.get("/konto/benachrichtigungen").body();
    assertThat(list).contains("Sie folgen jetzt „Badewasser Test“: Badewasser belastet.");
    assertThat(list).contains("class=\"follow-name\">Badewasser Test<");
    assertThat(mailsTo(address)).isEmpty();

    assertThat(patchEColi(water, 900)).isEqualTo(204);

    MimeMessage mail = awaitMailTo(address);
    assertThat(mail.getSubject()).isEqualTo("Warnung: Badewasser belastet – Badewasser Test");
    String text = mail.getContent().toString();
    assertThat(text)
        .contains("Guten Tag Greta Schwimmer,")
        .contains("Badewasser Test: Das Badewasser überschreitet den Grenzwert")
        .contains("900 E. coli je 100 ml (Grenzwert 500)")
        .contains("Gemessen: 1. Juli 2026 um 10:00 Uhr")
        .contains(base() + "/orte/" + water.replace(":", "%3A"));
    Matcher link = UNSUBSCRIBE.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    String unsubscribe = link.group(1);
    assertThat(unsubscribe).startsWith(base() + "/abbestellen?m=stralsund&s=");
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");

    // A second change within the hour is held back by the subscription's throttling.
    assertThat(patchEColi(water, 950)).isEqualTo(204);
    // The first mail was the only one (sent once: the outbox delivered it once).
    assertThat(mailsTo(address)).hasSize(1);

    String path = unsubscribe.substring(base().length());
    Visitor stranger = visitor();
    Visitor.Page confirm = stranger.get(path);
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body())
        .contains(
            "Möchten Sie keine E-Mails mehr zu „Badewasser Test“ (Badewasser belastet) erhalten?");
    // Another follow's id with this token is refused.
    String other = path.replaceFirst("&s=[^&]+", "&s=urn%3Angsi-ld%3ASubscription%3Aalert%3Aother");
    assertThat(stranger.get(other).status()).isEqualTo(404);
    assertThat(stranger.get(path.replaceFirst("&t=.*$", "&t=forged")).status()).isEqualTo(404);

    // RFC 8058: the mail program POSTs without cookies or CSRF token.
    Visitor.Page done = visitor().post(path, "List-Unsubscribe", "One-Click");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Sie erhalten keine E-Mails mehr zu „Badewasser Test“");
    Visitor.Page again = visitor().post(path, "List-Unsubscribe", "One-Click");
    assertThat(again.status()).isEqualTo(404);
    assertThat(stranger.get(path).status()).isEqualTo(404);
    assertThat(resident.get("/konto/benachrichtigungen").body())
        .contains("id=\"no-follows\"")
        .doesNotContain("Badewasser Test<");
  }

  @Test
  void aResidentFollowsAWarningInEnglishGetsItsMailInEnglishAndRemovesIt() throws Exception {
    String address = newAddress("parker");
    Visitor resident = signedIn(address, "Pat Parker");
    resident.get("/konto/benachrichtigungen?lang=en");
    Visitor.Page followed =
        resident.submitOn(
            "/konto/benachrichtigungen",
            "/konto/benachrichtigungen",
            "warning",
            "parking",
            "m",
            "grimmen");
    assertThat(followed.status()).isEqualTo(302);
    String list = resident.get("/konto/benachrichtigungen").body();
    assertThat(list).contains("You now follow “Grimmen”: Car park full.");
    Matcher id = Pattern.compile("name=\"s\" value=\"([^\"]+)\"").matcher(list);
    assertThat(id.find()).isTrue();

    // A car park in Grimmen runs full: the mail is in English, the language of the follow.
    String parking = "urn:ngsi-ld:OffStreetParking:grimmen:" + UUID.randomUUID();
    String context =
        "[\"https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld\","
            + " \"https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld\"]";
    HttpResponse<String> created =
        send(
            api("/ngsi-ld/v1/entities", "application/ld+json", "grimmen")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"id": "%s", "type": "OffStreetParking",
                         "name": {"type": "Property", "value": "Parkplatz Markt"},
                         "availableSpotNumber": {"type": "Property", "value": 12,
                                                 "observedAt": "2026-12-03T09:00:00Z"},
                         "totalSpotNumber": {"type": "Property", "value": 80},
                         "@context": %s}
                        """
                            .formatted(parking, context))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(
            send(api("/ngsi-ld/v1/entities/" + parking + "/attrs", "application/ld+json", "grimmen")
                    .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString(
                            """
                                {"availableSpotNumber": {"type": "Property", "value": 0,
                                                         "observedAt": "2026-12-03T09:30:00Z"},
                                 "@context": %s}
                                """
                                .formatted(context))))
                .statusCode())
        .isEqualTo(204);
    MimeMessage mail = awaitMailTo(address);
    assertThat(subject(mail)).isEqualTo("Notice: car park full – Grimmen");
    assertThat(mail.getContent().toString())
        .contains("Hello Pat Parker,")
        .contains("Parkplatz Markt: No space left (0 of 80 spaces free).")
        .contains("Measured: 3 December 2026 at 10:30")
        .contains("Unsubscribe with one click: " + base() + "/abbestellen?m=grimmen&s=");

    // Following the same again keeps one follow.
    resident.submitOn(
        "/konto/benachrichtigungen",
        "/konto/benachrichtigungen",
        "warning",
        "parking",
        "m",
        "grimmen");
    assertThat(count(resident.get("/konto/benachrichtigungen").body(), "class=\"follow\""))
        .isEqualTo(1);

    // Someone else cannot remove it.
    Visitor other = signedIn(newAddress("other"), "Other Person");
    other.submitOn(
        "/konto/benachrichtigungen",
        "/konto/benachrichtigungen/entfernen",
        "m",
        "grimmen",
        "s",
        id.group(1).replace("&#45;", "-"));
    assertThat(count(resident.get("/konto/benachrichtigungen").body(), "class=\"follow\""))
        .isEqualTo(1);

    Visitor.Page removed =
        resident.submitOn(
            "/konto/benachrichtigungen",
            "/konto/benachrichtigungen/entfernen",
            "m",
            "grimmen",
            "s",
            id.group(1).replace("&#45;", "-"));
    assertThat(removed.status()).isEqualTo(302);
    assertThat(resident.get("/konto/benachrichtigungen").body())
        .contains("You no longer follow “Grimmen”.")
        .contains("id=\"no-follows\"");
  }

  @Test
  void visitorsWhoAreNotSignedInUnverifiedAddressesAndKeysCannotFollow() {
    String water = createWater("closed-" + UUID.randomUUID().toString().substring(0, 8), 30);

    Visitor anonymous = visitor();
    Visitor.Page page = anonymous.submitOn("/login", "/folgen", "id", water, "m", "stralsund");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location").orElseThrow()).endsWith("/login");
    assertThat(anonymous.get("/konto/benachrichtigungen").header("Location").orElseThrow())
        .endsWith("/login");

    // Registered, not confirmed: no session, so no follow.
    String unverified = newAddress("unverified");
    Visitor stranger = visitor();
    stranger.submit(
        "/register", "email", unverified, "displayName", "Not Yet", "password", PASSWORD);
    stranger.submit("/login", "email", unverified, "password", PASSWORD);
    Visitor.Page refused = stranger.submitOn("/login", "/folgen", "id", water, "m", "stralsund");
    assertThat(refused.header("Location").orElseThrow()).endsWith("/login");

    Visitor.Page key = visitor().get("/konto/benachrichtigungen", TestAdmin.HEADER, TestAdmin.KEY);
    assertThat(key.status()).isEqualTo(403);

    // Not even the platform operator's key can point a subscription at the alerts receiver (the
    // broker's local endpoints, see LocalEndpointTest): it would mail forged alerts.
    HttpResponse<String> forged =
        send(
            api("/ngsi-ld/v1/subscriptions", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"type": "Subscription", "entities": [{"type": "WaterQualityObserved"}],
                         "notification": {"endpoint": {"uri": "local:alerts"}}}
                        """)));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);

    assertThat(patchEColi(water, 2000)).isEqualTo(204);
    assertThat(mailsTo(unverified)).allMatch(m -> !subject(m).startsWith("Warnung"));
  }

  @Test
  void deletingTheAccountEndsItsFollows() {
    String water = createWater("gdpr-" + UUID.randomUUID().toString().substring(0, 8), 30);
    String address = newAddress("leaving");
    Visitor resident = signedIn(address, "Lea Leaving");
    resident.submitOn("/konto/benachrichtigungen", "/folgen", "id", water, "m", "stralsund");
    Matcher id =
        Pattern.compile("name=\"s\" value=\"([^\"]+)\"")
            .matcher(resident.get("/konto/benachrichtigungen").body());
    assertThat(id.find()).isTrue();
    String subscription = id.group(1).replace("&#45;", "-");
    assertThat(subscriptions.retrieve().handle("stralsund", subscription).id())
        .isEqualTo(subscription);

    Visitor.Page deleted = resident.submitOn("/account", "/account/delete", "password", PASSWORD);
    assertThat(deleted.body()).contains("id=\"notice\"");

    assertThatThrownBy(() -> subscriptions.retrieve().handle("stralsund", subscription))
        .isInstanceOf(NgsiLdException.class);
  }

  /** Signs a newly registered and confirmed resident in. */
  private Visitor signedIn(String address, String name) {
    Visitor visitor = registered(address, name);
    assertThat(visitor.submit("/login", "email", address, "password", PASSWORD).status())
        .isEqualTo(302);
    return visitor;
  }

  /** A bathing water station in Stralsund, created over the API; returns its id. */
  String createWater(String name, int ecoli) {
    String id = "urn:ngsi-ld:WaterQualityObserved:stralsund:" + name;
    String body =
        """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser Test"},
         "escherichiaColi": {"type": "Property", "value": %d, "unitCode": "MPN",
                             "observedAt": "2026-07-01T08:00:00Z"},
         "enterococci": {"type": "Property", "value": 15, "observedAt": "2026-07-01T08:00:00Z"},
         "@context": ["%s", "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"]}
        """
            .formatted(id, ecoli, WATER_CONTEXT);
    HttpResponse<String> response =
        send(
            api("/ngsi-ld/v1/entities", "application/ld+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return id;
  }

  int patchEColi(String id, int ecoli) {
    String body =
        """
        {"escherichiaColi": {"type": "Property", "value": %d, "unitCode": "MPN",
                             "observedAt": "2026-07-01T08:00:00Z"},
         "@context": ["%s", "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"]}
        """
            .formatted(ecoli, WATER_CONTEXT);
    return send(api("/ngsi-ld/v1/entities/" + id + "/attrs", "application/ld+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)))
        .statusCode();
  }

  HttpRequest.Builder api(String path, String contentType) {
    return api(path, contentType, "stralsund");
  }

  HttpRequest.Builder api(String path, String contentType, String tenant) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .header(TestAdmin.HEADER, TestAdmin.KEY)
        .header("NGSILD-Tenant", tenant)
        .header("Content-Type", contentType);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(mail -> recipient(mail).equalsIgnoreCase(address))
        .filter(mail -> !subject(mail).startsWith("Sundwerk:"))
        .toList();
  }

  /** The first alert mail to {@code address}, waiting up to 30 s. */
  static MimeMessage awaitMailTo(String address) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<MimeMessage> mails = mailsTo(address);
      if (!mails.isEmpty()) {
        return mails.getFirst();
      }
      MAIL.waitForIncomingEmail(200, MAIL.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no alert mail to " + address);
  }

  private static String recipient(MimeMessage mail) {
    try {
      return mail.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
