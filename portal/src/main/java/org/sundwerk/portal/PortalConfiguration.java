package org.sundwerk.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's parts and languages: German by default, English with {@code ?lang=en} (kept in a
 * cookie) or, before any choice, when the browser's {@code Accept-Language} prefers English over
 * German. Texts come from {@code messages*.properties}. The app imports this configuration and
 * provides a {@link PortalGate}.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(PortalProperties.class)
public class PortalConfiguration implements WebMvcConfigurer {

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
    resolver.setDefaultLocaleFunction(PortalConfiguration::browserLanguage);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  /** The first of German and English in the browser's list; German when it names neither. */
  private static Locale browserLanguage(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return Locale.GERMAN;
    }
    for (Locale locale : Collections.list(request.getLocales())) {
      switch (locale.getLanguage()) {
        case "de" -> {
          return Locale.GERMAN;
        }
        case "en" -> {
          return Locale.ENGLISH;
        }
        default -> {}
      }
    }
    return Locale.GERMAN;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    interceptor.setIgnoreInvalidLocale(true);
    registry.addInterceptor(interceptor);
  }
}
