package org.sundwerk.portal.legal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link LegalProperties}; the app provides {@link PortalPages} on its access database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LegalProperties.class)
class LegalConfiguration {}
