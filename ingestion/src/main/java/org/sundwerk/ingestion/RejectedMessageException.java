package org.sundwerk.ingestion;

/** A device message that cannot be ingested, with the reason and a human-readable detail. */
public final class RejectedMessageException extends RuntimeException {

  private final Rejection reason;

  public RejectedMessageException(Rejection reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }
}
