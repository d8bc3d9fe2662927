package org.truthline.intake;

import java.util.List;

/**
 * The outcome of clearing a study or series in one decision.
 *
 * @param cleared the images cleared, each audited and released to labeling
 * @param needIndividualDecision held images left held, each with the reason
 * @param notHeld the number of the study's or series' images that were not held, so had nothing to clear
 */
public record BulkClearance(List<Long> cleared, List<SkippedImage> needIndividualDecision, int notHeld) {

    /** A held image that a bulk clearance left held. */
    public record SkippedImage(long imageId, String fileName, String reason) {
    }
}
