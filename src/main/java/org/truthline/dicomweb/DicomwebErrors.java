package org.truthline.dicomweb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.truthline.dicom.DicomRejectedException;

/**
 * JSON errors for the DICOMweb server, in the shape of the REST API's. The content type is set here because a
 * DICOMweb client's Accept header usually names no JSON type, and Spring would otherwise find no way to write the
 * error at all.
 */
@RestControllerAdvice(assignableTypes = {DicomwebController.class, DicomwebRetrieveController.class,
        DicomwebMetadataController.class, DicomwebPixelController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DicomwebErrors {

    private static final Logger log = LoggerFactory.getLogger(DicomwebErrors.class);

    @ExceptionHandler(DicomwebException.class)
    ResponseEntity<Map<String, Object>> rejected(DicomwebException e) {
        log.debug("DICOMweb request failed with status {}: {}", e.status().value(), e.getMessage());
        ResponseEntity<Map<String, Object>> response = error(e.status(), e.getMessage());
        if (!e.offered().isEmpty()) {
            response.getBody().put("offered", e.offered());
        }
        return response;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException e) {
        log.debug("Invalid DICOMweb request: {}", e.getMessage());
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(DicomRejectedException.class)
    ResponseEntity<Map<String, Object>> unreadable(DicomRejectedException e) {
        log.warn("DICOMweb could not read a de-identified copy ({}): {}", e.reason(), e.getMessage());
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "The de-identified file could not be read: " + e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
