package org.truthline.dicom;

/**
 * A VOI window: centre and width in modality units (after rescale), with the file's explanation if any, and the
 * function that maps it onto display values.
 *
 * @param function the VOI LUT Function; null is taken as {@link VoiLutFunction#LINEAR}
 */
public record WindowSetting(double center, double width, String explanation, VoiLutFunction function) {

    public WindowSetting {
        if (function == null) {
            function = VoiLutFunction.LINEAR;
        }
    }

    /** Creates a window with the linear function, the one DICOM assumes when none is named. */
    public WindowSetting(double center, double width, String explanation) {
        this(center, width, explanation, VoiLutFunction.LINEAR);
    }
}
