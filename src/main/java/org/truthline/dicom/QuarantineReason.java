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
    ENCAPSULATED_DOCUMENT,
    /** A FIFO, device or socket, which intake never opens because reading it may never end. */
    NOT_REGULAR_FILE,
    /** A file that a DICOMDIR lists but that is missing from its folder. */
    MISSING_REFERENCED_FILE
}
