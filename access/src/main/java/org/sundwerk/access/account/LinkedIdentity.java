package org.sundwerk.access.account;

import java.time.Instant;

/** An OIDC identity linked to an account, as the account page and the data export show it. */
public record LinkedIdentity(String issuer, String subject, Instant linkedAt) {}
