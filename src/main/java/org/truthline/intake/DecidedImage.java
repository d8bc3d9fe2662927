package org.truthline.intake;

import java.time.OffsetDateTime;

/**
 * An image on which a lead made a burned-in annotation decision.
 *
 * @param decision CLEARED or MASKED
 */
public record DecidedImage(long imageId, long projectId, String fileName, String modality, String decision,
        String decidedBy, OffsetDateTime decidedAt) {
}
