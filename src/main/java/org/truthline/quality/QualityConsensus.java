package org.truthline.quality;

import java.util.Collection;
import java.util.List;

/**
 * Combines the readers' image-quality ratings into one. Quality does not count towards agreement, so when the
 * readers differ the most cautious rating wins: the one latest in the taxonomy's order (for example poor
 * before adequate before good).
 */
public final class QualityConsensus {

    private QualityConsensus() {
    }

    /**
     * Returns the rating with the highest index in {@code orderedClasses}.
     *
     * @throws IllegalArgumentException when {@code ratings} is empty or contains a class not in the list
     */
    public static String mostCautious(Collection<String> ratings, List<String> orderedClasses) {
        if (ratings.isEmpty()) {
            throw new IllegalArgumentException("No quality ratings to combine");
        }
        String worst = null;
        for (String rating : ratings) {
            int index = orderedClasses.indexOf(rating);
            if (index < 0) {
                throw new IllegalArgumentException("Quality '" + rating + "' is not one of " + orderedClasses);
            }
            if (worst == null || index > orderedClasses.indexOf(worst)) {
                worst = rating;
            }
        }
        return worst;
    }
}
