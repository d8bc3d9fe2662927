package org.truthline.training;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.ProcessVariables;
import org.truthline.task.SubmittedValues;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskKind;

/**
 * Completes {@code Task_AnnotateQualificationCase}: stores the answer with whether its grade matches the gold
 * standard and records TRAINING_ANSWER_SUBMITTED. The contributor is not told the reference label.
 */
@Component
class QualificationCaseTaskHandler implements TaskCompletionHandler {

    private final TrainingRepository training;
    private final AuditLog auditLog;

    QualificationCaseTaskHandler(TrainingRepository training, AuditLog auditLog) {
        this.training = training;
        this.auditLog = auditLog;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.QUALIFICATION_CASE;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("grade", "quality");
    }

    @Override
    public Long imageId(TaskContext task) {
        return training.goldCase(goldCaseId(task)).imageId();
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        TrainingRepository.GoldCase goldCase = training.goldCase(goldCaseId(task));
        int grade = SubmittedValues.integer(values, "grade");
        String quality = SubmittedValues.text(values, "quality");
        int attempt = ((Number) task.variable(ProcessVariables.ATTEMPT)).intValue();
        training.insertAnswer(task.processInstanceId(), attempt, task.userId(), goldCase.id(), grade, quality,
                grade == goldCase.grade());
        auditLog.append(task.audit(AuditEventType.TRAINING_ANSWER_SUBMITTED, goldCase.imageId(),
                Map.of("goldCaseId", goldCase.id(), "attempt", attempt, "grade", grade, "quality", quality)));
        return Map.of();
    }

    private static long goldCaseId(TaskContext task) {
        return Long.parseLong(String.valueOf(task.variable(ProcessVariables.GOLD_CASE_ID)));
    }
}
