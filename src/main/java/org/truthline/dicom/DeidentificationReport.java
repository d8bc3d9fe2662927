package org.truthline.dicom;

import java.util.List;

/**
 * The changes de-identification made to one file.
 *
 * @param profile the profile name, e.g. "PS3.15 Annex E Basic Application Level Confidentiality Profile"
 * @param options the option names applied, e.g. "Retain Longitudinal Temporal Information with Modified Dates"
 * @param deidentified header facts of the written copy (remapped UIDs)
 * @param searchAttributes the written copy's values that DICOMweb searches return
 */
public record DeidentificationReport(
        String profile,
        List<String> options,
        int attributesRemoved,
        int attributesReplaced,
        int privateAttributesRemoved,
        int uidsRemapped,
        DicomSummary deidentified,
        SearchAttributes searchAttributes) {
}
