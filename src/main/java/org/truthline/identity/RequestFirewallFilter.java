package org.truthline.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies Spring Security's firewall before Spring Security's filter runs. That filter parses the request path
 * before its own {@link FilterChainProxy} firewall check, and the parsing fails with a 500 on a path such as
 * {@code //engine-rest/task}, because Tomcat has already collapsed the slashes in the servlet path but not in
 * the request URI. A rejected request goes to the {@link RequestRejectedHandler} and reaches no servlet.
 */
class RequestFirewallFilter extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejectedHandler;

    RequestFirewallFilter(HttpFirewall firewall, RequestRejectedHandler rejectedHandler) {
        this.firewall = firewall;
        this.rejectedHandler = rejectedHandler;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            rejectedHandler.handle(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
