package org.truthline.intake;

import java.time.OffsetDateTime;

/**
 * One import run and its progress.
 *
 * @param status RUNNING, COMPLETED or FAILED (FAILED only when the run itself broke; bad files are quarantined)
 * @param heldFiles imported files held for a lead's burned-in annotation review; also counted in importedFiles
 * @param companionFiles files stored as companion objects (SR, presentation state, segmentation), not counted in
 *     importedFiles
 */
public record ImportJob(
        long id,
        long projectId,
        String source,
        String status,
        int totalFiles,
        int processedFiles,
        int importedFiles,
        int quarantinedFiles,
        int duplicateFiles,
        String error,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        int heldFiles,
        int companionFiles) {
}
