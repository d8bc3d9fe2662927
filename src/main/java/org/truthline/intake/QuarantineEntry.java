package org.truthline.intake;

import java.time.OffsetDateTime;

/** A file kept out of the working store, with the reason. The file itself is kept for inspection. */
public record QuarantineEntry(long id, String fileName, String reasonCode, String reason, String status,
        OffsetDateTime createdAt) {
}
