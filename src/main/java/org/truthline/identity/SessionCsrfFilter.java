package org.truthline.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /api} and {@code /dicomweb} against cross-site request forgery for requests that the session
 * cookie authenticates, because those chains accept the cookie without a CSRF token. A POST, PUT, PATCH or DELETE
 * without an HTTP Basic {@code Authorization} header gets a JSON 403 when
 *
 * <ul>
 *   <li>its {@code Origin} header, or without one its {@code Referer} header, names another origin (scheme, host
 *       and port) than the request's own, or is {@code null}. A request with neither header passes.
 *   <li>its {@code Content-Type} is one that an HTML form can send without a CORS preflight:
 *       {@code application/x-www-form-urlencoded}, {@code multipart/form-data} or {@code text/plain}. No endpoint
 *       under {@code /api} or {@code /dicomweb} accepts them, because uploads go through the Vaadin UI.
 * </ul>
 *
 * Browsers cannot add an {@code Authorization} header to a cross-site form or a CORS-less request, so HTTP Basic
 * clients are not checked. Runs after authentication, so an anonymous request still gets 401.
 */
class SessionCsrfFilter extends OncePerRequestFilter {

    static final String REASON_CROSS_ORIGIN = "CROSS_ORIGIN";
    static final String REASON_FORM_CONTENT_TYPE = "FORM_CONTENT_TYPE";

    private static final Logger log = LoggerFactory.getLogger(SessionCsrfFilter.class);

    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> FORM_CONTENT_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!UNSAFE_METHODS.contains(request.getMethod()) || !isSessionAuthenticated(request)) {
            chain.doFilter(request, response);
            return;
        }

        String source = sourceOrigin(request);
        if (source != null && !isSameOrigin(source, request)) {
            reject(request, response, REASON_CROSS_ORIGIN, "Cross-origin request rejected: it comes from '" + source
                    + "', not from " + ownOrigin(request) + ". Send it from Truthline's own pages, or with HTTP"
                    + " Basic credentials instead of the session cookie.");
            return;
        }

        String mediaType = mediaType(request.getContentType());
        if (FORM_CONTENT_TYPES.contains(mediaType)) {
            reject(request, response, REASON_FORM_CONTENT_TYPE, "Content type '" + mediaType + "' is not accepted"
                    + " with the session cookie. Send the body as application/json, or with HTTP Basic"
                    + " credentials.");
            return;
        }

        chain.doFilter(request, response);
    }

    private static boolean isSessionAuthenticated(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Returns the {@code Origin} header, or the {@code Referer} header when there is no origin, or null. */
    private static String sourceOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return origin;
        }
        return request.getHeader(HttpHeaders.REFERER);
    }

    /** Returns true when {@code source} (an origin or a URL) has the request's scheme, host and port. */
    static boolean isSameOrigin(String source, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(source.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && hostName(uri.getHost()).equalsIgnoreCase(hostName(request.getServerName()))
                && port == request.getServerPort();
    }

    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    /** Strips the brackets of an IPv6 literal, which {@link URI} keeps and a servlet container may not. */
    private static String hostName(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    /** Returns the media type of a {@code Content-Type} value in lower case, without parameters, or null. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.trim().toLowerCase(Locale.ROOT);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, String reason,
            String message) throws IOException {
        log.warn("Rejected {} {} of user '{}' authenticated by session cookie: {} (Origin '{}', Referer '{}',"
                        + " Content-Type '{}')", request.getMethod(), request.getRequestURI(),
                SecurityContextHolder.getContext().getAuthentication().getName(), reason,
                request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.REFERER),
                request.getContentType());
        JsonSecurityErrorHandler.write(response, request, HttpStatus.FORBIDDEN, message, Map.of("reason", reason));
    }
}
