package org.truthline.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.forms.FormDefinition;
import org.truthline.forms.FormRegistry;
import org.truthline.forms.FormValidator;
import org.truthline.identity.Role;
import org.truthline.process.EngineAuthentication;
import org.truthline.process.ProcessDefinitionRef;
import org.truthline.process.ProcessDefinitions;
import org.truthline.process.ProcessVariables;

/**
 * The {@link TaskInbox} on Camunda's task service. Truthline decides who may see and act on a task from the
 * assignee and the candidate groups, so look-ups run without the user's engine authentication. Claim and complete
 * run with it, so Camunda's authorizations and user operation log apply as well.
 *
 * <p>A user may act on a task assigned to them, or on an unassigned task offered to one of their groups.
 * Auditors may open any task but never claim or complete one.
 */
@Service
class TaskInboxService implements TaskInbox {

    private enum Access { ASSIGNEE, CANDIDATE, TAKEN_BY_OTHER, NONE }

    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final FormRegistry formRegistry;
    private final ProcessDefinitions definitions;
    private final UserGroups userGroups;
    private final AuditLog auditLog;
    private final Map<TaskKind, TaskCompletionHandler> handlers = new EnumMap<>(TaskKind.class);

    TaskInboxService(TaskService taskService, HistoryService historyService, IdentityService identityService,
            FormRegistry formRegistry, ProcessDefinitions definitions, UserGroups userGroups, AuditLog auditLog,
            List<TaskCompletionHandler> handlers) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.formRegistry = formRegistry;
        this.definitions = definitions;
        this.userGroups = userGroups;
        this.auditLog = auditLog;
        for (TaskCompletionHandler handler : handlers) {
            if (this.handlers.put(handler.kind(), handler) != null) {
                throw new IllegalStateException("Two task handlers for " + handler.kind());
            }
        }
    }

    @Override
    public List<TaskSummary> openTasks(String userId) {
        Set<String> groups = userGroups.of(userId);
        List<Task> tasks = EngineAuthentication.asSystem(identityService, () -> {
            Map<String, Task> found = new LinkedHashMap<>();
            taskService.createTaskQuery().taskAssignee(userId).active().initializeFormKeys().list()
                    .forEach(t -> found.put(t.getId(), t));
            if (!groups.isEmpty()) {
                taskService.createTaskQuery().taskCandidateGroupIn(List.copyOf(groups)).taskUnassigned().active()
                        .initializeFormKeys().list()
                        .forEach(t -> found.putIfAbsent(t.getId(), t));
            }
            return new ArrayList<>(found.values());
        });
        tasks.sort(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getId));
        return tasks.stream().map(t -> summary(t, context(t, userId), userId, groups)).toList();
    }

    @Override
    @Transactional
    public TaskSummary claim(String taskId, String userId) {
        Task task = find(taskId);
        Set<String> groups = userGroups.of(userId);
        rejectAuditor(groups, "claim");
        switch (access(task, userId, groups)) {
            case ASSIGNEE -> {
                return summary(task, context(task, userId), userId, groups);
            }
            case CANDIDATE -> claimAsUser(taskId, userId);
            case TAKEN_BY_OTHER -> throw new TaskConflictException("Task " + taskId + " is already claimed by another user.");
            case NONE -> throw notYours(taskId, userId);
        }
        Task claimed = find(taskId);
        return summary(claimed, context(claimed, userId), userId, groups);
    }

    @Override
    @Transactional
    public TaskDetails open(String taskId, String userId) {
        Task task = find(taskId);
        Set<String> groups = userGroups.of(userId);
        if (access(task, userId, groups) == Access.NONE && !groups.contains(Role.AUDITOR.id())) {
            throw notYours(taskId, userId);
        }
        TaskContext context = context(task, userId);
        TaskCompletionHandler handler = context.kind() == null ? null : handlers.get(context.kind());
        TaskExtras extras = handler == null ? TaskExtras.NONE : handler.describe(context);
        TaskSummary summary = summary(task, context, userId, groups);
        if (summary.imageId() != null) {
            auditLog.append(AuditEntry.of(userId, AuditEventType.IMAGE_VIEWED, summary.projectId(), summary.imageId(),
                    Map.of("taskId", taskId, "task", task.getTaskDefinitionKey()))
                    .withProcess(task.getProcessInstanceId(), context.process().key(), context.process().version()));
        }
        FormDefinition form = summary.formId() == null ? null : formRegistry.require(summary.formId());
        return new TaskDetails(summary, form, extras.prefill(), extras.readerAnswers(), extras.review(),
                extras.training(), extras.guidelines());
    }

    @Override
    @Transactional
    public void complete(String taskId, String userId, Map<String, Object> values) {
        Task task = find(taskId);
        Set<String> groups = userGroups.of(userId);
        rejectAuditor(groups, "complete");

        Access access = access(task, userId, groups);
        if (access == Access.NONE) {
            throw notYours(taskId, userId);
        }
        if (access == Access.TAKEN_BY_OTHER) {
            throw new TaskConflictException("Task " + taskId + " is assigned to another user; only they can complete it.");
        }

        TaskContext context = context(task, userId);
        TaskCompletionHandler handler = context.kind() == null ? null : handlers.get(context.kind());
        if (handler == null) {
            throw new IllegalStateException("No handler for task " + task.getTaskDefinitionKey() + " (" + taskId
                    + "); Truthline cannot complete it.");
        }

        Map<String, Object> submitted = values == null ? Map.of() : values;
        Map<String, String> errors = new LinkedHashMap<>(FormValidator.validate(formRegistry.require(formId(task, context)), submitted));
        if (errors.isEmpty()) {
            errors.putAll(handler.validate(context, submitted));
        }
        if (!errors.isEmpty()) {
            throw new TaskValidationException(errors);
        }

        if (access == Access.CANDIDATE) {
            claimAsUser(taskId, userId);
        }
        Map<String, Object> variables = new HashMap<>(handler.complete(context, submitted));
        try {
            TaskCompletionGuard.submit(() -> asUser(userId, groups, () -> taskService.complete(taskId, variables)));
        } catch (NullValueException | OptimisticLockingException | AuthorizationException e) {
            // A parallel request completed the task first; this transaction rolls back the duplicate record.
            throw new TaskConflictException("Task " + taskId + " was completed by a parallel request; "
                    + "reload the inbox.");
        }
    }

    private void claimAsUser(String taskId, String userId) {
        try {
            asUser(userId, userGroups.of(userId), () -> taskService.claim(taskId, userId));
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | AuthorizationException e) {
            // The access check just before passed, so a failure here means another request claimed or completed
            // the task in between (its claim also withdraws the candidates' authorization).
            throw new TaskConflictException("Task " + taskId + " was claimed by another user a moment ago.");
        }
    }

    /** Runs an engine call as the user, unless a request filter already authenticated that user. */
    private void asUser(String userId, Set<String> groups, Runnable work) {
        var current = identityService.getCurrentAuthentication();
        if (current != null && userId.equals(current.getUserId())) {
            work.run();
            return;
        }
        identityService.setAuthentication(userId, List.copyOf(groups));
        try {
            work.run();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            } else {
                identityService.clearAuthentication();
            }
        }
    }

    private Task find(String taskId) {
        Task task = EngineAuthentication.asSystem(identityService,
                () -> taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (task == null) {
            HistoricTaskInstance ended = EngineAuthentication.asSystem(identityService,
                    () -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult());
            if (ended != null) {
                throw new TaskConflictException("Task " + taskId + " is no longer open: it ended at "
                        + ended.getEndTime().toInstant() + "; reload the inbox.");
            }
            throw new TaskNotFoundException("No open task has the id " + taskId + ".");
        }
        return task;
    }

    private Access access(Task task, String userId, Set<String> groups) {
        if (userId.equals(task.getAssignee())) {
            return Access.ASSIGNEE;
        }
        List<IdentityLink> links = EngineAuthentication.asSystem(identityService,
                () -> taskService.getIdentityLinksForTask(task.getId()));
        boolean candidate = links.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .anyMatch(l -> userId.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId())));
        if (!candidate) {
            return Access.NONE;
        }
        return task.getAssignee() == null ? Access.CANDIDATE : Access.TAKEN_BY_OTHER;
    }

    private static void rejectAuditor(Set<String> groups, String action) {
        if (groups.contains(Role.AUDITOR.id())) {
            throw new TaskAccessDeniedException("Auditors have read-only access and cannot " + action + " tasks.");
        }
    }

    private static TaskAccessDeniedException notYours(String taskId, String userId) {
        return new TaskAccessDeniedException("Task " + taskId + " is neither assigned to " + userId
                + " nor offered to one of their groups.");
    }

    private TaskContext context(Task task, String userId) {
        TaskKind kind = TaskKind.fromTaskDefinitionKey(task.getTaskDefinitionKey()).orElse(null);
        Map<String, Object> variables = EngineAuthentication.asSystem(identityService,
                () -> new HashMap<>(taskService.getVariables(task.getId())));
        ProcessDefinitionRef process = definitions.process(task.getProcessDefinitionId());
        Long projectId = asLong(variables.get(ProcessVariables.PROJECT_ID));
        Long imageId = asLong(variables.get(ProcessVariables.IMAGE_ID));
        String labelingInstanceId = ProcessVariables.PROCESS_IMAGE_LABELING.equals(process.key())
                ? task.getProcessInstanceId()
                : (String) variables.get(ProcessVariables.LABELING_INSTANCE_ID);
        return new TaskContext(task.getId(), kind, userId, task.getProcessInstanceId(), process, projectId, imageId,
                labelingInstanceId, Map.copyOf(variables.entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    private TaskSummary summary(Task task, TaskContext context, String userId, Set<String> groups) {
        TaskCompletionHandler handler = context.kind() == null ? null : handlers.get(context.kind());
        Long imageId = handler == null ? context.imageId() : handler.imageId(context);
        boolean claimable = task.getAssignee() == null && access(task, userId, groups) == Access.CANDIDATE
                && !groups.contains(Role.AUDITOR.id());
        return new TaskSummary(task.getId(), task.getName(), context.kind(), context.process().key(),
                task.getProcessInstanceId(), context.projectId(), imageId, task.getAssignee(), claimable,
                toOffset(task.getCreateTime()), toOffset(task.getDueDate()), formId(task, context));
    }

    private static String formId(Task task, TaskContext context) {
        if (task.getCamundaFormRef() != null) {
            return task.getCamundaFormRef().getKey();
        }
        return context.kind() == null ? null : context.kind().formId();
    }

    private static Long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return value instanceof String text && !text.isBlank() ? Long.valueOf(text.strip()) : null;
    }

    private static OffsetDateTime toOffset(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
