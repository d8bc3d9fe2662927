package org.truthline.dicom;

import java.util.List;

/**
 * Header facts of one DICOM object. Holds no patient-identifying value.
 *
 * @param windows the windows the file declares, first one first; empty when it declares none
 * @param burnedInAnnotation the BurnedInAnnotation value (YES/NO), or null when absent
 * @param hasPixelData false for objects such as SR or encapsulated PDF
 */
public record DicomSummary(
        String sopInstanceUid,
        String sopClassUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String modality,
        String transferSyntaxUid,
        String photometricInterpretation,
        int rows,
        int columns,
        int frames,
        int bitsAllocated,
        List<WindowSetting> windows,
        String burnedInAnnotation,
        boolean hasPixelData) {
}
