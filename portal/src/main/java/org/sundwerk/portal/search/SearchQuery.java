package org.sundwerk.portal.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sundwerk.business.Folding;

/**
 * What a visitor typed, reduced to words: everything but letters and digits separates words, so
 * quotes, operators ({@code AND}, {@code NEAR(}, {@code *}, {@code -}, {@code :}) and SQL never
 * reach a query as syntax. Words shorter than {@value #MIN_WORD} characters are left out (a trigram
 * needs three); the input is cut at {@value #MAX_CHARS} characters and {@value #MAX_WORDS} words.
 *
 * @param text the input as shown back to the visitor (stripped and cut)
 * @param words the words to look for, each in its folded and its lower-case spelling
 * @param tooShort whether the input had words but all of them were too short
 */
public record SearchQuery(String text, List<Word> words, boolean tooShort) {

  static final int MAX_CHARS = 200;
  static final int MAX_WORDS = 8;
  static final int MIN_WORD = 3;

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

  /**
   * One word.
   *
   * @param folded as compared to the index ({@link Folding})
   * @param lower lower case with umlauts kept, for PostgreSQL's German stemmer
   */
  public record Word(String folded, String lower) {}

  public SearchQuery {
    words = List.copyOf(words);
  }

  public static SearchQuery parse(String input) {
    // NFC: a letter and its combining accent (decomposed input) stay one letter of one word.
    String text = input == null ? "" : Normalizer.normalize(input, Normalizer.Form.NFC).strip();
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS);
    }
    Set<String> seen = new LinkedHashSet<>();
    List<Word> words = new ArrayList<>();
    boolean shortOnes = false;
    for (String part : SEPARATORS.split(text)) {
      if (part.isEmpty()) {
        continue;
      }
      String folded = Folding.fold(part);
      if (folded.length() < MIN_WORD) {
        shortOnes = true;
        continue;
      }
      if (words.size() < MAX_WORDS && seen.add(folded)) {
        words.add(new Word(folded, part.toLowerCase(Locale.GERMAN)));
      }
    }
    return new SearchQuery(text, words, words.isEmpty() && shortOnes);
  }

  /** Whether there is anything to look for. */
  public boolean searchable() {
    return !words.isEmpty();
  }
}
