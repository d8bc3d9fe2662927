package org.truthline.intake;

/**
 * A series with images waiting for a burned-in annotation review, which a lead can clear in one decision.
 *
 * @param studyInstanceUid the de-identified copies' study, as DICOMweb serves it
 * @param seriesInstanceUid the de-identified copies' series, as DICOMweb serves it
 * @param seriesNumber Series Number of the copies, or null when they have none
 * @param seriesDescription Series Description of the copies, or null when they have none
 * @param heldImages the number of the series' images that are held
 */
public record HeldSeries(String studyInstanceUid, String seriesInstanceUid, String modality, String seriesNumber,
        String seriesDescription, int heldImages) {
}
