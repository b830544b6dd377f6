package org.sundwerk.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.sundwerk.app.SundwerkApplication;
import org.sundwerk.app.TestAdmin;

/**
 * Base of the portal tests: one real server on a random port (SQLite, no demo city) that mails
 * through a GreenMail SMTP server in this JVM, behind a "proxy": {@code
 * server.forward-headers-strategy=native} trusts {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto} from 127.0.0.1, so each {@link Visitor} comes from an address of its own (the
 * sign-in limit counts per address) and a test can play a TLS-terminating proxy.
 */
@SpringBootTest(
    classes = SundwerkApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // Louder than the tests' logback default (warnings only), so that a leaked secret would show
    // in the captured output (PortalAccountsTest.neverWritesPasswordsOrKeysToTheLog). Here, not
    // in properties(): logging levels are set before dynamic properties exist.
    properties = {
      "logging.level.org.sundwerk=debug",
      "logging.level.org.springframework.web=debug",
      "logging.level.org.springframework.security=debug"
    })
abstract class PortalTest {

  /** A password that passes the rules for the accounts the tests register. */
  static final String PASSWORD = "Windmills turn slowly at Strelasund";

  static final GreenMail MAIL = startMail();
  private static final Path DATA = tempDir();
  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("sundwerk.data-dir", DATA::toString);
    registry.add("sundwerk.demo.enabled", () -> "false");
    registry.add("sundwerk.mqtt.embedded.enabled", () -> "false");
    registry.add("sundwerk.admin-api-key", () -> TestAdmin.KEY);
    registry.add("sundwerk.portal.tile-url", () -> "");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    registry.add("server.forward-headers-strategy", () -> "native");
  }

  String base() {
    return "http://localhost:" + port;
  }

  Visitor visitor() {
    return new Visitor(base());
  }

  /** A fresh address at {@code example.org} for one test. */
  static String newAddress(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** The first link in the newest mail to {@code address}, waiting up to 20 s for it. */
  static String linkMailedTo(String address, Instant after) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> link = newestMail(address, after).map(PortalTest::firstLink);
      if (link.isPresent()) {
        return link.get();
      }
      MAIL.waitForIncomingEmail(200, MAIL.getReceivedMessages().length + 1);
    }
    throw new AssertionError("no mail to " + address);
  }

  private static Optional<MimeMessage> newestMail(String address, Instant after) {
    return Arrays.stream(MAIL.getReceivedMessages())
        .filter(mail -> to(mail).equalsIgnoreCase(address))
        .filter(mail -> !sentAt(mail).isBefore(after.minusSeconds(1)))
        .reduce((first, second) -> second);
  }

  private static String to(MimeMessage mail) {
    try {
      return mail.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant sentAt(MimeMessage mail) {
    try {
      return mail.getSentDate() == null ? Instant.now() : mail.getSentDate().toInstant();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLink(MimeMessage mail) {
    Matcher link = LINK.matcher(text(mail));
    assertThat(link.find()).as("a link in the mail").isTrue();
    return link.group();
  }

  /**
   * Registers {@code address} over HTTP and confirms it with the link from the mail, as a person
   * would; returns the visitor that did it (not signed in).
   */
  Visitor registered(String address, String name) {
    Visitor visitor = visitor();
    Instant before = Instant.now();
    Visitor.Page page =
        visitor.submit("/register", "email", address, "displayName", name, "password", PASSWORD);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    String link = linkMailedTo(address, before);
    assertThat(link).startsWith(base() + "/verify?token=");
    Visitor.Page confirmed =
        visitor.submitOn(
            link.substring(base().length()),
            "/verify",
            "token",
            link.substring(link.indexOf('=') + 1));
    assertThat(confirmed.body()).contains("id=\"notice\"");
    return visitor;
  }

  /** The decoded text of a plain-text mail (the raw body is quoted-printable). */
  private static String text(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail startMail() {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sundwerk-portal-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
