package org.truthline.dicom;

/** The VOI LUT Function (0028,1056) that maps a window onto display values, by its defined terms in PS3.3 C.11.2. */
public enum VoiLutFunction {
    /** The default: a ramp from c - 0.5 - (w - 1) / 2 to c - 0.5 + (w - 1) / 2 (PS3.3 C.11.2.1.2.1). */
    LINEAR,
    /** A ramp from c - w / 2 to c + w / 2. */
    LINEAR_EXACT,
    /** The logistic curve 1 / (1 + exp(-4 (x - c) / w)), scaled to the output range. */
    SIGMOID
}
