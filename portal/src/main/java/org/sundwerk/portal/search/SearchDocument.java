package org.sundwerk.portal.search;

import java.util.Objects;

/**
 * One thing the search can find, with its texts in German and English (English may repeat the
 * German where there is no translation). Only public data belongs here: whatever a document says,
 * every visitor of the search page may read.
 *
 * @param kind what it is
 * @param ref its id within its kind and tenant, e.g. the entity id; unique per tenant and kind
 * @param url where a result links to: a path of the portal ({@code /orte/...}) or an {@code https}
 *     address of another site
 * @param titleDe the title in German
 * @param titleEn the title in English
 * @param textDe the text that is searched and shown as the excerpt, in German
 * @param textEn the same in English
 */
public record SearchDocument(
    SearchKind kind,
    String ref,
    String url,
    String titleDe,
    String titleEn,
    String textDe,
    String textEn) {

  /** Longest text kept per language; the rest is neither searched nor shown. */
  static final int MAX_TEXT = 4000;

  public SearchDocument {
    Objects.requireNonNull(kind, "kind");
    if (ref == null || ref.isBlank()) {
      throw new IllegalArgumentException("a search document needs a ref");
    }
    if (url == null
        || !(url.startsWith("/") && !url.startsWith("//") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("a search document links to a path or https: " + url);
    }
    if (titleDe == null || titleDe.isBlank()) {
      throw new IllegalArgumentException("a search document needs a German title");
    }
    titleEn = titleEn == null || titleEn.isBlank() ? titleDe : titleEn;
    textDe = clip(textDe == null ? "" : textDe);
    textEn = clip(textEn == null || textEn.isBlank() ? textDe : textEn);
  }

  /** A document whose texts are the same in both languages (names, addresses). */
  public static SearchDocument of(
      SearchKind kind, String ref, String url, String title, String text) {
    return new SearchDocument(kind, ref, url, title, title, text, text);
  }

  private static String clip(String text) {
    String plain = text.strip();
    return plain.length() <= MAX_TEXT ? plain : plain.substring(0, MAX_TEXT);
  }
}
