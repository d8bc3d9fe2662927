package org.truthline.intake;

import java.time.OffsetDateTime;

/**
 * An imported image waiting for a lead's burned-in annotation review.
 *
 * @param studyInstanceUid the de-identified copy's study, as DICOMweb serves it
 * @param seriesInstanceUid the de-identified copy's series, as DICOMweb serves it
 */
public record HeldImage(long imageId, long projectId, String fileName, String modality, int rows, int columns,
        int frames, String reason, OffsetDateTime importedAt, String studyInstanceUid, String seriesInstanceUid) {
}
