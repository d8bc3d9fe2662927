package org.truthline.dicom;

/** A file Truthline cannot use; the message names the file and the problem. */
public class DicomRejectedException extends Exception {
    private final QuarantineReason reason;

    public DicomRejectedException(QuarantineReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DicomRejectedException(QuarantineReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public QuarantineReason reason() {
        return reason;
    }
}
