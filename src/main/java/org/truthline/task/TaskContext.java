package org.truthline.task;

import java.util.Map;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessDefinitionRef;

/**
 * One open task, as passed to a {@link TaskCompletionHandler}.
 *
 * @param process key and version of the process definition the task belongs to
 * @param labelingInstanceId the image-labeling instance the task serves, or null for training tasks
 * @param variables the process variables visible from the task, read when the context was built
 */
public record TaskContext(
        String taskId,
        TaskKind kind,
        String userId,
        String processInstanceId,
        ProcessDefinitionRef process,
        Long projectId,
        Long imageId,
        String labelingInstanceId,
        Map<String, Object> variables) {

    public Object variable(String name) {
        return variables.get(name);
    }

    /** Builds an audit entry by the acting user about this task's project, image and process definition. */
    public AuditEntry audit(AuditEventType type, Long imageId, Map<String, ?> details) {
        return AuditEntry.of(userId, type, projectId, imageId, details)
                .withProcess(processInstanceId, process.key(), process.version());
    }
}
