package org.sundwerk.portal.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.broker.subscription.Subscription;
import org.sundwerk.portal.PortalGate;
import org.sundwerk.portal.PortalProperties;
import tools.jackson.databind.JsonNode;

/**
 * Turns one notification of a follow into one mail to its resident, in the language of the follow,
 * with an unsubscribe link and the RFC 8058 one-click headers. Sends synchronously and throws when
 * the mail server does not take the mail: the outbox then retries, also after a restart, and a mail
 * the server took is not sent again (the outbox delivers each notification once). On the embedded
 * default without a mail server the mail is logged at INFO instead, as the portal's other mails.
 * Thread-safe.
 */
@Component
final class AlertMails {

  private static final Logger log = LoggerFactory.getLogger(AlertMails.class);

  private final Follows follows;
  private final PortalGate gate;
  private final Accounts accounts;
  private final MessageSource messages;
  private final ObjectProvider<JavaMailSender> sender;
  private final PortalProperties portal;

  AlertMails(
      Follows follows,
      PortalGate gate,
      Accounts accounts,
      MessageSource messages,
      ObjectProvider<JavaMailSender> sender,
      PortalProperties portal) {
    this.follows = follows;
    this.gate = gate;
    this.accounts = accounts;
    this.messages = messages;
    this.sender = sender;
    this.portal = portal;
  }

  /**
   * Mails the notification {@code notification} (NGSI-LD Notification, normalized, compacted with
   * the follow's context) of the follow {@code subscriptionId} in {@code tenant}. A follow or
   * account gone meanwhile gets no mail.
   *
   * @throws IOException when the mail server refuses or cannot be reached (retry later)
   */
  void deliver(String tenant, String subscriptionId, JsonNode notification) throws IOException {
    Optional<Subscription> subscription = follows.find(tenant, subscriptionId);
    Optional<Follow> follow = subscription.flatMap(s -> Follow.of(tenant, s));
    Optional<Account> to =
        subscription
            .flatMap(Subscription::owner)
            .flatMap(gate::alertRecipient)
            .flatMap(accounts::find);
    if (follow.isEmpty() || to.isEmpty()) {
      return;
    }
    Subscription s = subscription.get();
    Locale locale = s.lang().filter("en"::equals).map(l -> Locale.ENGLISH).orElse(Locale.GERMAN);
    var info = s.notification().endpoint().receiverInfo();
    String base =
        portal.publicUrl().isEmpty() ? info.getOrDefault(Follows.BASE, "") : portal.publicUrl();
    base = base.replaceAll("/+$", "");
    String unsubscribe =
        base
            + "/abbestellen?m="
            + encode(tenant)
            + "&s="
            + encode(subscriptionId)
            + "&t="
            + encode(info.getOrDefault(Follows.TOKEN, ""));
    List<String> paragraphs = new ArrayList<>();
    for (JsonNode entity : notification.path("data")) {
      paragraphs.add(paragraph(follow.get().warning(), entity, base, tenant, locale, notification));
    }
    if (paragraphs.isEmpty()) {
      return;
    }
    Follow f = follow.get();
    String subject = text("alert.mail.subject." + f.warning().key(), locale, f.name());
    String body =
        text(
            "alert.mail.body",
            locale,
            to.get().displayName(),
            String.join("\n\n", paragraphs),
            f.name(),
            unsubscribe,
            base + "/konto/benachrichtigungen");
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      log.info(
          "No mail server is configured (spring.mail.host); the alert to {} would say:\n{}",
          to.get().email(),
          body);
      return;
    }
    try {
      MimeMessage mail = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
      helper.setFrom(portal.mailFrom());
      helper.setTo(to.get().email());
      helper.setSubject(subject);
      helper.setText(body);
      // RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that POSTs to the link.
      mail.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
      mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      mail.setHeader("Auto-Submitted", "auto-generated");
      smtp.send(mail);
    } catch (MessagingException | MailException e) {
      // The body holds the unsubscribe token: name the follow and the failure only.
      throw new IOException(
          "alert " + subscriptionId + " could not be mailed: " + e.getMessage(), e);
    }
  }

  /** What one entity's notification says, in the follow's words. */
  private String paragraph(
      Warning warning,
      JsonNode entity,
      String base,
      String tenant,
      Locale locale,
      JsonNode notification) {
    String id = entity.path("id").asString("");
    String name = entity.path("name").path("value").asString(id);
    Optional<JsonNode> first =
        warning.watched().stream().map(entity::path).filter(JsonNode::isObject).findFirst();
    String measured =
        first
            .map(a -> a.path("observedAt").asString(""))
            .filter(t -> !t.isEmpty())
            .or(() -> Optional.of(notification.path("notifiedAt").asString("")))
            .map(t -> time(t, locale))
            .orElse("");
    String what =
        switch (warning) {
          case WATER ->
              text(
                  "alert.mail.water",
                  locale,
                  number(entity, "escherichiaColi"),
                  number(entity, "enterococci"));
          case PARKING ->
              text(
                  "alert.mail.parking",
                  locale,
                  number(entity, "availableSpotNumber"),
                  number(entity, "totalSpotNumber"));
          case AIR -> text("alert.mail.air", locale, number(entity, "no2"), number(entity, "pm10"));
          case CHANGES -> text("alert.mail.changes", locale);
        };
    return text(
        "alert.mail.entity",
        locale,
        name,
        what,
        measured,
        base + "/orte/" + encode(id) + "?tenant=" + encode(tenant));
  }

  /** The attribute's value as a number, or "–" when it is missing. */
  private static Object number(JsonNode entity, String attribute) {
    JsonNode value = entity.path(attribute).path("value");
    return value.isNumber() ? value.numberValue() : "–";
  }

  private String time(String iso, Locale locale) {
    try {
      return DateTimeFormatter.ofPattern(text("alert.mail.time", locale), locale)
          .format(Instant.parse(iso).atZone(portal.zone()));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return iso;
    }
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
