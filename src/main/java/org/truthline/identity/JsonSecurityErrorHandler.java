package org.truthline.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Rejects unauthenticated and forbidden REST calls with a small JSON body ({@code status}, {@code error},
 * {@code message}, {@code path}) instead of a redirect to the login page.
 *
 * <p>Rejected credentials get the same message and {@code retryAfterSeconds} (the configured maximum login delay)
 * whether the user name is unknown, the password is wrong or Camunda still delays the user after an earlier
 * wrong password, so the response does not reveal which user names exist.
 */
class JsonSecurityErrorHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

    private static final String ACCESS_DENIED = "Access denied: the user's roles do not allow this request";

    private final String realm;
    private final int maxLoginDelaySeconds;
    private final String accessDeniedMessage;

    JsonSecurityErrorHandler(String realm, int maxLoginDelaySeconds) {
        this(realm, maxLoginDelaySeconds, ACCESS_DENIED);
    }

    /** Creates a handler whose 403 message is {@code accessDeniedMessage}, which should name who may do what. */
    JsonSecurityErrorHandler(String realm, int maxLoginDelaySeconds, String accessDeniedMessage) {
        this.realm = realm;
        this.maxLoginDelaySeconds = maxLoginDelaySeconds;
        this.accessDeniedMessage = accessDeniedMessage;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        if (exception instanceof BadCredentialsException) {
            write(response, request, HttpStatus.UNAUTHORIZED, rejectedCredentialsMessage(maxLoginDelaySeconds),
                    Map.of("retryAfterSeconds", maxLoginDelaySeconds));
            return;
        }
        write(response, request, HttpStatus.UNAUTHORIZED,
                "Authentication required: sign in or send HTTP Basic credentials");
    }

    /**
     * Returns the message for rejected credentials. Camunda's identity service does not tell a wrong password
     * from a delayed sign-in, and neither should the caller learn whether the user exists.
     */
    static String rejectedCredentialsMessage(int maxLoginDelaySeconds) {
        return "Invalid user name or password, or sign-in for this user is delayed after failed attempts."
                + " Check the credentials and retry after " + maxLoginDelaySeconds + " s.";
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        write(response, request, HttpStatus.FORBIDDEN, accessDeniedMessage);
    }

    /** Writes the JSON error body that the REST chains and {@link JsonRequestRejectedHandler} share. */
    static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
            String message) throws IOException {
        write(response, request, status, message, Map.of());
    }

    /** Writes the JSON error body with {@code details} added after the standard fields. */
    static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
            String message, Map<String, Object> details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        body.put("path", request.getRequestURI());
        body.putAll(details);

        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        OBJECT_MAPPER.writeValue(response.getWriter(), body);
    }
}
