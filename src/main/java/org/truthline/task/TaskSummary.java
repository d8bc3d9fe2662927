package org.truthline.task;

import java.time.OffsetDateTime;

/**
 * A task as the inbox lists it.
 *
 * @param assignee the user the task is assigned to, or null while it waits in a group queue
 * @param claimable true when the caller may claim it (unassigned and offered to one of the caller's groups)
 * @param formId the {@code camunda:formRef} of the task
 */
public record TaskSummary(
        String id,
        String name,
        TaskKind kind,
        String processDefinitionKey,
        String processInstanceId,
        Long projectId,
        Long imageId,
        String assignee,
        boolean claimable,
        OffsetDateTime created,
        OffsetDateTime due,
        String formId) {
}
