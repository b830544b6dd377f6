package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.Registration;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;
import org.sundwerk.app.process.PlatformProcess;
import org.sundwerk.broker.subscription.DeliveryStatus;
import org.sundwerk.broker.subscription.SubscriptionOperations;

/**
 * No alert is lost across a restart: the change is committed while the mail server is down (the
 * alert's delivery fails and stays in the outbox), the platform stops, the mail server comes up,
 * and the next process on the same data directory mails the alert, once.
 */
class AlertRestartTest {

  private static final String PASSWORD = PortalTest.PASSWORD;
  private static final String WATER = "urn:ngsi-ld:WaterQualityObserved:stralsund:restart";

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void mailsAnAlertAfterARestartThatTheMailServerRefusedBefore() throws Exception {
    int smtp = PlatformProcess.freePort();
    String address = "restart@example.org";
    String subscription;
    try (ConfigurableApplicationContext first = start(smtp)) {
      String base = base(first);
      Accounts accounts = first.getBean(Accounts.class);
      Registration.Created created =
          (Registration.Created) accounts.register(address, "Rita Restart", PASSWORD);
      accounts.verifyEmail(created.verificationToken()).orElseThrow();
      Visitor resident = new Visitor(base);
      assertThat(resident.submit("/login", "email", address, "password", PASSWORD).status())
          .isEqualTo(302);
      assertThat(api(base, "POST", "/ngsi-ld/v1/entities", entity(30)).statusCode()).isEqualTo(201);
      resident.submitOn("/konto/benachrichtigungen", "/folgen", "id", WATER, "m", "stralsund");
      Matcher id =
          Pattern.compile("name=\"s\" value=\"([^\"]+)\"")
              .matcher(resident.get("/konto/benachrichtigungen").body());
      assertThat(id.find()).isTrue();
      subscription = id.group(1).replace("&#45;", "-");

      assertThat(
              api(base, "PATCH", "/ngsi-ld/v1/entities/" + WATER + "/attrs", patch(900))
                  .statusCode())
          .isEqualTo(204);
      // Wait until the notifier tried and the mail server (down) refused. The API hides the
      // platform's local: subscriptions, so the status is read from the broker's operation.
      SubscriptionOperations subscriptions = first.getBean(SubscriptionOperations.class);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      DeliveryStatus status = DeliveryStatus.NONE;
      while (status.lastFailure().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = subscriptions.retrieve().handle("stralsund", subscription).status();
      }
      assertThat(status.lastFailure())
          .as("the alert was tried while the mail server was down")
          .isPresent();
      assertThat(status.lastSuccess()).isEmpty();
    }

    GreenMail mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try (ConfigurableApplicationContext second = start(smtp)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (mail.getReceivedMessages().length == 0 && System.nanoTime() < deadline) {
        mail.waitForIncomingEmail(200, 1);
      }
      List<MimeMessage> received = List.of(mail.getReceivedMessages());
      assertThat(received).hasSize(1);
      assertThat(received.getFirst().getSubject())
          .isEqualTo("Warnung: Badewasser belastet – Badewasser Neustart");
      assertThat(received.getFirst().getContent().toString())
          .contains("900 E. coli je 100 ml")
          .contains("/abbestellen?m=stralsund&s=" + subscription.replace(":", "%3A"));
    } finally {
      mail.stop();
    }
  }

  private ConfigurableApplicationContext start(int smtp) {
    return new SpringApplicationBuilder(SundwerkApplication.class)
        .run(
            "--server.port=0",
            "--sundwerk.data-dir=" + data,
            "--sundwerk.demo.enabled=false",
            "--sundwerk.mqtt.embedded.enabled=false",
            "--sundwerk.admin-api-key=" + TestAdmin.KEY,
            "--sundwerk.portal.tile-url=",
            "--sundwerk.notifications.retry-initial=100ms",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtp,
            "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
            "--spring.mail.properties.mail.smtp.timeout=2000");
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  private HttpResponse<String> api(String base, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header(TestAdmin.HEADER, TestAdmin.KEY)
            .header("NGSILD-Tenant", "stralsund")
            .header("Content-Type", "application/ld+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String entity(int ecoli) {
    return """
        {"id": "%s", "type": "WaterQualityObserved",
         "name": {"type": "Property", "value": "Badewasser Neustart"},
         "escherichiaColi": {"type": "Property", "value": %d, "observedAt": "2026-07-01T08:00:00Z"},
         "enterococci": {"type": "Property", "value": 15, "observedAt": "2026-07-01T08:00:00Z"},
         "@context": ["%s", "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"]}
        """
        .formatted(WATER, ecoli, AlertTest.WATER_CONTEXT);
  }

  private static String patch(int ecoli) {
    return """
        {"escherichiaColi": {"type": "Property", "value": %d, "observedAt": "2026-07-01T08:00:00Z"},
         "@context": ["%s", "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld"]}
        """
        .formatted(ecoli, AlertTest.WATER_CONTEXT);
  }
}
