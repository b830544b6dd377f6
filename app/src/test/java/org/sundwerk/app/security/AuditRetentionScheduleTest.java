package org.sundwerk.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.AccountPolicy;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordHasher;
import org.sundwerk.access.account.PasswordRules;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.access.db.AccessDatabase;
import org.sundwerk.broker.cluster.Leadership;

/** The daily retention run deletes audit events beyond the retention, on the leader only. */
class AuditRetentionScheduleTest {

  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  static final Duration RETENTION = Duration.ofDays(365);
  static final TenantId CITY = TenantId.of("city");

  @TempDir Path dir;
  AccessDatabase database;
  AuditLog audit;
  Accounts accounts;

  @BeforeEach
  void open() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SecureRandom random = new SecureRandom();
    database = AccessDatabase.sqlite(dir.resolve("sundwerk.db"));
    audit = new AuditLog(database, clock);
    accounts =
        new Accounts(
            database,
            clock,
            new PasswordHasher(new PasswordHasher.Cost(64, 1, 1), random),
            PasswordRules.standard(),
            AccountPolicy.DEFAULT,
            random);
    audit.recordAll(
        List.of(
            event(NOW.minus(RETENTION).minusSeconds(1), "old"),
            event(NOW.minus(RETENTION).plusSeconds(1), "kept"),
            event(NOW.minusSeconds(5), "recent")));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theLeaderDeletesWhatIsOlderThanTheRetention() {
    assertThat(AuditRetentionSchedule.run(audit, accounts, RETENTION, Leadership.ALONE)).isTrue();

    assertThat(audit.query(CITY, Instant.EPOCH, NOW, 10))
        .extracting(AuditEvent::target)
        .containsExactly("recent", "kept");
  }

  @Test
  void aNodeThatDoesNotLeadLeavesTheLogAlone() {
    assertThat(AuditRetentionSchedule.run(audit, accounts, RETENTION, () -> false)).isFalse();

    assertThat(audit.query(CITY, Instant.EPOCH, NOW, 10)).hasSize(3);
  }

  private static AuditEvent event(Instant at, String target) {
    return new AuditEvent(at, "platform", CITY, "DELETE /x/{id}", target, "127.0.0.1");
  }
}
