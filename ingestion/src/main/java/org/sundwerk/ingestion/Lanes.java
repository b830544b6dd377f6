package org.sundwerk.ingestion;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Parallel single-thread lanes for MQTT messages: messages with the same key (the topic, which
 * names the device) run in arrival order in one lane, different devices run concurrently, so that
 * many merges are in flight and the store can group-commit them. A full lane blocks the submitting
 * thread (the MQTT client or broker), which is the back-pressure towards the broker.
 */
final class Lanes implements AutoCloseable {

  private final ThreadPoolExecutor[] lanes;

  /**
   * @param count number of lanes, at least 1
   * @param capacity queued messages per lane before the submitter blocks, at least 1
   */
  Lanes(int count, int capacity) {
    lanes = new ThreadPoolExecutor[count];
    for (int i = 0; i < count; i++) {
      lanes[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(capacity),
              Thread.ofPlatform().name("sundwerk-ingest-" + i).daemon().factory(),
              (task, executor) -> blockingPut(task, executor.getQueue(), executor));
    }
  }

  void submit(String key, Runnable task) {
    lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(task);
  }

  private static void blockingPut(
      Runnable task, BlockingQueue<Runnable> queue, ThreadPoolExecutor executor) {
    if (executor.isShutdown()) {
      throw new RejectedExecutionException("ingestion is shutting down");
    }
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedExecutionException("interrupted while the lane was full", e);
    }
  }

  /** Stops taking messages and waits up to five seconds for the queued ones. */
  @Override
  public void close() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdown();
    }
    try {
      for (ThreadPoolExecutor lane : lanes) {
        lane.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
