package org.truthline.identity;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Writes the JSON error body for errors that Tomcat raises before any filter or servlet runs, on the paths of
 * the REST APIs ({@code /api}, {@code /engine-rest}, {@code /dicomweb}). Tomcat rejects a request path with an
 * encoded slash ({@code %2F}), an encoded backslash or an invalid escape while it decodes the URI, so Spring
 * Security's firewall and Spring's error controller never see it, and the host's error report valve would send
 * an HTML page. Other paths keep that page, without the server version and the exception report.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    /** The undecoded request path of a REST API, with any number of leading slashes. */
    private static final Pattern API_PATH = Pattern.compile("/+(api|engine-rest|dicomweb)([/;%].*)?");

    JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    static boolean isApiPath(String requestUri) {
        return requestUri != null && API_PATH.matcher(requestUri).matches();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (!isApiPath(path)) {
            super.report(request, response, throwable);
            return;
        }
        int statusCode = response.getStatus();
        if (statusCode < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        String reason = response.getMessage() == null ? status.getReasonPhrase() : response.getMessage();
        String message = status == HttpStatus.BAD_REQUEST ? JsonRequestRejectedHandler.invalidPathMessage(path)
                : reason;
        log.debug("Tomcat rejected {} {} with status {}: {}", request.getMethod(), path, statusCode, reason);
        try {
            JsonSecurityErrorHandler.write(response, request, status, message, Map.of("reason", reason));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("Failed to write the JSON error for {} {}: {}", request.getMethod(), path, e.toString());
        }
    }
}
