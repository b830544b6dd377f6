package org.sundwerk.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Sundwerk platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SundwerkApplication {

  public static void main(String[] args) {
    SpringApplication.run(SundwerkApplication.class, args);
  }
}
