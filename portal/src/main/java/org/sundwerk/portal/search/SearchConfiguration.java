package org.sundwerk.portal.search;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The search's settings. The app provides the {@link SearchIndex} (on its access database), the
 * portal the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {}
