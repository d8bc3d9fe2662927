package org.truthline.project;

/** Counts of a project's images by lifecycle stage. */
public record ProjectProgress(int images, int quarantined, int annotating, int inReview, int inAdjudication,
        int finalized) {
}
