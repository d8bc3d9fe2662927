package org.truthline.adjudication;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.annotation.BlindedReaders;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.review.ReviewRepository;
import org.truthline.task.SubmittedValues;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskDetails;
import org.truthline.task.TaskExtras;
import org.truthline.task.TaskKind;

/**
 * Completes {@code Task_AdjudicateLabel}: stores the adjudicated grade, quality and rationale and records
 * ADJUDICATION_SUBMITTED. The task shows the readers blinded and the expert review, if one happened.
 */
@Component
class AdjudicateTaskHandler implements TaskCompletionHandler {

    private final AdjudicationRepository adjudications;
    private final AnnotationRepository annotations;
    private final ReviewRepository reviews;
    private final AuditLog auditLog;

    AdjudicateTaskHandler(AdjudicationRepository adjudications, AnnotationRepository annotations,
            ReviewRepository reviews, AuditLog auditLog) {
        this.adjudications = adjudications;
        this.annotations = annotations;
        this.reviews = reviews;
        this.auditLog = auditLog;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ADJUDICATE;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("grade", "quality", "rationale");
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        int grade = SubmittedValues.integer(values, "grade");
        String quality = SubmittedValues.text(values, "quality");
        String rationale = SubmittedValues.text(values, "rationale");
        adjudications.insert(task.imageId(), task.labelingInstanceId(), task.taskId(), task.userId(), grade, quality,
                rationale);
        auditLog.append(task.audit(AuditEventType.ADJUDICATION_SUBMITTED, task.imageId(),
                Map.of("taskId", task.taskId(), "grade", grade, "quality", quality, "rationale", rationale)));
        return Map.of();
    }

    @Override
    public TaskExtras describe(TaskContext task) {
        TaskDetails.ReviewSummary review = reviews.latestFor(task.labelingInstanceId())
                .map(r -> new TaskDetails.ReviewSummary(r.outcome(), r.grade(), r.quality(), r.reason()))
                .orElse(null);
        return new TaskExtras(Map.of(), BlindedReaders.of(annotations.latestPerReader(task.labelingInstanceId())),
                review, null, null);
    }
}
