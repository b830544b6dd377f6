package org.sundwerk.app.business;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.business.db.BusinessDatabase;
import org.sundwerk.business.partner.Onboarding;
import org.sundwerk.business.partner.Partners;

/** The partners feature: its tables, migrated when the bean is made, and its onboarding rules. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

  @Bean
  Partners partners(BusinessDatabase database, Clock clock) {
    return Partners.open(database, clock);
  }

  @Bean
  Onboarding onboarding(Partners partners, Accounts accounts) {
    return new Onboarding(partners, accounts);
  }
}
