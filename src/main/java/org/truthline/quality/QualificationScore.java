package org.truthline.quality;

/**
 * A contributor's result on a qualification set: the share of gold-standard cases graded exactly like the
 * reference label.
 *
 * @param passScore the share needed to pass, between 0 and 1
 */
public record QualificationScore(int correct, int total, double score, double passScore, boolean passed) {

    /**
     * Scores {@code correct} answers out of {@code total}.
     *
     * @throws IllegalArgumentException when total is not positive, correct is outside [0, total] or passScore is
     *         outside [0, 1]
     */
    public static QualificationScore of(int correct, int total, double passScore) {
        if (total <= 0) {
            throw new IllegalArgumentException("A qualification set needs at least one case, got " + total);
        }
        if (correct < 0 || correct > total) {
            throw new IllegalArgumentException("Correct answers must be between 0 and " + total + ", got " + correct);
        }
        if (passScore < 0 || passScore > 1) {
            throw new IllegalArgumentException("Pass score must be between 0 and 1, got " + passScore);
        }
        double score = (double) correct / total;
        return new QualificationScore(correct, total, score, passScore, score >= passScore);
    }
}
