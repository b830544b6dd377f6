package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

  @Test
  void dropsASecondSightingAndForgetsTheOldestBeyondItsCapacity() {
    DuplicateFilter filter = new DuplicateFilter(2);

    assertThat(filter.firstSighting("a")).isTrue();
    assertThat(filter.firstSighting("a")).isFalse();
    assertThat(filter.firstSighting("b")).isTrue();
    assertThat(filter.firstSighting("c")).isTrue();

    assertThat(filter.firstSighting("a")).as("a was the oldest and is forgotten").isTrue();
    assertThat(filter.firstSighting("c")).isFalse();
  }

  @Test
  void aForgottenKeyIsNewAgain() {
    DuplicateFilter filter = new DuplicateFilter(10);
    filter.firstSighting("a");
    filter.forget("a");

    assertThat(filter.firstSighting("a")).isTrue();
  }
}
