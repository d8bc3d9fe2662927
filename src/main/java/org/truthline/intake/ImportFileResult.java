package org.truthline.intake;

/**
 * The outcome of one file of an import.
 *
 * @param outcome IMPORTED, HELD (imported, waiting for a lead's burned-in annotation review before labeling),
 *     COMPANION (a structured report, key object selection, presentation state or segmentation, stored
 *     de-identified with its study for viewers and never labeled), QUARANTINED or DUPLICATE (identical to an image
 *     or companion object already in the project)
 * @param fileName the path relative to the imported folder
 * @param imageId the image imported, or the image a DUPLICATE repeats
 * @param companionObjectId the companion object stored, or the companion object a DUPLICATE repeats
 */
public record ImportFileResult(String fileName, String outcome, Long imageId, Long companionObjectId,
        String reasonCode, String reason) {
}
