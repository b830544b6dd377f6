package org.sundwerk.app.portal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's languages: German by default, English with {@code ?lang=en}; the choice is kept in a
 * cookie. Texts come from {@code messages*.properties}.
 */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

  /** Never fall back to the server's locale: German is the default whatever the machine says. */
  @Bean
  MessageSource messageSource() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("sundwerk-lang");
    resolver.setDefaultLocale(Locale.GERMAN);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
