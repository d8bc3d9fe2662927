package org.truthline.intake;

/** Published after an image's de-identified copy and preview are stored and its row is committed. */
public record ImageImportedEvent(long projectId, long imageId, String importedBy) {
}
