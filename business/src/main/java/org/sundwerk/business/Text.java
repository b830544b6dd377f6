package org.sundwerk.business;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A text residents and partners read: German first, English second, and optionally in Leichte
 * Sprache (plain German for people with learning difficulties). German is required; English falls
 * back to German when a partner has not translated yet.
 */
public record Text(String de, Optional<String> en, Optional<String> easyGerman) {

  public Text {
    Objects.requireNonNull(de, "de");
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(easyGerman, "easyGerman");
    en = en.filter(value -> !value.isBlank());
    easyGerman = easyGerman.filter(value -> !value.isBlank());
  }

  public static Text of(String de, String en) {
    return new Text(de, Optional.ofNullable(en), Optional.empty());
  }

  /** The text in {@code locale}'s language: English where it exists, else German. */
  public String in(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en.orElse(de) : de;
  }
}
