package org.truthline.task;

import java.util.Map;

/** Submitted values were rejected; {@link #fieldErrors()} maps each field key to its message. Maps to HTTP 400. */
public class TaskValidationException extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public TaskValidationException(Map<String, String> fieldErrors) {
        super("Invalid values: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
