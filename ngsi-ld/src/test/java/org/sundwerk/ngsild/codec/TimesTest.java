package org.sundwerk.ngsild.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Epoch milliseconds of years 0000 to 9999. */
  @Property(tries = 5_000)
  void formatsLikeTheJavaTimeFormatterAndParsesBack(
      @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long millis) {
    Instant time = Instant.ofEpochMilli(millis);
    String text = Times.format(time);
    assertThat(text).isEqualTo(REFERENCE.format(time));
    assertThat(Times.parse(text)).isEqualTo(time);
  }

  @Test
  void truncatesToMilliseconds() {
    assertThat(Times.format(Instant.parse("2024-05-01T08:00:00.123456Z")))
        .isEqualTo("2024-05-01T08:00:00.123Z");
  }

  @Test
  void parsesOtherIsoInstantsOnTheSlowPath() {
    assertThat(Times.parse("2024-02-29T23:59:59Z")).isEqualTo("2024-02-29T23:59:59Z");
    assertThat(Times.parse("2024-05-01T08:00:00.5Z"))
        .isEqualTo(Instant.parse("2024-05-01T08:00:00.500Z"));
    assertThat(Times.parse("2024-05-01T10:00:00.000+02:00"))
        .isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> Times.parse("2023-02-29T00:00:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Times.parse("2023-13-01T00:00:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Times.parse("2023-01-01T12:60:00.000Z"))
        .isInstanceOf(DateTimeParseException.class);
  }

  @Test
  void yearsBeyondFourDigitsFallBackToJavaTime() {
    Instant far = Instant.parse("+12024-01-01T00:00:00Z");
    assertThat(Times.format(far)).isEqualTo(far.truncatedTo(ChronoUnit.MILLIS).toString());
  }
}
