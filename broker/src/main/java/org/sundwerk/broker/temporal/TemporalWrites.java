package org.sundwerk.broker.temporal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/** Waiting for temporal writes to commit, with their NGSI-LD errors unwrapped. */
final class TemporalWrites {

  private TemporalWrites() {}

  static <R> R await(CompletableFuture<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NgsiLdException(ErrorType.INTERNAL_ERROR, "Interrupted while writing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof NgsiLdException ngsi) {
        throw ngsi;
      }
      throw new NgsiLdException(ErrorType.INTERNAL_ERROR, "Write failed: " + cause, cause);
    }
  }
}
