package org.sundwerk.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.sundwerk.portal.PortalConfiguration;

/** Starts the Sundwerk platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PortalConfiguration.class)
public class SundwerkApplication {

  public static void main(String[] args) {
    SpringApplication.run(SundwerkApplication.class, args);
  }
}
