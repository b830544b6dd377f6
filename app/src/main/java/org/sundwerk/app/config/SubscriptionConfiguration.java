package org.sundwerk.app.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.cluster.Leadership;
import org.sundwerk.broker.subscription.ActiveSubscriptions;
import org.sundwerk.broker.subscription.EndpointSenders;
import org.sundwerk.broker.subscription.HttpNotificationSender;
import org.sundwerk.broker.subscription.LocalEndpoints;
import org.sundwerk.broker.subscription.MqttNotificationSender;
import org.sundwerk.broker.subscription.NotificationRenderer;
import org.sundwerk.broker.subscription.Notifier;
import org.sundwerk.broker.subscription.NotifierSettings;
import org.sundwerk.broker.subscription.PeriodicNotifier;
import org.sundwerk.broker.subscription.SubscriberViews;
import org.sundwerk.broker.subscription.SubscriptionOperations;
import org.sundwerk.broker.subscription.SubscriptionStore;
import org.sundwerk.ngsild.jsonld.ContextResolver;
import org.sundwerk.ngsild.jsonld.UrlGuard;
import org.sundwerk.store.JdbcEntityStore;
import org.sundwerk.store.JdbcOutbox;
import org.sundwerk.store.JdbcSubscriptionStore;
import org.sundwerk.store.OutboxRecorder;
import org.sundwerk.store.StoreDatabase;

/**
 * Subscriptions and notifications: the subscription store and its cache, the outbox recorder that
 * the entity store runs in every write transaction, the notifier draining the outbox, and the
 * periodic notifier. Both notifiers send only what each subscription's owner may see now ({@link
 * SubscriberViews}, implemented by the access wiring).
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

  @Bean
  JdbcSubscriptionStore subscriptionStore(StoreDatabase database) {
    return new JdbcSubscriptionStore(database);
  }

  @Bean
  JdbcOutbox outbox(StoreDatabase database) {
    return new JdbcOutbox(database);
  }

  @Bean
  ActiveSubscriptions activeSubscriptions(
      SubscriptionStore store, ContextResolver resolver, Clock clock, ClusterSignals signals) {
    ActiveSubscriptions active =
        new ActiveSubscriptions(
            store,
            context -> context.map(resolver::resolve).orElseGet(resolver::defaultDictionary),
            clock);
    // Another node wrote a tenant's subscriptions (or this node may have missed such signals).
    signals.listen(
        ClusterSignals.Topic.SUBSCRIPTIONS,
        tenant -> tenant.ifPresentOrElse(active::reload, active::reloadAll));
    return active;
  }

  @Bean(destroyMethod = "close")
  MqttNotificationSender mqttNotificationSender(NotificationProperties properties) {
    return new MqttNotificationSender(properties.requestTimeout());
  }

  /** The in-process endpoints ({@code local:<name>}) the platform's features register on. */
  @Bean
  LocalEndpoints localEndpoints() {
    return new LocalEndpoints();
  }

  @Bean
  EndpointSenders endpointSenders(
      NotificationProperties properties, MqttNotificationSender mqtt, LocalEndpoints local) {
    return new EndpointSenders(
        new UrlGuard(properties.allowedHosts(), false),
        new HttpNotificationSender(properties.connectTimeout(), properties.requestTimeout()),
        mqtt,
        local);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  Notifier notifier(
      JdbcOutbox outbox,
      ActiveSubscriptions active,
      EndpointSenders senders,
      SubscriberViews views,
      Clock clock,
      NotificationProperties properties) {
    return new Notifier(
        outbox,
        active,
        new NotificationRenderer(),
        senders,
        views,
        clock,
        new NotifierSettings(
            properties.claimBatch(),
            properties.maxPerNotification(),
            properties.concurrency(),
            properties.pollInterval(),
            properties.settleInterval(),
            properties.retryInitial(),
            properties.retryMax(),
            properties.claimLease()));
  }

  /** Picked up by the entity store with every other {@code ChangeRecorder} bean. */
  @Bean
  OutboxRecorder outboxRecorder(ActiveSubscriptions active, Clock clock) {
    return new OutboxRecorder(active, clock);
  }

  @Bean(destroyMethod = "close")
  PeriodicNotifier periodicNotifier(
      ActiveSubscriptions active,
      JdbcEntityStore entities,
      SubscriptionStore store,
      EndpointSenders senders,
      SubscriberViews views,
      Clock clock,
      Leadership leadership,
      NotificationProperties properties,
      SundwerkProperties sundwerk) {
    PeriodicNotifier periodic =
        new PeriodicNotifier(
            active,
            entities,
            store,
            new NotificationRenderer(),
            senders,
            views,
            clock,
            leadership,
            sundwerk.maxPageSize());
    periodic.start(properties.periodicTick().toMillis());
    return periodic;
  }

  @Bean
  SubscriptionOperations subscriptionOperations(
      SubscriptionStore store,
      ActiveSubscriptions active,
      ClusterSignals signals,
      Clock clock,
      SundwerkProperties properties) {
    return SubscriptionOperations.create(store, active, signals, clock, properties.maxPageSize());
  }
}
