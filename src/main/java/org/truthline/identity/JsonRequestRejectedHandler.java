package org.truthline.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Sends 400 with a JSON body that names the path and how to fix it when Spring Security's firewall rejects a
 * request (a repeated slash, a {@code ..} or {@code ;} segment, an encoded slash, ...). Without it the client gets
 * a 500 or an error page.
 */
class JsonRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonRequestRejectedHandler.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException exception) throws IOException {
        String path = request.getRequestURI();
        // DEBUG, because scanners send such paths in bulk.
        log.debug("Rejected request {} {}: {}", request.getMethod(), path, exception.getMessage());
        JsonSecurityErrorHandler.write(response, request, HttpStatus.BAD_REQUEST, invalidPathMessage(path),
                Map.of("reason", exception.getMessage()));
    }

    /** Builds the message for a rejected request path, with the path's slashes collapsed as an example. */
    static String invalidPathMessage(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        String example = collapsed.equals(path) ? "" : ", for example '" + collapsed + "'";
        return "Request path '" + path + "' is invalid. Send it with a single slash between path segments"
                + " and without '.' or '..' segments, semicolons, backslashes or encoded slashes" + example + ".";
    }
}
