package org.truthline.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Turns on {@code @PreAuthorize} checks on the REST controllers. */
@Configuration
@EnableMethodSecurity
class MethodSecurityConfiguration {
}
