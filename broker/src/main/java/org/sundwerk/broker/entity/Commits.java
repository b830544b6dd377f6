package org.sundwerk.broker.entity;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.sundwerk.ngsild.error.ErrorType;
import org.sundwerk.ngsild.error.NgsiLdException;

/**
 * Waiting for a store write to be acknowledged (durably committed), with the NGSI-LD error of a
 * failed write unwrapped so that the caller's error type reaches the client unchanged.
 */
public final class Commits {

  private Commits() {}

  public static <R> R await(CompletableFuture<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NgsiLdException(ErrorType.INTERNAL_ERROR, "Interrupted while writing", e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  static NgsiLdException unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NgsiLdException ngsi) {
      return ngsi;
    }
    return new NgsiLdException(ErrorType.INTERNAL_ERROR, "Write failed: " + cause, cause);
  }
}
