package org.sundwerk.access;

/** The kind of thing a request does; API key scopes are sets of these. */
public enum Operation {
  /** Retrieve, query, temporal evolution, exports, portal pages. */
  READ,
  /** Create, update, merge, delete, batch writes. */
  WRITE,
  /** Create or manage a subscription: it sends data out of the platform. */
  SUBSCRIBE,
  /** Device and gateway uplinks (MQTT, LoRaWAN webhooks, the JSON ingestion endpoint). */
  INGEST,
  /** Accounts, roles, keys of others, audit log, configuration. */
  ADMIN
}
