package org.truthline.intake;

/**
 * A burned-in annotation decision conflicts with the image's state: it is not held, another lead decided first,
 * or work on it has begun. Maps to HTTP 409.
 */
public class BurnedInReviewConflictException extends RuntimeException {

    public BurnedInReviewConflictException(String message) {
        super(message);
    }
}
