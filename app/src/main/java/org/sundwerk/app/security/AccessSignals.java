package org.sundwerk.app.security;

import org.sundwerk.access.AccountId;
import org.sundwerk.access.ApiKeyId;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.broker.cluster.ClusterSignals;

/**
 * Carries revocations to the other nodes on the same database, so that a key revoked (or an account
 * changed or deleted) on one node stops working at once on every node, not only after the key cache
 * period: this node's {@link ApiKeys#onRevoke} and {@link Accounts#onChange} are published ({@code
 * NOTIFY} on PostgreSQL), and the other nodes' signals make {@link KeyActors} forget the key or the
 * owner's keys. A node that may have missed signals forgets every cached key. On SQLite there are
 * no other nodes and {@link ClusterSignals#NONE} does nothing.
 */
final class AccessSignals {

  AccessSignals(ApiKeys keys, Accounts accounts, KeyActors actors, ClusterSignals signals) {
    keys.onRevoke(key -> signals.publish(ClusterSignals.Topic.API_KEYS, key.value()));
    accounts.onChange(account -> signals.publish(ClusterSignals.Topic.ACCOUNTS, account.value()));
    signals.listen(
        ClusterSignals.Topic.API_KEYS,
        payload ->
            payload.ifPresentOrElse(key -> actors.forgetKey(new ApiKeyId(key)), actors::forgetAll));
    signals.listen(
        ClusterSignals.Topic.ACCOUNTS,
        payload ->
            payload.ifPresentOrElse(
                account -> actors.forgetOwner(new AccountId(account)), actors::forgetAll));
  }
}
