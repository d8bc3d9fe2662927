package org.truthline.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.annotation.Annotation;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.annotation.BlindedReaders;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.ProcessVariables;
import org.truthline.task.SubmittedValues;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskExtras;
import org.truthline.task.TaskKind;

/**
 * Completes {@code Task_ReviewAnnotation}: ACCEPT keeps the readers' label, CORRECT replaces it (grade, quality
 * and reason required), REJECT sends the image to adjudication (reason required). Stores the review, records
 * REVIEW_SUBMITTED and sets {@code reviewOutcome}, which expert-review returns to image-labeling.
 */
@Component
class ReviewTaskHandler implements TaskCompletionHandler {

    private final ReviewRepository reviews;
    private final AnnotationRepository annotations;
    private final AuditLog auditLog;

    ReviewTaskHandler(ReviewRepository reviews, AnnotationRepository annotations, AuditLog auditLog) {
        this.reviews = reviews;
        this.annotations = annotations;
        this.auditLog = auditLog;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.REVIEW;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("outcome", "grade", "quality", "reason");
    }

    @Override
    public Map<String, String> validate(TaskContext task, Map<String, Object> values) {
        String outcome = SubmittedValues.text(values, "outcome");
        Map<String, String> errors = new LinkedHashMap<>();
        boolean hasGrade = SubmittedValues.integer(values, "grade") != null;
        boolean hasQuality = SubmittedValues.text(values, "quality") != null;
        boolean hasReason = SubmittedValues.text(values, "reason") != null;
        if (Review.CORRECT.equals(outcome)) {
            if (!hasGrade) {
                errors.put("grade", "Corrected grade is required when correcting the label.");
            }
            if (!hasQuality) {
                errors.put("quality", "Corrected image quality is required when correcting the label.");
            }
        } else {
            if (hasGrade) {
                errors.put("grade", "Corrected grade is only allowed with the outcome CORRECT; leave it empty.");
            }
            if (hasQuality) {
                errors.put("quality", "Corrected image quality is only allowed with the outcome CORRECT; leave it empty.");
            }
        }
        if (!Review.ACCEPT.equals(outcome) && !hasReason) {
            errors.put("reason", "Reason is required when correcting or rejecting.");
        }
        return errors;
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        String outcome = SubmittedValues.text(values, "outcome");
        Integer grade = SubmittedValues.integer(values, "grade");
        String quality = SubmittedValues.text(values, "quality");
        String reason = SubmittedValues.text(values, "reason");
        reviews.insert(task.imageId(), task.labelingInstanceId(), task.taskId(), task.userId(), outcome, grade,
                quality, reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.taskId());
        details.put("outcome", outcome);
        if (grade != null) {
            details.put("grade", grade);
            details.put("quality", quality);
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        auditLog.append(task.audit(AuditEventType.REVIEW_SUBMITTED, task.imageId(), details));
        return Map.of(ProcessVariables.REVIEW_OUTCOME, outcome);
    }

    @Override
    public TaskExtras describe(TaskContext task) {
        List<Annotation> readers = annotations.latestPerReader(task.labelingInstanceId());
        // No prefill: the corrected grade belongs to CORRECT only, and the readers' grades are shown beside the form.
        return new TaskExtras(Map.of(), BlindedReaders.of(readers), null, null, null);
    }
}
