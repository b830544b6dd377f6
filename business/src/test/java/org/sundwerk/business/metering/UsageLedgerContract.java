package org.sundwerk.business.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.offer.BusinessModel.Unit;
import org.sundwerk.business.offer.OrderId;
import org.sundwerk.business.offer.TestClock;

/** The contract of {@link UsageLedger}, run on SQLite and PostgreSQL by the subclasses. */
abstract class UsageLedgerContract {

  static final TenantId CITY = TenantId.of("stralsund");
  static final TenantId DISTRICT = TenantId.of("vorpommern-ruegen");
  static final OrderId BIKES = new OrderId("bikes-hotel");
  static final OrderId DATA = new OrderId("data-school");
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  /** 2026-11-20 12:00 in Stralsund. */
  static final Instant MID_NOVEMBER = Instant.parse("2026-11-20T11:00:00Z");

  final TestClock clock = new TestClock(MID_NOVEMBER);
  BusinessDatabase database;
  UsageLedger ledger;

  /** A fresh, empty database of the backend under test. */
  abstract BusinessDatabase database();

  @BeforeEach
  void open() {
    database = database();
    ledger = new UsageLedger(database, clock);
  }

  static UsageEvent event(String key, OrderId order, Unit unit, long quantity, Instant at) {
    return new UsageEvent(CITY, key, order, unit, quantity, at);
  }

  @Test
  void totalsSumPerOrderAndUnitWithinTheMonth() {
    ledger.record(event("r1", BIKES, Unit.RENTAL_HOUR, 2, MID_NOVEMBER));
    ledger.record(event("r2", BIKES, Unit.RENTAL_HOUR, 3, MID_NOVEMBER.plusSeconds(60)));
    ledger.record(event("b1", BIKES, Unit.BOOKING, 1, MID_NOVEMBER));
    ledger.record(event("c1", DATA, Unit.API_CALL, 1, MID_NOVEMBER));
    ledger.record(new UsageEvent(DISTRICT, "c1", DATA, Unit.API_CALL, 7, MID_NOVEMBER));

    assertThat(ledger.totals(CITY, NOVEMBER))
        .containsExactly(
            new UsageTotal(BIKES, Unit.BOOKING, 1),
            new UsageTotal(BIKES, Unit.RENTAL_HOUR, 5),
            new UsageTotal(DATA, Unit.API_CALL, 1));
    assertThat(ledger.totals(DISTRICT, NOVEMBER))
        .containsExactly(new UsageTotal(DATA, Unit.API_CALL, 7));
    assertThat(ledger.used(CITY, BIKES, Unit.RENTAL_HOUR, NOVEMBER)).isEqualTo(5);
    assertThat(ledger.used(CITY, BIKES, Unit.RENTAL_HOUR, DECEMBER)).isZero();
  }

  @Test
  void aReplayedEventIsCountedOnce() {
    UsageEvent first = event("req-42", DATA, Unit.API_CALL, 1, MID_NOVEMBER);

    assertThat(ledger.record(first)).isTrue();
    assertThat(ledger.record(first)).isFalse();
    // the key decides, not the content: a replay with other figures changes nothing either
    assertThat(ledger.record(event("req-42", BIKES, Unit.API_CALL, 9, MID_NOVEMBER))).isFalse();
    assertThat(
            ledger.recordAll(List.of(first, event("req-43", DATA, Unit.API_CALL, 1, MID_NOVEMBER))))
        .isEqualTo(1);

    assertThat(ledger.totals(CITY, NOVEMBER))
        .containsExactly(new UsageTotal(DATA, Unit.API_CALL, 2));
  }

  @Test
  void concurrentRecordersOfTheSameEventsCountEachOnce() throws Exception {
    List<UsageEvent> events = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(event("call-" + i, DATA, Unit.API_CALL, 1, MID_NOVEMBER));
    }
    // Two ledgers on one database stand for two nodes; each records every event once, in batches.
    UsageLedger otherNode = new UsageLedger(database, clock);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> recorders = new ArrayList<>();
      for (UsageLedger node : List.of(ledger, otherNode, ledger, otherNode)) {
        recorders.add(
            () -> {
              start.await();
              int added = 0;
              for (int from = 0; from < events.size(); from += 20) {
                added += recordRetryingBusy(node, events.subList(from, from + 20));
              }
              return added;
            });
      }
      List<Future<Integer>> results = new ArrayList<>();
      for (Callable<Integer> recorder : recorders) {
        results.add(pool.submit(recorder));
      }
      start.countDown();
      int added = 0;
      for (Future<Integer> result : results) {
        added += result.get();
      }
      assertThat(added).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.used(CITY, DATA, Unit.API_CALL, NOVEMBER)).isEqualTo(200);
  }

  /**
   * On PostgreSQL two transactions inserting the same key wait for each other and never fail; on
   * SQLite a writer may find the database busy, which leaves nothing written and is retried.
   */
  private static int recordRetryingBusy(UsageLedger node, List<UsageEvent> batch)
      throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return node.recordAll(batch);
      } catch (RuntimeException e) {
        if (attempt > 50 || !String.valueOf(e.getMessage()).contains("SQLITE_BUSY")) {
          throw e;
        }
        Thread.sleep(5);
      }
    }
  }

  @Test
  void anEventBelongsToTheMonthItHappenedInInStralsund() {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Stralsund
    Instant lateNight = Instant.parse("2026-11-30T23:30:00Z");
    ledger.record(event("night", BIKES, Unit.RENTAL_HOUR, 1, lateNight));

    assertThat(UsageLedger.periodOf(lateNight)).isEqualTo(DECEMBER);
    assertThat(ledger.used(CITY, BIKES, Unit.RENTAL_HOUR, DECEMBER)).isEqualTo(1);
    assertThat(ledger.used(CITY, BIKES, Unit.RENTAL_HOUR, NOVEMBER)).isZero();
  }

  @Test
  void aLateEventLandsInItsOwnMonthAndIsFoundAsArrivedAfterTheClose() {
    ledger.record(event("on-time", BIKES, Unit.BOOKING, 1, MID_NOVEMBER));
    Instant closedAt = Instant.parse("2026-12-01T02:00:00Z");
    clock.set(closedAt.plus(Duration.ofHours(5)));

    ledger.record(event("late", BIKES, Unit.BOOKING, 2, MID_NOVEMBER.plus(Duration.ofDays(3))));

    assertThat(ledger.used(CITY, BIKES, Unit.BOOKING, NOVEMBER)).isEqualTo(3);
    assertThat(ledger.recordedAfter(CITY, NOVEMBER, closedAt))
        .containsExactly(new UsageTotal(BIKES, Unit.BOOKING, 2));
    assertThat(ledger.totals(CITY, DECEMBER)).isEmpty();
  }

  @Test
  void refusesEventsThatCannotBeCounted() {
    assertThatThrownBy(() -> event("", DATA, Unit.API_CALL, 1, MID_NOVEMBER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("with space", DATA, Unit.API_CALL, 1, MID_NOVEMBER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("k".repeat(201), DATA, Unit.API_CALL, 1, MID_NOVEMBER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> event("zero", DATA, Unit.API_CALL, 0, MID_NOVEMBER))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
