package org.truthline.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for the DICOMweb server, so a web viewer served from another origin can read {@code /dicomweb} from the
 * browser with the user's credentials (HTTP Basic or the session cookie). Only the origins listed in
 * {@code truthline.dicomweb.allowed-origins} get CORS headers, and only for {@code /dicomweb/**}.
 */
final class DicomwebCors {

    static final String PROPERTY = "truthline.dicomweb.allowed-origins";

    private DicomwebCors() {
    }

    /**
     * Returns the CORS configuration for a comma-separated list of origins, or null when the list is empty.
     *
     * @throws IllegalArgumentException when an entry is {@code *} or not an origin such as
     *     {@code https://viewer.example.org:3000}
     */
    static CorsConfigurationSource source(String allowedOrigins) {
        List<String> origins = origins(allowedOrigins);
        if (origins.isEmpty()) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        // The server is read-only: WADO-RS and QIDO-RS use GET, and HEAD costs nothing to allow.
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name()));
        cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        // Viewers read the 299 warning that names ignored query keys.
        cors.setExposedHeaders(List.of(HttpHeaders.WARNING));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofMinutes(30));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/dicomweb/**", cors);
        return source;
    }

    private static List<String> origins(String allowedOrigins) {
        List<String> origins = new ArrayList<>();
        if (allowedOrigins == null) {
            return origins;
        }
        for (String entry : allowedOrigins.split(",")) {
            String origin = entry.strip();
            if (!origin.isEmpty()) {
                origins.add(checked(origin));
            }
        }
        return origins;
    }

    private static String checked(String origin) {
        if (origin.equals(CorsConfiguration.ALL)) {
            throw new IllegalArgumentException(PROPERTY + " contains '*', but credentials are allowed, so every"
                    + " origin must be listed by itself, such as https://viewer.example.org.");
        }
        String withoutSlash = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        try {
            URI uri = new URI(withoutSlash);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return withoutSlash;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTY + " contains '" + origin + "', which is not an origin: write"
                + " the scheme, host and optional port only, such as https://viewer.example.org:3000.");
    }
}
