package org.truthline.project;

/** A project with its labeling settings. */
public record ProjectSummary(
        long id,
        String name,
        String description,
        long taxonomyId,
        String taxonomyKey,
        int taxonomyVersion,
        int readersPerImage,
        double reviewRate,
        int minReviewedItems) {
}
