package org.sundwerk.business.db;

/** The business tables could not be read or written; the cause says why. */
public final class BusinessStorageException extends RuntimeException {

  public BusinessStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
