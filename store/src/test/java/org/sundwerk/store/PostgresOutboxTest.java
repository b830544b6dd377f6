package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sundwerk.broker.subscription.Outbox;
import org.sundwerk.broker.subscription.OutboxMessage;

/** The outbox contract, plus what a database several nodes share adds: claims with a lease. */
class PostgresOutboxTest extends OutboxContract {

  @RegisterExtension static final PostgresTestDatabase server = new PostgresTestDatabase();

  private String url;

  @Override
  StoreDatabase openDatabase() throws Exception {
    url = server.newSchema();
    return server.open(url);
  }

  @Test
  void aClaimedMessageIsClaimedAgainOnlyAfterItsLeaseAsARetry() throws SQLException {
    long id = insert("urn:a");
    Instant lease = T0.plusSeconds(30);

    assertThat(outbox.fresh(0, 10, lease)).extracting(OutboxMessage::id).containsExactly(id);
    assertThat(outbox.fresh(0, 10, lease)).isEmpty();
    outbox.releaseClaims(T0);
    assertThat(outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, T0, FAR)).isEmpty();

    List<OutboxMessage> again =
        outbox.settleAndClaimRetries(Outbox.Settlement.NONE, 10, lease, FAR);
    assertThat(again).extracting(OutboxMessage::id).containsExactly(id);
    assertThat(again.getFirst().attempts()).isZero();
  }

  @Test
  void twoNodesClaimingTogetherGetEveryMessageExactlyOnce() throws Exception {
    int messages = 600;
    for (int i = 0; i < messages; i++) {
      insert("urn:m" + i);
    }
    try (StoreDatabase other = server.open(url)) {
      Outbox nodeB = new JdbcOutbox(other);
      CompletableFuture<List<Long>> fromA = CompletableFuture.supplyAsync(() -> drain(outbox));
      CompletableFuture<List<Long>> fromB = CompletableFuture.supplyAsync(() -> drain(nodeB));
      List<Long> a = fromA.get(1, TimeUnit.MINUTES);
      List<Long> b = fromB.get(1, TimeUnit.MINUTES);

      Set<Long> all = new HashSet<>(a);
      all.addAll(b);
      assertThat(all).hasSize(messages);
      assertThat(a.size() + b.size()).as("claims, duplicates included").isEqualTo(messages);
    }
  }

  /** Claims small batches until none is left. */
  private static List<Long> drain(Outbox outbox) {
    List<Long> claimed = new ArrayList<>();
    List<OutboxMessage> batch;
    while (!(batch = outbox.fresh(0, 7, FAR)).isEmpty()) {
      batch.forEach(message -> claimed.add(message.id()));
    }
    return claimed;
  }
}
