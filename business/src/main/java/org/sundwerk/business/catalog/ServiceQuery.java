package org.sundwerk.business.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sundwerk.access.PartnerId;
import org.sundwerk.business.Folding;

/**
 * A search of the catalog: words (each must occur in the name or description, as a part of a word:
 * "rad" finds "Fahrradverleih") and filters, all of which must hold, and a page. Everything but
 * letters and digits separates words, so no search syntax and no SQL reach the database as such.
 *
 * @param text what a visitor typed
 * @param publishedOnly whether only approved services count (visitors); false for operators
 */
public record ServiceQuery(
    String text,
    Optional<TargetGroup> targetGroup,
    Optional<Season> season,
    Optional<LifeSituation> lifeSituation,
    Optional<Category> category,
    Optional<Stage> stage,
    Optional<PartnerId> provider,
    boolean publishedOnly,
    int limit,
    int offset) {

  public static final int MAX_LIMIT = 100;
  static final int MAX_WORDS = 8;

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

  public ServiceQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    Objects.requireNonNull(targetGroup, "targetGroup");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(lifeSituation, "lifeSituation");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(provider, "provider");
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new IllegalArgumentException("limit is 1-" + MAX_LIMIT + ", offset 0 or more");
    }
  }

  /** Every published service, first page. */
  public static ServiceQuery published() {
    return new ServiceQuery(
        "",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true,
        20,
        0);
  }

  public ServiceQuery withText(String newText) {
    return new ServiceQuery(
        newText,
        targetGroup,
        season,
        lifeSituation,
        category,
        stage,
        provider,
        publishedOnly,
        limit,
        offset);
  }

  public ServiceQuery withProvider(PartnerId partner) {
    return new ServiceQuery(
        text,
        targetGroup,
        season,
        lifeSituation,
        category,
        stage,
        Optional.of(partner),
        publishedOnly,
        limit,
        offset);
  }

  public ServiceQuery withPage(int newLimit, int newOffset) {
    return new ServiceQuery(
        text,
        targetGroup,
        season,
        lifeSituation,
        category,
        stage,
        provider,
        publishedOnly,
        newLimit,
        newOffset);
  }

  public ServiceQuery includingUnpublished() {
    return new ServiceQuery(
        text, targetGroup, season, lifeSituation, category, stage, provider, false, limit, offset);
  }

  /**
   * The words to look for, folded ({@link Folding}), without repeats, at most {@value #MAX_WORDS}.
   */
  List<String> words() {
    LinkedHashSet<String> words = new LinkedHashSet<>();
    for (String part : SEPARATORS.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
      if (!part.isEmpty() && words.size() < MAX_WORDS) {
        words.add(Folding.fold(part.toLowerCase(Locale.GERMAN)));
      }
    }
    return new ArrayList<>(words);
  }
}
