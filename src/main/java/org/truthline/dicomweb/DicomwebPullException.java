package org.truthline.dicomweb;

/** The PACS could not be reached or returned something other than the expected DICOMweb response. */
public class DicomwebPullException extends RuntimeException {

    public DicomwebPullException(String message) {
        super(message);
    }

    public DicomwebPullException(String message, Throwable cause) {
        super(message, cause);
    }
}
