package org.truthline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Truthline: one Spring Boot application with the embedded Camunda 7 engine and the Vaadin UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TruthlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(TruthlineApplication.class, args);
    }
}
