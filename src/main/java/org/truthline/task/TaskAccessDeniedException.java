package org.truthline.task;

/** The task exists but the user may not see or act on it. Maps to HTTP 403. */
public class TaskAccessDeniedException extends RuntimeException {
    public TaskAccessDeniedException(String message) {
        super(message);
    }
}
