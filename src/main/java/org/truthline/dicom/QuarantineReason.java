package org.truthline.dicom;

/** Reason a file cannot enter the working store. Each code is stable; the exception message carries the detail. */
public enum QuarantineReason {
    NOT_DICOM,
    TRUNCATED,
    MISSING_TRANSFER_SYNTAX,
    UNSUPPORTED_TRANSFER_SYNTAX,
    MALFORMED,
    NO_PIXEL_DATA,
    FILE_TOO_LARGE,
    SEQUENCE_TOO_DEEP,
    TOO_MANY_FRAMES,
    IMAGE_TOO_LARGE,
    PIXEL_DATA_SIZE_MISMATCH,
    RENDERING_FAILED,
    DEIDENTIFICATION_FAILED,
    BURNED_IN_ANNOTATION,
    DUPLICATE_CONFLICT,
    SYMBOLIC_LINK,
    ENCAPSULATED_DOCUMENT
}
