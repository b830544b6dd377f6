/**
 * Usage metering: the durable, idempotent ledger of what consumers used under their orders ({@link
 * org.sundwerk.business.metering.UsageLedger}). Usage reaches it as {@link
 * org.sundwerk.business.metering.UsageEvent}s that the app publishes (API key use, bookings, portal
 * actions); billing rates the ledger's monthly totals.
 */
package org.sundwerk.business.metering;
