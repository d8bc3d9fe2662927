package org.truthline.intake;

import java.time.OffsetDateTime;

/**
 * A file content kept out of the working store, with the reason. The file itself is kept for inspection. A
 * project has one entry per distinct content. Importing the same bytes again adds an attempt, and the file name,
 * reason and status are those of the latest attempt.
 *
 * @param createdAt when the content was first quarantined
 * @param contentSha256 SHA-256 of the file, in lowercase hex; null for entries made before contents were hashed
 * @param attempts how many times an import quarantined this content, at least 1
 * @param lastAttemptAt when an import last quarantined it
 */
public record QuarantineEntry(long id, String fileName, String reasonCode, String reason, String status,
        OffsetDateTime createdAt, String contentSha256, int attempts, OffsetDateTime lastAttemptAt) {
}
