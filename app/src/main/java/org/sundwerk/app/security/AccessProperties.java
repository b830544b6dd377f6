package org.sundwerk.app.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings under {@code sundwerk.access}. The bootstrap secrets have names of their own
 * ({@code SUNDWERK_ADMIN_API_KEY}, {@code SUNDWERK_ADMIN_PASSWORD}, read by {@link
 * AccessConfiguration}).
 *
 * @param keyCache how long a node keeps a resolved API key before it reads the key's row again;
 *     bounds how long a node that missed a revocation message can accept the key. Revocations on
 *     the same node (and, on PostgreSQL, on every node told by NOTIFY) take effect at once. 0
 *     disables the cache: every request reads the row. Default 30 s.
 * @param trustedProxies remote addresses of reverse proxies whose {@code X-Forwarded-For} names the
 *     client that the rate limiter counts; empty (default): the TCP peer is the client
 * @param rateLimited false switches rate limits off (load tests); default true
 * @param operatorEmail the e-mail address of the platform operator created on first start
 */
@ConfigurationProperties("sundwerk.access")
public record AccessProperties(
    @DefaultValue("30s") Duration keyCache,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("true") boolean rateLimited,
    @DefaultValue("admin@localhost") String operatorEmail) {}
