package org.sundwerk.store;

import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.integer;
import static org.sundwerk.store.TestEntities.put;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link SqliteCrashTest}: writes entities from four threads forever and
 * prints each id on its own line once its write is acknowledged. Killed with SIGKILL by the test.
 */
final class CrashWriter {

  static final String TENANT = "urn:tenant:crash";

  private CrashWriter() {}

  public static void main(String[] args) {
    JdbcEntityStore store = new JdbcEntityStore(Path.of(args[0]));
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < 4; t++) {
      Thread.ofPlatform()
          .start(
              () -> {
                while (true) {
                  int n = next.getAndIncrement();
                  String id = "c" + n;
                  store
                      .write(
                          TENANT, TestEntities.urn(id), put(entity(id, "Crash", "n", integer(n))))
                      .join();
                  synchronized (System.out) {
                    System.out.println(TestEntities.urn(id));
                    System.out.flush();
                  }
                }
              });
    }
    System.out.println("started");
    System.out.flush();
  }
}
