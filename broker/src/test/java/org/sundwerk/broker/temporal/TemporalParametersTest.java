package org.sundwerk.broker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** The temporal query values: timerel (clause 4.11) and aggregation periods (clause 4.5.19). */
class TemporalParametersTest {

  private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "P1D, PT24H",
    "PT1H, PT1H",
    "PT15M, PT15M",
    "P1DT12H, PT36H",
    "P2W, PT336H",
    "PT0.5S, PT0.5S",
  })
  void parsesFixedLengthPeriods(String text, Duration expected) {
    assertThat(Aggregation.parsePeriod(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "P0D"})
  void readsAZeroPeriodAsTheWholeInterval(String text) {
    assertThat(Aggregation.parsePeriod(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P1Y", "1 day", "P", "PT-1H", ""})
  void rejectsPeriodsWithoutFixedLength(String text) {
    assertThatThrownBy(
            () -> new Aggregation(List.of(AggregationMethod.AVG), Aggregation.parsePeriod(text)))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.BAD_REQUEST_DATA));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0.000000001S", "PT0.5S", "PT0.999S"})
  void rejectsPeriodsShorterThanOneSecond(String text) {
    assertThatThrownBy(
            () -> new Aggregation(List.of(AggregationMethod.AVG), Aggregation.parsePeriod(text)))
        .isInstanceOfSatisfying(
            NgsiLdException.class, e -> assertThat(e.detail()).contains("at least one second"));
  }

  @Test
  void boundsEachRelation() {
    Instant end = T.plus(Duration.ofHours(2));
    Timerel before = Timerel.of("before", Optional.of(T), Optional.empty());
    Timerel after = Timerel.of("after", Optional.of(T), Optional.of(end));
    Timerel between = Timerel.of("between", Optional.of(T), Optional.of(end));

    assertThat(before.fromMillis()).isEmpty();
    assertThat(before.toMillis()).contains(T.toEpochMilli());
    assertThat(after.fromMillis()).contains(T.toEpochMilli());
    assertThat(after.toMillis()).isEmpty();
    assertThat(between.fromMillis()).contains(T.toEpochMilli());
    assertThat(between.toMillis()).contains(end.toEpochMilli());
  }

  @Test
  void rejectsIncompleteOrInvertedRelations() {
    assertThatThrownBy(() -> Timerel.of("between", Optional.of(T), Optional.empty()))
        .isInstanceOf(NgsiLdException.class);
    assertThatThrownBy(() -> Timerel.of("between", Optional.of(T), Optional.of(T)))
        .isInstanceOf(NgsiLdException.class);
    assertThatThrownBy(() -> Timerel.of("after", Optional.empty(), Optional.empty()))
        .isInstanceOf(NgsiLdException.class);
    assertThatThrownBy(() -> Timerel.of("within", Optional.of(T), Optional.empty()))
        .isInstanceOf(NgsiLdException.class);
  }

  @Test
  void knowsTheTimeProperties() {
    assertThat(TimeProperty.of("createdAt")).isEqualTo(TimeProperty.CREATED_AT);
    assertThatThrownBy(() -> TimeProperty.of("deletedAt")).isInstanceOf(NgsiLdException.class);
  }
}
