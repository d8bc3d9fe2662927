package org.truthline.intake;

/**
 * The outcome of one file of an import.
 *
 * @param outcome IMPORTED, HELD (imported, waiting for a lead's burned-in annotation review before labeling),
 *     QUARANTINED or DUPLICATE (identical to an image already in the project)
 * @param fileName the path relative to the imported folder
 */
public record ImportFileResult(String fileName, String outcome, Long imageId, String reasonCode, String reason) {
}
