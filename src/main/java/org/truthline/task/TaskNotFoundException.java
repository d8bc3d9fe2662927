package org.truthline.task;

/** No open task has this id. Maps to HTTP 404. */
public class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String message) {
        super(message);
    }
}
