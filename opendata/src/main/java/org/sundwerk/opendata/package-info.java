/**
 * Open data: what a tenant publishes, in the standards its clients are configured with once. The
 * packages are {@code dcat} (the DCAT-AP.de catalog and bulk downloads), {@code features} (OGC API
 * Features) and {@code open311} (GeoReport v2 defect reports). Everything here reads through the
 * broker's operations and the business layer's public API and publishes only what the access policy
 * lets anonymous callers read; HTTP lives in {@code app}.
 */
package org.sundwerk.opendata;
