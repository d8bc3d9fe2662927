package org.truthline.intake;

import java.time.OffsetDateTime;

/**
 * One import run and its progress.
 *
 * @param status RUNNING, COMPLETED, FAILED (only when the run itself broke; bad files are quarantined) or
 *     INTERRUPTED (the server stopped before the import finished; {@code error} gives what to do)
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
