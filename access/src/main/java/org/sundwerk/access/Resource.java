package org.sundwerk.access;

/** Which part of the platform a request reaches. */
public enum Resource {
  /** The NGSI-LD API on entities: retrieve, query, batch, temporal, subscriptions. */
  ENTITIES,
  /** Hosted {@code @context} documents ({@code /ngsi-ld/v1/jsonldContexts}). */
  CONTEXTS,
  /** Ingestion endpoints and the MQTT uplink topics. */
  INGESTION,
  /** The services and business APIs (catalog, offers, ideas). */
  SERVICES,
  /** Portal pages and forms. */
  PORTAL,
  /** One's own account: profile, keys, data export, deletion. */
  ACCOUNT,
  /** The audit log of a tenant. */
  AUDIT,
  /**
   * Other people's accounts, roles and keys: the admin API, for operators of the tenant (and their
   * keys scoped to {@code ADMIN}: automation), unlike one's own {@link #ACCOUNT}.
   */
  ACCOUNTS,
  /** {@code /actuator/health}: load balancers and monitoring ask it without credentials. */
  HEALTH,
  /** Every other actuator endpoint (metrics, Prometheus, info). */
  ACTUATOR
}
