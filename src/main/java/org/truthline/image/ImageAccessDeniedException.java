package org.truthline.image;

/** The user may not see this image or file. Maps to HTTP 403. */
public class ImageAccessDeniedException extends RuntimeException {
    public ImageAccessDeniedException(String message) {
        super(message);
    }
}
