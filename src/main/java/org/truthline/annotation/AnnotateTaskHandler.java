package org.truthline.annotation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.task.SubmittedValues;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskKind;

/**
 * Completes {@code Task_AnnotateImage}: stores the reader's annotation, marks the reader's assignment DONE and
 * records ANNOTATION_SUBMITTED. Sets no process variable; the comparison reads the annotation table.
 */
@Component
class AnnotateTaskHandler implements TaskCompletionHandler {

    private final AnnotationRepository annotations;
    private final AssignmentRepository assignments;
    private final AuditLog auditLog;

    AnnotateTaskHandler(AnnotationRepository annotations, AssignmentRepository assignments, AuditLog auditLog) {
        this.annotations = annotations;
        this.assignments = assignments;
        this.auditLog = auditLog;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.ANNOTATE;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("grade", "quality", "comment");
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        int grade = SubmittedValues.integer(values, "grade");
        String quality = SubmittedValues.text(values, "quality");
        String comment = SubmittedValues.text(values, "comment");
        annotations.insert(task.imageId(), task.processInstanceId(), task.taskId(), task.userId(), grade, quality,
                comment);
        assignments.updateStatus(task.processInstanceId(), task.userId(), AssignmentRepository.DONE);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("taskId", task.taskId());
        details.put("grade", grade);
        details.put("quality", quality);
        if (comment != null) {
            details.put("comment", comment);
        }
        auditLog.append(task.audit(AuditEventType.ANNOTATION_SUBMITTED, task.imageId(), details));
        return Map.of();
    }
}
