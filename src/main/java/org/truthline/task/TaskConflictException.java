package org.truthline.task;

/** The task is already claimed by or assigned to another user. Maps to HTTP 409. */
public class TaskConflictException extends RuntimeException {
    public TaskConflictException(String message) {
        super(message);
    }
}
