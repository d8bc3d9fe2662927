package org.truthline.task;

import java.util.List;
import java.util.Map;

/**
 * The stage services' entry point for user tasks, shared by the Vaadin views and the REST API so both enforce
 * the same rules. Views never call Camunda's {@code TaskService} directly.
 *
 * <p>Every method takes the acting user's id; the implementation looks up the user's groups in Camunda's
 * identity service. A task that exists but is neither assigned to the user nor offered to one of the user's
 * groups raises {@link TaskAccessDeniedException}; an unknown id raises {@link TaskNotFoundException}.
 */
public interface TaskInbox {

    /** Lists open tasks assigned to the user and unassigned tasks offered to the user's groups, oldest first. */
    List<TaskSummary> openTasks(String userId);

    /** Claims an unassigned group task for the user. */
    TaskSummary claim(String taskId, String userId);

    /** Returns what the user needs to work on the task; records an image-viewed audit event. */
    TaskDetails open(String taskId, String userId);

    /**
     * Validates {@code values} against the task's form and the task's own rules, stores the domain record
     * (annotation, review, adjudication, ...) and completes the task, in one transaction.
     *
     * @throws TaskValidationException with one message per invalid field; nothing is stored then
     */
    void complete(String taskId, String userId, Map<String, Object> values);
}
