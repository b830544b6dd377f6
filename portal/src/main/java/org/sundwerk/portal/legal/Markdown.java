package org.sundwerk.portal.legal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Operator Markdown to safe HTML: commonmark renders (raw HTML in the source is escaped, not
 * passed), then the OWASP sanitizer keeps only text formatting, blocks, tables and http(s)/mailto
 * links, so a stolen operator session cannot put script into a public page. Thread-safe.
 */
public final class Markdown {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br>\n").build();
  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a", "hr", "pre", "code", "br")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href")
                  .onElements("a")
                  .requireRelsOnLinks("noopener", "noreferrer")
                  .toFactory());

  private Markdown() {}

  public static String html(String markdown) {
    return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
  }
}
