package org.truthline.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Puts the Spring-authenticated user into the Camunda webapps' session. The stock filter does so only for app
 * pages and engine and plugin API calls. The webapps call {@code GET /api/admin/auth/user/{engine}} first, which
 * then returned 404 and kept the previous user after a user switch, so this filter handles that call too.
 */
public class CamundaWebappAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    private static final Pattern AUTH_USER_PATTERN = Pattern.compile("/api/admin/auth/user/([^/]+)");

    @Override
    protected String extractEngineName(HttpServletRequest request) {
        String engineName = super.extractEngineName(request);
        if (engineName != null) {
            return engineName;
        }
        Matcher matcher = AUTH_USER_PATTERN.matcher(getRequestUri(request));
        if ("GET".equals(request.getMethod()) && matcher.matches()) {
            return matcher.group(1);
        }
        return null;
    }
}
