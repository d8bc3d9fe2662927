package org.truthline.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.process.ProcessTestSupport;

/** One test per rule of review-sampling.dmn, evaluated by the deployed engine. */
class ReviewSamplingDecisionTest extends ProcessTestSupport {

    @Autowired
    DecisionService decisionService;

    @Test
    void readersDisagree_reviewEvenWhenNotSampled() {
        DmnDecisionRuleResult result = evaluate(false, 10, 5, 0.9, 0.1);
        assertThat(result.<Boolean>getEntry("reviewNeeded")).isTrue();
        assertThat(result.<String>getEntry("samplingRule")).isEqualTo("readers-disagree");
    }

    @Test
    void readerBelowMinimumReviewed_review() {
        DmnDecisionRuleResult result = evaluate(true, 4, 5, 0.9, 0.1);
        assertThat(result.<Boolean>getEntry("reviewNeeded")).isTrue();
        assertThat(result.<String>getEntry("samplingRule")).isEqualTo("below-minimum-reviewed");
    }

    @Test
    void randomDrawBelowRate_review() {
        DmnDecisionRuleResult result = evaluate(true, 5, 5, 0.05, 0.1);
        assertThat(result.<Boolean>getEntry("reviewNeeded")).isTrue();
        assertThat(result.<String>getEntry("samplingRule")).isEqualTo("random-sample");
    }

    @Test
    void agreeingExperiencedReadersOutsideSample_noReview() {
        DmnDecisionRuleResult result = evaluate(true, 5, 5, 0.1, 0.1);
        assertThat(result.<Boolean>getEntry("reviewNeeded")).isFalse();
        assertThat(result.<String>getEntry("samplingRule")).isEqualTo("not-sampled");
    }

    @Test
    void disagreementWinsOverOtherRules() {
        DmnDecisionRuleResult result = evaluate(false, 0, 5, 0.0, 1.0);
        assertThat(result.<String>getEntry("samplingRule")).isEqualTo("readers-disagree");
    }

    private DmnDecisionRuleResult evaluate(boolean readersAgree, int reviewedItems, int minReviewedItems,
            double randomDraw, double reviewRate) {
        return decisionService.evaluateDecisionTableByKey("review-sampling", Map.of(
                "readersAgree", readersAgree, "reviewedItems", reviewedItems, "minReviewedItems", minReviewedItems,
                "randomDraw", randomDraw, "reviewRate", reviewRate)).getSingleResult();
    }
}
