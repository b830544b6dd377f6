package org.sundwerk.portal.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the legal pages under {@code sundwerk.portal.legal.*}.
 *
 * @param operatorEmail where feedback on the accessibility statement is mailed (when {@code
 *     spring.mail.host} is set); empty (default): feedback is only stored in {@code
 *     portal_feedback}
 * @param feedbackPerMinute how many feedback messages one client address may send per minute;
 *     default 3, at least 1
 * @param maxMarkdown the longest Markdown an operator may save, in characters; default 100000
 */
@ConfigurationProperties("sundwerk.portal.legal")
public record LegalProperties(
    @DefaultValue("") String operatorEmail,
    @DefaultValue("3") int feedbackPerMinute,
    @DefaultValue("100000") int maxMarkdown) {

  public LegalProperties {
    if (feedbackPerMinute < 1) {
      throw new IllegalArgumentException(
          "sundwerk.portal.legal.feedback-per-minute must be at least 1");
    }
  }
}
