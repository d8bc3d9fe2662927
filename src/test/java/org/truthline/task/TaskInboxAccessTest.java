package org.truthline.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.labeling.LabelingService;
import org.truthline.process.ProcessTestSupport;

/** Who may see, claim and complete which task, validation, and reader blinding. */
class TaskInboxAccessTest extends ProcessTestSupport {

    @Autowired
    TaskInbox inbox;
    @Autowired
    LabelingService labeling;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void contributor_seesOnlyOwnAnnotateTask() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        List<Task> tasks = annotateTasks(instance);
        Task first = tasks.get(0);
        String other = tasks.get(1).getAssignee();

        List<TaskSummary> open = as(first.getAssignee(), () -> inbox.openTasks(first.getAssignee()));
        assertThat(open).extracting(TaskSummary::id).contains(first.getId()).doesNotContain(tasks.get(1).getId());
        assertThat(open).filteredOn(t -> t.id().equals(first.getId())).singleElement()
                .satisfies(t -> {
                    assertThat(t.kind()).isEqualTo(TaskKind.ANNOTATE);
                    assertThat(t.formId()).isEqualTo("annotate");
                    assertThat(t.imageId()).isNotNull();
                });
        assertThatThrownBy(() -> as(other, () -> inbox.open(first.getId(), other)))
                .isInstanceOf(TaskAccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> inbox.complete(first.getId(), other, Map.of("grade", 1, "quality", "good"))))
                .isInstanceOf(TaskAccessDeniedException.class);
    }

    @Test
    void open_recordsImageViewed() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        Task task = annotateTasks(instance).get(0);

        TaskDetails details = as(task.getAssignee(), () -> inbox.open(task.getId(), task.getAssignee()));

        assertThat(details.form().id()).isEqualTo("annotate");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE event_type = 'IMAGE_VIEWED' AND actor = ? "
                + "AND image_id = ?", task.getAssignee(), details.summary().imageId())).isEqualTo(1);
    }

    @Test
    void invalidValues_rejectedPerField() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        Task task = annotateTasks(instance).get(0);

        assertThatThrownBy(() -> as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                Map.of("grade", 7, "shade", "x"))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors())
                        .containsKeys("grade", "quality", "shade"));
        assertThat(count("SELECT COUNT(*) FROM annotation WHERE task_id = ?", task.getId())).isZero();
    }

    @Test
    void quotedGrade_rejectedWithFix() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        Task task = annotateTasks(instance).get(0);

        assertThatThrownBy(() -> as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                Map.of("grade", "2", "quality", "good"))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors().get("grade"))
                        .contains("\"2\"").contains("\"grade\": 2"));
        assertThat(count("SELECT COUNT(*) FROM annotation WHERE task_id = ?", task.getId())).isZero();
    }

    @Test
    void objectForTextField_rejected() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        Task task = annotateTasks(instance).get(0);

        assertThatThrownBy(() -> as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                Map.of("grade", 1, "quality", "good", "comment", Map.of("a", 1)))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors().get("comment"))
                        .contains("must be text"));
    }

    @Test
    void unknownTask_notFound() {
        assertThatThrownBy(() -> inbox.open("no-such-task", EXPERT)).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void reviewTask_enforcesClaimRules() {
        ProcessInstance instance = labelingAtAnnotate(1.0);
        for (Task task : annotateTasks(instance)) {
            as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                    Map.of("grade", 2, "quality", "good", "comment", "clear")));
        }
        execute(job(instance));
        execute(job(instance));
        Task review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewAnnotation")
                .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();

        assertThat(as(EXPERT, () -> inbox.openTasks(EXPERT))).extracting(TaskSummary::id).contains(review.getId());
        TaskDetails details = as(EXPERT, () -> inbox.open(review.getId(), EXPERT));
        assertThat(details.readerAnswers()).extracting(TaskDetails.ReaderAnswer::reader)
                .containsExactly("Reader A", "Reader B");
        assertThat(details.prefill()).as("the corrected grade belongs to CORRECT only").isEmpty();

        assertThatThrownBy(() -> as(AUDITOR, () -> inbox.claim(review.getId(), AUDITOR)))
                .isInstanceOf(TaskAccessDeniedException.class);
        assertThat(as(AUDITOR, () -> inbox.open(review.getId(), AUDITOR)).summary().claimable()).isFalse();

        as(EXPERT, () -> inbox.claim(review.getId(), EXPERT));
        assertThatThrownBy(() -> as(EXPERT2, () -> inbox.claim(review.getId(), EXPERT2)))
                .isInstanceOf(TaskConflictException.class);
        assertThatThrownBy(() -> as(EXPERT2, () -> inbox.complete(review.getId(), EXPERT2, Map.of("outcome", "ACCEPT"))))
                .isInstanceOf(TaskConflictException.class);
        assertThatThrownBy(() -> as(EXPERT, () -> inbox.complete(review.getId(), EXPERT, Map.of("outcome", "CORRECT"))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors())
                        .containsKeys("grade", "quality", "reason"));
        assertThatThrownBy(() -> as(EXPERT, () -> inbox.complete(review.getId(), EXPERT, Map.of("outcome", "REJECT"))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors()).containsOnlyKeys("reason"));
    }

    @Test
    void parallelCompletions_oneWinsOthersConflict() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            ProcessInstance instance = labelingAtAnnotate(1.0);
            for (Task task : annotateTasks(instance)) {
                as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                        Map.of("grade", 2, "quality", "good")));
            }
            execute(job(instance));
            execute(job(instance));
            Task review = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewAnnotation")
                    .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (String expert : List.of(EXPERT, EXPERT2, EXPERT)) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(expert, () -> {
                            inbox.complete(review.getId(), expert, Map.of("outcome", "ACCEPT"));
                            return null;
                        });
                        return "completed";
                    } catch (TaskConflictException e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<String> outcome : outcomes) {
                results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(results).as("trial " + trial).containsOnlyOnce("completed").containsOnly("completed", "conflict");
        }
    }

    @Test
    void completedTask_completedAgain_conflicts() {
        ProcessInstance instance = labelingAtAnnotate(0.0);
        Task task = annotateTasks(instance).get(0);
        as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                Map.of("grade", 1, "quality", "good")));

        assertThatThrownBy(() -> as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(),
                Map.of("grade", 1, "quality", "good"))))
                .isInstanceOf(TaskConflictException.class)
                .hasMessageContaining("no longer open");
    }

    private ProcessInstance labelingAtAnnotate(double reviewRate) {
        long projectId = project(2, reviewRate, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        String id = labeling.start(projectId, imageId, LEAD);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        execute(job(instance));
        return instance;
    }

    private List<Task> annotateTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AnnotateImage").orderByTaskAssignee().asc().list();
    }
}
