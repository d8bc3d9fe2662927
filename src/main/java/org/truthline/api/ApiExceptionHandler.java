package org.truthline.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.truthline.image.ImageAccessDeniedException;
import org.truthline.image.ImageNotFoundException;
import org.truthline.intake.BurnedInReviewConflictException;
import org.truthline.intake.ImportNotFoundException;
import org.truthline.intake.NoteRequiredException;
import org.truthline.project.ProjectNotFoundException;
import org.truthline.task.TaskAccessDeniedException;
import org.truthline.task.TaskNotFoundException;
import org.truthline.task.TaskValidationException;

/** Maps Truthline's exceptions to JSON errors with the HTTP status a script can act on. */
@RestControllerAdvice(basePackages = "org.truthline")
public class ApiExceptionHandler {

    @ExceptionHandler({ProjectNotFoundException.class, ImageNotFoundException.class, ImportNotFoundException.class,
            TaskNotFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ImageAccessDeniedException.class, TaskAccessDeniedException.class, AccessDeniedException.class})
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({org.truthline.task.TaskConflictException.class, BurnedInReviewConflictException.class})
    ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(TaskValidationException.class)
    ResponseEntity<Map<String, Object>> invalidTask(TaskValidationException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", "Invalid values; see errors per field.");
        body.put("errors", e.fieldErrors());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(NoteRequiredException.class)
    ResponseEntity<Map<String, Object>> missingNote(NoteRequiredException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", e.getMessage());
        body.put("errors", Map.of(NoteRequiredException.FIELD, e.getMessage()));
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.put(f.getField(),
                f.getField() + " " + f.getDefaultMessage() + " (got " + f.getRejectedValue() + ")"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", "Invalid request body; see errors per field.");
        body.put("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadableBody(
            org.springframework.http.converter.HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            java.util.List<String> known = unknown.getKnownPropertyIds() == null ? java.util.List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return error(HttpStatus.BAD_REQUEST, "Unknown field '" + unknown.getPropertyName() + "' in the request "
                    + "body; the accepted fields are " + known + ". Check the spelling; docs/api.md lists them.");
        }
        String detail = cause instanceof com.fasterxml.jackson.core.JsonProcessingException json
                ? json.getOriginalMessage() : cause.getMessage();
        return error(HttpStatus.BAD_REQUEST, "The request body is not the expected JSON object (" + detail
                + "); send a JSON object with the fields listed in docs/api.md.");
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName();
        String expected = switch (type) {
            case "long", "Long" -> "a numeric id";
            case "int", "Integer", "short", "Short" -> "a whole number";
            case "double", "Double", "float", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "" -> "another type";
            default -> "a value of type " + type;
        };
        return error(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + "; expected "
                + expected + ".");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Builds the JSON error every Truthline endpoint returns: {@code {"status": ..., "error": "..."}}. */
    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        return ResponseEntity.status(status).body(body);
    }
}
