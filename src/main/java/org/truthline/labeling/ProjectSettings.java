package org.truthline.labeling;

/**
 * A project's labeling settings with its taxonomy.
 *
 * @param reviewRate share of agreeing images sent to expert review at random, between 0 and 1
 * @param minReviewedItems reviewed items a contributor needs before random sampling alone decides
 */
public record ProjectSettings(long projectId, int readersPerImage, double reviewRate, int minReviewedItems,
        Taxonomy taxonomy) {
}
