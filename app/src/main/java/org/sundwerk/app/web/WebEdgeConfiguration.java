package org.sundwerk.app.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.sundwerk.app.config.SundwerkProperties;

/** Wires the HTTP edge: Tomcat's connector and error report, the body limit, trailing slashes. */
@Configuration(proxyBeanMethods = false)
class WebEdgeConfiguration {

  /**
   * Characters that RFC 3986 wants percent-encoded but that NGSI-LD clients send raw: every {@code
   * q} and {@code geoQ} example of the spec has them ({@code q=speed>50}, {@code
   * coordinates=[8,50]}, {@code q=name=="x"}), and other brokers accept them.
   */
  static final String RELAXED_CHARS = "<>\"[]{}|^`";

  /**
   * Tomcat: accepts the raw characters above in query and path; passes {@code %2F} through to the
   * application, so that an entity id with a slash can be addressed as one path segment (Spring
   * decodes it within the segment); and reports its own errors as ProblemDetails. Runs after Spring
   * Boot's customizer, whose error report valve it replaces.
   */
  @Bean
  TomcatEdge tomcatEdge() {
    return new TomcatEdge();
  }

  static final class TomcatEdge
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addConnectorCustomizers(
          connector -> {
            connector.setProperty("relaxedQueryChars", RELAXED_CHARS);
            connector.setProperty("relaxedPathChars", RELAXED_CHARS);
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
          });
      factory.addContextCustomizers(context -> useProblemReports(context.getParent()));
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  private static void useProblemReports(Container host) {
    for (Valve valve : host.getPipeline().getValves()) {
      if (valve instanceof ErrorReportValve) {
        host.getPipeline().removeValve(valve);
      }
    }
    // The host adds a valve of this class when it starts, unless it already has one.
    ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
    host.getPipeline().addValve(new ProblemReportValve());
  }

  @Bean
  FilterRegistrationBean<PayloadLimitFilter> payloadLimit(SundwerkProperties properties) {
    FilterRegistrationBean<PayloadLimitFilter> registration =
        new FilterRegistrationBean<>(new PayloadLimitFilter(properties.maxPayloadBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Serves every resource with and without a trailing slash (the spec's resource table writes
   * {@code /entities/} and {@code /subscriptions/}, and clients send both): the request is passed
   * on without the slash, one mechanism for every mapping.
   */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlash() {
    FilterRegistrationBean<UrlHandlerFilter> registration =
        new FilterRegistrationBean<>(
            UrlHandlerFilter.trailingSlashHandler("/ngsi-ld/**", "/ingestion/**")
                .wrapRequest()
                .build());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
