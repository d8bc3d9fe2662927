package org.truthline.intake;

import java.time.OffsetDateTime;

/** An imported image waiting for a lead's burned-in annotation review. */
public record HeldImage(long imageId, long projectId, String fileName, String modality, int rows, int columns,
        int frames, String reason, OffsetDateTime importedAt) {
}
