package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sundwerk.broker.subscription.Outbox;
import org.sundwerk.broker.subscription.OutboxMessage;

class SqliteOutboxTest extends OutboxContract {

  @TempDir Path directory;

  @Override
  StoreDatabase openDatabase() {
    return StoreDatabase.sqlite(directory);
  }

  @Test
  void readsFreshMessagesAgainFromTheStartAfterARestart() throws SQLException {
    long id = insert("urn:a");

    assertThat(outbox.fresh(0, 10, FAR)).extracting(OutboxMessage::id).containsExactly(id);
    assertThat(outbox.fresh(0, 10, FAR)).extracting(OutboxMessage::id).containsExactly(id);
  }

  @Test
  void renewingLeavesAFreshMessageFresh() throws SQLException {
    long id = insert("urn:a");

    outbox.renewClaims(List.of(id), FAR);

    assertThat(outbox.fresh(0, 10, FAR)).extracting(OutboxMessage::id).containsExactly(id);
  }

  @Test
  void releasingClaimsAtStartMakesEveryRetryDue() throws SQLException {
    long failed = insert("urn:a");
    Instant due = T0.plusSeconds(10);
    failOnce(failed, due);
    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, due, FAR)).hasSize(1);

    outbox.releaseClaims(due);

    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, due, due))
        .extracting(OutboxMessage::id)
        .containsExactly(failed);
  }
}
