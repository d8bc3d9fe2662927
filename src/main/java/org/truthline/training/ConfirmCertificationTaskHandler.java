package org.truthline.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.ProcessVariables;
import org.truthline.task.SubmittedValues;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskDetails;
import org.truthline.task.TaskExtras;
import org.truthline.task.TaskKind;

/**
 * Completes {@code Task_ConfirmCertification}: the expert certifies, asks for retraining or declines. Feedback is
 * required for RETRAIN and NOT_CERTIFIED, and for CERTIFY below the pass score. RETRAIN is rejected once the
 * last attempt is used. Stores the feedback, records CERTIFICATION_DECIDED and sets {@code certificationDecision}.
 */
@Component
class ConfirmCertificationTaskHandler implements TaskCompletionHandler {

    static final String CERTIFY = "CERTIFY";
    static final String RETRAIN = "RETRAIN";
    static final String NOT_CERTIFIED = "NOT_CERTIFIED";

    private final TrainingRepository training;
    private final CertificationRepository certifications;
    private final AuditLog auditLog;

    ConfirmCertificationTaskHandler(TrainingRepository training, CertificationRepository certifications,
            AuditLog auditLog) {
        this.training = training;
        this.certifications = certifications;
        this.auditLog = auditLog;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CONFIRM_CERTIFICATION;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("decision", "feedback");
    }

    @Override
    public Map<String, String> validate(TaskContext task, Map<String, Object> values) {
        String decision = SubmittedValues.text(values, "decision");
        boolean hasFeedback = SubmittedValues.text(values, "feedback") != null;
        Map<String, String> errors = new LinkedHashMap<>();
        TaskDetails.TrainingSummary summary = summary(task);
        if ((RETRAIN.equals(decision) || NOT_CERTIFIED.equals(decision)) && !hasFeedback) {
            errors.put("feedback", "Feedback is required when asking for retraining or not certifying.");
        }
        if (CERTIFY.equals(decision) && summary.score() < summary.passScore() && !hasFeedback) {
            errors.put("feedback", "Feedback is required when certifying below the pass score of "
                    + summary.passScore() + " (score " + summary.score() + ").");
        }
        if (RETRAIN.equals(decision) && summary.attempt() >= summary.maxAttempts()) {
            errors.put("decision", "No retraining attempt left (attempt " + summary.attempt() + " of "
                    + summary.maxAttempts() + "); choose CERTIFY or NOT_CERTIFIED.");
        }
        return errors;
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        String decision = SubmittedValues.text(values, "decision");
        String feedback = SubmittedValues.text(values, "feedback");
        long projectId = task.projectId();
        String contributor = (String) task.variable(ProcessVariables.CONTRIBUTOR);
        certifications.recordFeedback(projectId, contributor, task.userId(), feedback);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contributor", contributor);
        details.put("decision", decision);
        details.put("attempt", task.variable(ProcessVariables.ATTEMPT));
        if (feedback != null) {
            details.put("feedback", feedback);
        }
        auditLog.append(task.audit(AuditEventType.CERTIFICATION_DECIDED, null, details));
        return Map.of(ProcessVariables.CERTIFICATION_DECISION, decision,
                ProcessVariables.CERTIFICATION_DECIDED_BY, task.userId());
    }

    @Override
    public TaskExtras describe(TaskContext task) {
        return new TaskExtras(Map.of(), List.of(), null, summary(task), null);
    }

    private TaskDetails.TrainingSummary summary(TaskContext task) {
        int attempt = ((Number) task.variable(ProcessVariables.ATTEMPT)).intValue();
        int[] counts = training.answerCounts(task.processInstanceId(), attempt);
        double score = counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
        return new TaskDetails.TrainingSummary((String) task.variable(ProcessVariables.CONTRIBUTOR), attempt,
                ((Number) task.variable(ProcessVariables.MAX_ATTEMPTS)).intValue(), counts[0], counts[1], score,
                ((Number) task.variable(ProcessVariables.PASS_SCORE)).doubleValue());
    }
}
