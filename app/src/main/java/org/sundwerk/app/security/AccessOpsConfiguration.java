package org.sundwerk.app.security;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.broker.cluster.ClusterSignals;
import org.sundwerk.broker.cluster.Leadership;

/**
 * Running access on a platform: the audit trail of writes and admin actions, its daily retention
 * job, and revocations relayed between nodes.
 */
@Configuration(proxyBeanMethods = false)
class AccessOpsConfiguration {

  @Bean(destroyMethod = "close")
  AuditTrail auditTrail(AuditLog log) {
    return new AuditTrail(log);
  }

  /** Records every successful write and admin action of the APIs (see {@link AuditInterceptor}). */
  @Bean
  WebMvcConfigurer auditedApis(AuditTrail trail, ActorResolver resolver, Clock clock) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry
            .addInterceptor(new AuditInterceptor(trail, resolver, clock))
            .addPathPatterns("/ngsi-ld/**", "/ingestion/**", "/api/**");
      }
    };
  }

  @Bean(destroyMethod = "close")
  AuditRetentionSchedule auditRetention(
      AuditLog audit, Accounts accounts, AccessProperties properties, Leadership leadership) {
    return new AuditRetentionSchedule(audit, accounts, properties.auditRetention(), leadership);
  }

  @Bean
  AccessSignals accessSignals(
      ApiKeys keys, Accounts accounts, KeyActors actors, ClusterSignals signals) {
    return new AccessSignals(keys, accounts, actors, signals);
  }
}
