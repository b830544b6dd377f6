package org.sundwerk.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sundwerk.portal.PortalProperties;

/**
 * The portal's mails (verification and reset links). With {@code spring.mail.host} set they go out
 * by SMTP; on the embedded default without a mail server the text is logged at INFO instead, so a
 * local user can follow the link. Mails are sent in the background: an answer must not take longer
 * when an address has an account (that would tell who has one).
 */
@Component
final class Mails {

  private static final Logger log = LoggerFactory.getLogger(Mails.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final MessageSource messages;
  private final String from;
  private final String publicUrl;

  Mails(ObjectProvider<JavaMailSender> sender, MessageSource messages, PortalProperties portal) {
    this.sender = sender;
    this.messages = messages;
    this.from = portal.mailFrom();
    this.publicUrl = portal.publicUrl().replaceAll("/+$", "");
  }

  /** The absolute link to {@code path} (which starts with a slash) for a mail. */
  String link(HttpServletRequest http, String path) {
    String base =
        publicUrl.isEmpty()
            ? ServletUriComponentsBuilder.fromContextPath(http).build().toUriString()
            : publicUrl;
    return base + path;
  }

  /** Sends the mail {@code kind} ({@code mail.<kind>.subject} and {@code .body}) to {@code to}. */
  void send(String to, String kind, Locale locale, Object... args) {
    String subject = messages.getMessage("mail." + kind + ".subject", null, locale);
    String body = messages.getMessage("mail." + kind + ".body", args, locale);
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      log.info(
          "No mail server is configured (spring.mail.host); the mail to {} would say:\n{}",
          to,
          body);
      return;
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(from);
    mail.setTo(to);
    mail.setSubject(subject);
    mail.setText(body);
    Thread.ofVirtual()
        .name("sundwerk-mail")
        .start(
            () -> {
              try {
                smtp.send(mail);
              } catch (MailException e) {
                // The body holds a token: name the kind and the failure only.
                log.warn("Could not send the {} mail to {}: {}", kind, to, e.getMessage());
              }
            });
  }
}
