package org.sundwerk.app.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How subscription notifications are delivered, under {@code sundwerk.notifications.*}.
 *
 * @param allowedHosts hosts, IP literals or CIDR ranges that notification endpoints may use
 *     although they are private or loopback addresses (SSRF guard); default none
 * @param connectTimeout connect timeout of HTTP and MQTT endpoints; default 2 s
 * @param requestTimeout how long one delivery may take; default 5 s
 * @param claimBatch most outbox messages claimed per poll; default 2000
 * @param maxPerNotification most changes bundled into one Notification; default 100
 * @param concurrency most subscriptions notified at the same time; default 64
 * @param pollInterval pause between polls of an outbox with nothing new; default 10 ms
 * @param settleInterval how often delivery outcomes are written back (deleting delivered rows) and
 *     due retries claimed; default 100 ms
 * @param retryInitial delay before the first retry, doubled per failed attempt; default 250 ms
 * @param retryMax the longest delay between retries; default 30 s
 * @param claimLease how long a notification claimed by this node is kept from other claims before
 *     it is settled; once it has passed without a settlement (the node died) the notification is
 *     sent again, by another node where several share a PostgreSQL database; default 1 min
 * @param periodicTick how often periodic ({@code timeInterval}) subscriptions are checked; default
 *     1 s
 */
@ConfigurationProperties("sundwerk.notifications")
public record NotificationProperties(
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration requestTimeout,
    @DefaultValue("2000") int claimBatch,
    @DefaultValue("100") int maxPerNotification,
    @DefaultValue("64") int concurrency,
    @DefaultValue("10ms") Duration pollInterval,
    @DefaultValue("100ms") Duration settleInterval,
    @DefaultValue("250ms") Duration retryInitial,
    @DefaultValue("30s") Duration retryMax,
    @DefaultValue("1m") Duration claimLease,
    @DefaultValue("1s") Duration periodicTick) {}
