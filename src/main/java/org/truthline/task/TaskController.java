package org.truthline.task;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST access to the caller's tasks. The body of a completion maps form field keys to values, for example
 * {@code {"grade": 2, "quality": "good"}} for an annotate task.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final TaskInbox inbox;

    TaskController(TaskInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    List<TaskSummary> openTasks(Principal principal) {
        return inbox.openTasks(user(principal));
    }

    @GetMapping("/{id}")
    TaskDetails open(@PathVariable String id, Principal principal) {
        return inbox.open(id, user(principal));
    }

    @PostMapping("/{id}/claim")
    TaskSummary claim(@PathVariable String id, Principal principal) {
        return inbox.claim(id, user(principal));
    }

    @PostMapping("/{id}/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values,
            Principal principal) {
        inbox.complete(id, user(principal), values == null ? Map.of() : values);
        return ResponseEntity.noContent().build();
    }

    private static String user(Principal principal) {
        if (principal == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to work on tasks.");
        }
        return principal.getName();
    }
}
