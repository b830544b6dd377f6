package org.sundwerk.access.db;

import java.sql.SQLException;

/** The access tables could not be read or written; the request fails with a server error. */
public final class AccessStorageException extends RuntimeException {
  public AccessStorageException(String message, SQLException cause) {
    super(message, cause);
  }
}
