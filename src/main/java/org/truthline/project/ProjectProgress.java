package org.truthline.project;

/**
 * Counts of a project's images by lifecycle stage.
 *
 * @param heldForReview images waiting for a lead's burned-in annotation review before labeling
 * @param waitingForReaders images whose labeling waits because too few certified contributors are free to read
 *     them
 */
public record ProjectProgress(int images, int quarantined, int annotating, int inReview, int inAdjudication,
        int finalized, int heldForReview, int waitingForReaders) {
}
