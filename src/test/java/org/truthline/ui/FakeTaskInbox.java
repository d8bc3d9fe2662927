package org.truthline.ui;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truthline.forms.FormDefinition;
import org.truthline.forms.FormRegistry;
import org.truthline.forms.FormValidator;
import org.truthline.task.TaskAccessDeniedException;
import org.truthline.task.TaskDetails;
import org.truthline.task.TaskDetails.ReaderAnswer;
import org.truthline.task.TaskDetails.ReviewSummary;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskNotFoundException;
import org.truthline.task.TaskSummary;
import org.truthline.task.TaskValidationException;

/**
 * An in-memory {@link TaskInbox} with the real forms of the forms folder, so the screens can be tested without the
 * labeling processes. It applies {@link FormValidator} and the review rule that a rejection or correction needs a
 * reason, and records claims and completions for the tests to check.
 */
public class FakeTaskInbox implements TaskInbox {

    /** A task held by the fake: its summary, the users who may see it and what opening it returns. */
    record FakeTask(TaskSummary summary, List<String> candidates, Map<String, Object> prefill,
            List<ReaderAnswer> readers, ReviewSummary review) {
    }

    private final FormRegistry forms;
    private final Map<String, FakeTask> tasks = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> completed = new LinkedHashMap<>();
    final List<String> claims = new ArrayList<>();

    public FakeTaskInbox(FormRegistry forms) {
        this.forms = forms;
    }

    public synchronized void reset() {
        tasks.clear();
        completed.clear();
        claims.clear();
    }

    /** Adds a task assigned to {@code assignee}, or offered to {@code candidates} when the assignee is null. */
    public synchronized void add(String id, TaskKind kind, String assignee, List<String> candidates, Long imageId,
            Map<String, Object> prefill, List<ReaderAnswer> readers, ReviewSummary review) {
        OffsetDateTime created = OffsetDateTime.now().minusHours(tasks.size() + 1L);
        TaskSummary summary = new TaskSummary(id, taskName(kind), kind, "image-labeling", "pi-" + id, 1L, imageId,
                assignee, false, created, created.plusDays(2), kind.formId());
        tasks.put(id, new FakeTask(summary, candidates, prefill, readers, review));
    }

    private static String taskName(TaskKind kind) {
        return switch (kind) {
            case ANNOTATE -> "Annotate image";
            case REVIEW -> "Review annotation";
            case ADJUDICATE -> "Adjudicate label";
            default -> kind.name();
        };
    }

    @Override
    public synchronized List<TaskSummary> openTasks(String userId) {
        return tasks.values().stream()
                .filter(task -> userId.equals(task.summary().assignee())
                        || task.summary().assignee() == null && task.candidates().contains(userId))
                .map(task -> view(task.summary(), userId))
                .toList();
    }

    private static TaskSummary view(TaskSummary s, String userId) {
        boolean claimable = s.assignee() == null;
        return new TaskSummary(s.id(), s.name(), s.kind(), s.processDefinitionKey(), s.processInstanceId(),
                s.projectId(), s.imageId(), s.assignee(), claimable, s.created(), s.due(), s.formId());
    }

    @Override
    public synchronized TaskSummary claim(String taskId, String userId) {
        FakeTask task = require(taskId, userId);
        if (task.summary().assignee() != null) {
            throw new TaskAccessDeniedException("Task " + taskId + " is already assigned.");
        }
        TaskSummary s = task.summary();
        TaskSummary claimed = new TaskSummary(s.id(), s.name(), s.kind(), s.processDefinitionKey(),
                s.processInstanceId(), s.projectId(), s.imageId(), userId, false, s.created(), s.due(), s.formId());
        tasks.put(taskId, new FakeTask(claimed, task.candidates(), task.prefill(), task.readers(), task.review()));
        claims.add(taskId + ":" + userId);
        return claimed;
    }

    @Override
    public synchronized TaskDetails open(String taskId, String userId) {
        FakeTask task = require(taskId, userId);
        FormDefinition form = forms.require(task.summary().formId());
        return new TaskDetails(view(task.summary(), userId), form, task.prefill(), task.readers(), task.review(),
                null, null);
    }

    @Override
    public synchronized void complete(String taskId, String userId, Map<String, Object> values) {
        FakeTask task = require(taskId, userId);
        if (!userId.equals(task.summary().assignee())) {
            throw new TaskAccessDeniedException("Claim task " + taskId + " before completing it.");
        }
        Map<String, String> errors = new LinkedHashMap<>(
                FormValidator.validate(forms.require(task.summary().formId()), values));
        if (task.summary().kind() == TaskKind.REVIEW) {
            Object outcome = values.get("outcome");
            Object reason = values.get("reason");
            boolean noReason = reason == null || reason.toString().isBlank();
            if (("REJECT".equals(outcome) || "CORRECT".equals(outcome)) && noReason) {
                errors.putIfAbsent("reason", "Reason is required when the outcome is " + outcome + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw new TaskValidationException(errors);
        }
        completed.put(taskId, Map.copyOf(values));
        tasks.remove(taskId);
    }

    private FakeTask require(String taskId, String userId) {
        FakeTask task = tasks.get(taskId);
        if (task == null) {
            throw new TaskNotFoundException("Task " + taskId + " not found.");
        }
        boolean visible = userId.equals(task.summary().assignee())
                || task.summary().assignee() == null && task.candidates().contains(userId);
        if (!visible) {
            throw new TaskAccessDeniedException("Task " + taskId + " is not assigned to " + userId + ".");
        }
        return task;
    }
}
