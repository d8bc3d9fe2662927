package org.truthline.task;

import java.util.List;
import java.util.Map;
import org.truthline.forms.FormDefinition;

/**
 * What a task screen or API client needs to work on one task. Readers are blinded: they appear as
 * "Reader A", "Reader B", never by user name.
 *
 * @param prefill initial form values (for example the readers' consensus for a review)
 * @param readerAnswers the readers' annotations, for review and adjudication; empty otherwise
 * @param review the expert review, for adjudication when one happened; null otherwise
 * @param training the qualification result, for the expert's certification decision; null otherwise
 * @param guidelines guideline text for study tasks; null otherwise
 */
public record TaskDetails(
        TaskSummary summary,
        FormDefinition form,
        Map<String, Object> prefill,
        List<ReaderAnswer> readerAnswers,
        ReviewSummary review,
        TrainingSummary training,
        String guidelines) {

    /** One reader's annotation, blinded. */
    public record ReaderAnswer(String reader, int grade, String quality, String comment) {
    }

    /** The expert's review outcome. */
    public record ReviewSummary(String outcome, Integer grade, String quality, String reason) {
    }

    /** A contributor's qualification result against gold-standard cases. */
    public record TrainingSummary(String contributor, int attempt, int maxAttempts, int correct, int total,
            double score, double passScore) {
    }
}
