package org.truthline.task;

import java.util.Map;
import java.util.Set;

/**
 * Stage-specific handling of one {@link TaskKind}: the rules beyond the form's own constraints, the domain record
 * stored on completion and the extra details shown with the task. One Spring bean per kind; the task inbox
 * calls it inside the completing transaction after the form validated.
 */
public interface TaskCompletionHandler {

    TaskKind kind();

    /** Returns the form field keys this handler reads; a guard test checks that they cover the form's inputs. */
    Set<String> fieldKeys();

    /** Checks rules the form cannot express; returns field key to message, empty when the values are valid. */
    default Map<String, String> validate(TaskContext task, Map<String, Object> values) {
        return Map.of();
    }

    /**
     * Stores the domain record and appends the audit event.
     *
     * @return variables to complete the task with
     */
    Map<String, Object> complete(TaskContext task, Map<String, Object> values);

    /** Returns the image shown with the task, or null; by default the process variable imageId. */
    default Long imageId(TaskContext task) {
        return task.imageId();
    }

    /** Returns what the task screen shows besides the form. */
    default TaskExtras describe(TaskContext task) {
        return TaskExtras.NONE;
    }
}
