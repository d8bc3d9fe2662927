package org.truthline.intake;

/**
 * What became of one file of an import.
 *
 * @param outcome IMPORTED, QUARANTINED or DUPLICATE (identical to an image already in the project)
 * @param fileName the path relative to the imported folder
 */
public record ImportFileResult(String fileName, String outcome, Long imageId, String reasonCode, String reason) {
}
