package org.truthline.dicomweb;

import org.springframework.http.HttpStatus;

/** A DICOMweb request that cannot be served, and the HTTP status to return for it. */
class DicomwebException extends RuntimeException {

    private final HttpStatus status;

    DicomwebException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static DicomwebException badRequest(String message) {
        return new DicomwebException(HttpStatus.BAD_REQUEST, message);
    }

    static DicomwebException notFound(String message) {
        return new DicomwebException(HttpStatus.NOT_FOUND, message);
    }

    static DicomwebException notAcceptable(String message) {
        return new DicomwebException(HttpStatus.NOT_ACCEPTABLE, message);
    }

    HttpStatus status() {
        return status;
    }
}
