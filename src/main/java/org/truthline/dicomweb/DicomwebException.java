package org.truthline.dicomweb;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A DICOMweb request that cannot be served, and the HTTP status to return for it. */
class DicomwebException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> offered;

    DicomwebException(HttpStatus status, String message) {
        this(status, message, List.of());
    }

    private DicomwebException(HttpStatus status, String message, List<String> offered) {
        super(message);
        this.status = status;
        this.offered = List.copyOf(offered);
    }

    static DicomwebException badRequest(String message) {
        return new DicomwebException(HttpStatus.BAD_REQUEST, message);
    }

    static DicomwebException notFound(String message) {
        return new DicomwebException(HttpStatus.NOT_FOUND, message);
    }

    static DicomwebException notAcceptable(String message, List<String> offered) {
        return new DicomwebException(HttpStatus.NOT_ACCEPTABLE, message, offered);
    }

    /** Returns the media types the endpoint offers, for a 406; empty for other statuses. */
    List<String> offered() {
        return offered;
    }

    HttpStatus status() {
        return status;
    }
}
