package org.truthline.project;

/**
 * Counts of a project's images by lifecycle stage.
 *
 * @param heldForReview images waiting for a lead's burned-in annotation review before labeling
 */
public record ProjectProgress(int images, int quarantined, int annotating, int inReview, int inAdjudication,
        int finalized, int heldForReview) {
}
