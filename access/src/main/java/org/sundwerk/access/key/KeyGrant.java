package org.sundwerk.access.key;

import java.util.Optional;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.PartnerId;

/** What a valid, unrevoked key stands for: its owner (acting for a partner) and its scope. */
public record KeyGrant(
    ApiKeyId id, AccountId owner, Optional<PartnerId> actingFor, KeyScope scope) {}
