package org.truthline.identity;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;
import org.truthline.ui.LoginView;

/**
 * One login for the whole application. Spring Security owns login and session, with Camunda's identity service
 * as the user store, and five filter chains tried in order:
 *
 * <ol>
 *   <li>{@code /engine-rest/**}: Camunda REST API, HTTP Basic only, no session, no CSRF token.
 *   <li>{@code /camunda/**}: Camunda webapps. Login required: pages redirect to {@code /login}, API calls get 401.
 *       Spring's CSRF and header writing are off because Camunda's own CSRF and header filters run there.
 *   <li>{@code /dicomweb/**}: DICOMweb, set up as the REST API below, plus CORS for the origins listed in
 *       {@code truthline.dicomweb.allowed-origins} (see {@link DicomwebCors}).
 *   <li>{@code /api/**}, {@code /v3/api-docs/**}, {@code /actuator/**}: Truthline REST API, session or HTTP Basic,
 *       JSON 401 and 403 instead of redirects, no CSRF token, but {@link SessionCsrfFilter} checks the origin and
 *       content type of writes authenticated by the session (on DICOMweb too).
 *   <li>everything else: the Vaadin UI with its form login at {@code /login}.
 * </ol>
 *
 * Camunda's filters then see the Spring-authenticated user: {@link CamundaWebappAuthenticationFilter} for the
 * webapps and {@link ProcessEngineAuthenticationFilter} for the REST API, both right after Spring Security.
 * Application access and engine authorizations are Camunda's (see {@link RoleAuthorizationsPlugin}).
 *
 * <p>Before all of them, {@link RequestFirewallFilter} rejects paths that Spring Security's firewall rejects
 * (such as {@code //engine-rest/task}) with a JSON 400.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String REALM = "Truthline";

    /** Right after Spring Security's filter, before the filters Camunda's webapp starter registers. */
    private static final int CAMUNDA_AUTHENTICATION_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    /** Right before Spring Security's filter, which parses the request path before its own firewall check. */
    private static final int FIREWALL_FILTER_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 1;

    @Bean
    AuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
        return new CamundaIdentityAuthenticationProvider(identityService);
    }

    /** Spring Security's default firewall, declared so that {@link RequestFirewallFilter} applies the same one. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new JsonRequestRejectedHandler();
    }

    @Bean
    FilterRegistrationBean<RequestFirewallFilter> requestFirewallFilter(HttpFirewall firewall,
            RequestRejectedHandler rejectedHandler) {
        FilterRegistrationBean<RequestFirewallFilter> registration =
                new FilterRegistrationBean<>(new RequestFirewallFilter(firewall, rejectedHandler));
        registration.setName("Truthline request firewall");
        registration.addUrlPatterns("/*");
        registration.setOrder(FIREWALL_FILTER_ORDER);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestFilterChain(HttpSecurity http, LoginThrottlingProperties loginThrottling)
            throws Exception {
        // Written here, not through an error dispatch, so a multipart body (a deployment) is never parsed and the
        // caller gets JSON as from /api.
        JsonSecurityErrorHandler jsonErrors = new JsonSecurityErrorHandler(REALM,
                loginThrottling.maxLoginDelaySeconds(), "Access denied: on /engine-rest, leads, auditors and admins may"
                + " read (GET), only leads and admins may write, and nobody may delegate or resolve a task."
                + " Contributors, experts and adjudicators work through /api.");

        // Contributors, experts and adjudicators work through Truthline's API, which validates and records every
        // answer; Camunda's API would let them complete tasks with any values, change variables or delegate.
        http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(SecurityConfig::delegatesTask).denyAll()
                        .requestMatchers(HttpMethod.GET, "/engine-rest/**")
                        .hasAnyRole(Role.LEAD.id(), Role.AUDITOR.id(), Role.ADMIN.id())
                        .anyRequest().hasAnyRole(Role.LEAD.id(), Role.ADMIN.id()))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(jsonErrors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(jsonErrors)
                        .accessDeniedHandler(jsonErrors));
        return http.build();
    }

    /**
     * True for a task delegation or resolution. Truthline's tasks have no delegation step, and a resolved task
     * is left with no assignee or candidate, so its image's labeling would stall.
     */
    static boolean delegatesTask(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !HttpMethod.GET.matches(request.getMethod()) && uri.contains("/task/")
                && (uri.endsWith("/delegate") || uri.endsWith("/resolve"));
    }

    /** True for a request that adds or changes a comment, attachment or annotation in the engine. */
    static boolean writesNotes(jakarta.servlet.http.HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod())) {
            return false;
        }
        String uri = request.getRequestURI();
        return uri.contains("/comment") || uri.contains("/attachment") || uri.contains("/annotation");
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher webappApi = path("/camunda/api/**");
        RequestMatcher logout = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

        // Cockpit and the other webapps are for leads, auditors and admins. Auditors keep Cockpit's query calls
        // but may not write comments, attachments or annotations, which Camunda allows with read rights alone.
        http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(SecurityConfig::delegatesTask).denyAll()
                        .requestMatchers(SecurityConfig::writesNotes).hasAnyRole(Role.LEAD.id(), Role.ADMIN.id())
                        .anyRequest().hasAnyRole(Role.LEAD.id(), Role.AUDITOR.id(), Role.ADMIN.id()))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                // The webapps' sign-out button ends the session shared with the Vaadin UI.
                .logout(logoutConfig -> logoutConfig
                        .logoutRequestMatcher(logout)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                path("/camunda/**")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain dicomwebFilterChain(HttpSecurity http, IdentityService identityService,
            LoginThrottlingProperties loginThrottling,
            @Value("${" + DicomwebCors.PROPERTY + ":}") String allowedOrigins) throws Exception {
        http.securityMatcher(path("/dicomweb/**"))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated());
        restApi(http, identityService, loginThrottling);
        // Spring's CORS filter runs before authentication, so it responds to a preflight from an allowed origin,
        // which browsers send without credentials.
        CorsConfigurationSource cors = DicomwebCors.source(allowedOrigins);
        if (cors != null) {
            http.cors(configurer -> configurer.configurationSource(cors));
        }
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain apiFilterChain(HttpSecurity http, IdentityService identityService,
            LoginThrottlingProperties loginThrottling) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                        path("/api/**"), path("/v3/api-docs"), path("/v3/api-docs/**"), path("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        .requestMatchers(path("/actuator/**")).hasRole(Role.ADMIN.id())
                        .anyRequest().authenticated());
        restApi(http, identityService, loginThrottling);
        return http.build();
    }

    /** Session or HTTP Basic, JSON 401 and 403 instead of redirects, no CSRF token: the REST API and DICOMweb. */
    private static void restApi(HttpSecurity http, IdentityService identityService,
            LoginThrottlingProperties loginThrottling) throws Exception {
        JsonSecurityErrorHandler jsonErrors = new JsonSecurityErrorHandler(REALM,
                loginThrottling.maxLoginDelaySeconds());
        http.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(jsonErrors))
                // A browser session from the Vaadin login also works here, so no new session is created.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(AbstractHttpConfigurer::disable)
                // HTTP Basic clients have no CSRF token to send. Writes with the session cookie are checked by
                // SessionCsrfFilter instead, and the cookie's SameSite attribute keeps it off most cross-site requests.
                .csrf(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(jsonErrors)
                        .accessDeniedHandler(jsonErrors))
                .addFilterBefore(new SessionCsrfFilter(), AuthorizationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
    }

    @Bean
    @Order(5)
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, IdentityService identityService) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll())
                .with(vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    FilterRegistrationBean<CamundaWebappAuthenticationFilter> camundaWebappAuthenticationFilter() {
        FilterRegistrationBean<CamundaWebappAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CamundaWebappAuthenticationFilter());
        registration.setName("Truthline Camunda webapp authentication");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.setOrder(CAMUNDA_AUTHENTICATION_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("Truthline Camunda REST authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.setOrder(CAMUNDA_AUTHENTICATION_FILTER_ORDER);
        return registration;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
