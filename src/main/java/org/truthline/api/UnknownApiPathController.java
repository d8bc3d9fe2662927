package org.truthline.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns 404 JSON for paths under {@code /api} and {@code /dicomweb} that no controller maps. Without it such
 * a request fell through to the Vaadin servlet and got the UI's HTML page with status 200. Spring MVC prefers
 * every more specific mapping, so this catch-all only sees unmapped paths.
 */
@RestController
class UnknownApiPathController {

    @RequestMapping("/api/**")
    ResponseEntity<Map<String, Object>> unknown(HttpServletRequest request) {
        return notFound("No API endpoint at " + request.getMethod() + " " + request.getRequestURI()
                + "; docs/api.md and /v3/api-docs list the endpoints.");
    }

    @RequestMapping({"/dicomweb", "/dicomweb/**"})
    ResponseEntity<Map<String, Object>> unknownDicomweb(HttpServletRequest request) {
        return notFound("No DICOMweb resource at " + request.getMethod() + " " + request.getRequestURI()
                + "; docs/dicom-network.md lists the QIDO-RS and WADO-RS paths under /dicomweb/studies.");
    }

    private static ResponseEntity<Map<String, Object>> notFound(String message) {
        return ApiExceptionHandler.error(HttpStatus.NOT_FOUND, message);
    }
}
