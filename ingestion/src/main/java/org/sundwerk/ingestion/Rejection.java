package org.sundwerk.ingestion;

/** Why a device message was not ingested; each reason has its own counter. */
public enum Rejection {
  /** The message is not JSON or lacks a required member. */
  MALFORMED,
  /** No device with this EUI is registered. */
  UNKNOWN_DEVICE,
  /** The payload could not be decoded into values. */
  UNDECODABLE,
  /** The broker refused the merge (for example the entity does not exist). */
  REFUSED,
  /** The sender may not write into the message's tenant or entity ({@link UplinkPermit}). */
  FORBIDDEN,
  /** The store could not take the write for now (database unavailable): send it again later. */
  UNAVAILABLE
}
