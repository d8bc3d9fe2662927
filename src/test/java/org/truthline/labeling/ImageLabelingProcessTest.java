package org.truthline.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.project.ProjectService;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.ProcessTestSupport;
import org.truthline.process.ProcessVariables;
import org.truthline.task.TaskInbox;

/** One test per path of image-labeling, driven through the task inbox as the users would. */
class ImageLabelingProcessTest extends ProcessTestSupport {

    @Autowired
    LabelingService labeling;
    @Autowired
    TaskInbox inbox;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    LabelHistory history;
    @Autowired
    AnnotationRepository annotations;
    @Autowired
    AuditLog auditLog;
    @Autowired
    ProjectService projects;

    @Test
    void readersAgreeNotSampled_finalizesConsensus() {
        long projectId = project(2, 0.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 2, 2);

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordSamplingDecision");
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_FinalizeLabel")
                .hasPassed("Task_DecideSampling", "Gateway_ReviewNeeded", "Gateway_AdjudicationNeeded")
                .hasNotPassed("CallActivity_ExpertReview");
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Event_LabelFinalized");

        assertThat(samplingRule(instance)).isEqualTo("not-sampled");
        Map<String, Object> label = finalLabel(imageId);
        assertThat(label.get("GRADE")).isEqualTo(2);
        assertThat(label.get("SOURCE")).isEqualTo(FinalLabel.CONSENSUS);
        assertThat((String) label.get("PROVENANCE")).contains("\"key\":\"image-labeling\"")
                .contains("\"taxonomy\":{\"key\":\"finding-severity\",\"version\":1}")
                .contains("\"key\":\"review-sampling\"").contains("\"rule\":\"not-sampled\"");
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE image_id = ? AND status = 'DONE'", imageId)).isEqualTo(2);

        List<String> types = history.forImage(imageId).stream().map(LabelHistory.Event::type).toList();
        assertThat(types).containsSubsequence("LABELING_STARTED", "READERS_ASSIGNED", "ANNOTATION_SUBMITTED",
                "ANNOTATION_SUBMITTED", "READERS_COMPARED", "SAMPLING_DECIDED", "LABEL_FINALIZED");
        assertThat(history.forImage(imageId)).allSatisfy(e -> assertThat(e.processDefinitionKey()).isNotNull());
    }

    @Test
    void readersAgreeSampledAccepted_finalizesConsensus() {
        long projectId = project(2, 1.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 1, 1);
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_ExpertReview");
        assertThat(samplingRule(instance)).isEqualTo("random-sample");

        review(imageId, Map.of("outcome", "ACCEPT"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_FinalizeLabel").hasNotPassed("CallActivity_Adjudicate");
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(finalLabel(imageId).get("SOURCE")).isEqualTo(FinalLabel.CONSENSUS);
        assertThat((String) finalLabel(imageId).get("PROVENANCE")).contains("\"key\":\"expert-review\"");
    }

    @Test
    void readersAgreeSampledCorrected_finalizesReviewCorrection() {
        long projectId = project(2, 1.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 1, 1);
        execute(job(instance));
        review(imageId, Map.of("outcome", "CORRECT", "grade", 3, "quality", "adequate", "reason", "Lesion missed"));
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasNotPassed("CallActivity_Adjudicate");
        Map<String, Object> label = finalLabel(imageId);
        assertThat(label.get("GRADE")).isEqualTo(3);
        assertThat(label.get("QUALITY")).isEqualTo("adequate");
        assertThat(label.get("SOURCE")).isEqualTo(FinalLabel.REVIEW);
    }

    @Test
    void sampledReviewRejected_goesToAdjudication() {
        long projectId = project(2, 1.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 0, 0);
        execute(job(instance));
        review(imageId, Map.of("outcome", "REJECT", "reason", "Image is of the wrong eye"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_Adjudicate");

        adjudicate(imageId, Map.of("grade", 4, "quality", "poor", "rationale", "Severe finding at the margin"));
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded();
        Map<String, Object> label = finalLabel(imageId);
        assertThat(label.get("GRADE")).isEqualTo(4);
        assertThat(label.get("SOURCE")).isEqualTo(FinalLabel.ADJUDICATION);
        assertThat((String) label.get("PROVENANCE")).contains("\"key\":\"adjudicate\"");

        Map<String, String> comments = new HashMap<>();
        history.forImage(imageId).stream().filter(event -> event.comment() != null)
                .forEach(event -> comments.put(event.type(), event.comment()));
        assertThat(comments).containsEntry("REVIEW_SUBMITTED", "Image is of the wrong eye");
        assertThat(comments).containsEntry("ADJUDICATION_SUBMITTED", "Severe finding at the margin");
    }

    @Test
    void annotationAuditedWithoutComment_showsStoredComment() {
        long projectId = project(2, 0.0, 0);
        long imageId = image(projectId);
        annotations.insert(imageId, "labeling-before-upgrade", "task-before-upgrade", CONTRIBUTOR1, 3, "good",
                "Entered before comments were audited");
        auditLog.append(AuditEntry.of(CONTRIBUTOR1, AuditEventType.ANNOTATION_SUBMITTED, projectId, imageId,
                Map.of("taskId", "task-before-upgrade", "grade", 3, "quality", "good")));

        List<LabelHistory.Event> annotated = history.forImage(imageId).stream()
                .filter(event -> event.type().equals("ANNOTATION_SUBMITTED")).toList();

        assertThat(annotated).singleElement().extracting(LabelHistory.Event::comment)
                .isEqualTo("Entered before comments were audited");
    }

    @Test
    void readersDisagree_reviewThenAdjudication() {
        long projectId = project(2, 0.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 1, 3);
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_ExpertReview");
        assertThat(samplingRule(instance)).isEqualTo("readers-disagree");

        review(imageId, Map.of("outcome", "ACCEPT"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_Adjudicate");
        adjudicate(imageId, Map.of("grade", 2, "quality", "good", "rationale", "Grade 2 fits the guideline"));
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(finalLabel(imageId).get("GRADE")).isEqualTo(2);
        List<String> types = history.forImage(imageId).stream().map(LabelHistory.Event::type).toList();
        assertThat(types).containsSubsequence("SAMPLING_DECIDED", "REVIEW_SUBMITTED", "ADJUDICATION_SUBMITTED",
                "LABEL_FINALIZED");
    }

    @Test
    void readerBelowMinimumReviewed_goesToReview() {
        long projectId = project(2, 0.0, 5);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        annotate(instance, 2, 2);
        execute(job(instance));

        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_ExpertReview");
        assertThat(samplingRule(instance)).isEqualTo("below-minimum-reviewed");
    }

    @Test
    void readersDisagreeWithoutReview_goesToAdjudication() {
        long projectId = project(2, 0.0, 0);
        long imageId = image(projectId);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(ProcessVariables.PROCESS_IMAGE_LABELING)
                .businessKey(String.valueOf(imageId))
                .startBeforeActivity("Gateway_ReviewNeeded")
                .setVariables(Map.of(ProcessVariables.PROJECT_ID, projectId, ProcessVariables.IMAGE_ID, imageId,
                        ProcessVariables.READERS_AGREE, false, ProcessVariables.REVIEW_NEEDED, false))
                .execute();

        BpmnAwareTests.assertThat(instance).isWaitingAt("CallActivity_Adjudicate")
                .hasNotPassed("CallActivity_ExpertReview");
    }

    @Test
    void notEnoughReaders_waitsAndRetries() {
        long projectId = project(2, 0.0, 0);
        certify(projectId, CONTRIBUTOR1);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);

        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Event_ReaderWaitElapsed").hasPassed("Event_NotEnoughReaders");
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE image_id = ?", imageId)).isZero();
        assertThat(projects.progress(projectId).waitingForReaders()).as("images waiting for readers").isEqualTo(1);

        certify(projectId, CONTRIBUTOR2);
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AssignReaders");
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnnotateImage");
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE image_id = ? AND status = 'ASSIGNED'", imageId))
                .isEqualTo(2);
        assertThat(projects.progress(projectId).waitingForReaders()).isZero();
    }

    @Test
    void annotateSlaElapsed_reassignsToAnotherReader() {
        long projectId = project(2, 0.0, 0);
        certify(projectId, CONTRIBUTOR1, CONTRIBUTOR2, CONTRIBUTOR3);
        long imageId = image(projectId);
        ProcessInstance instance = start(projectId, imageId);
        execute(job(instance));
        List<Task> tasks = annotateTasks(instance);
        List<String> readers = tasks.stream().map(Task::getAssignee).toList();
        assertThat(readers).doesNotHaveDuplicates().hasSize(2);

        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().get(0);
        Task timedOut = tasks.stream()
                .filter(t -> t.getExecutionId().equals(timer.getExecutionId()))
                .findFirst().orElseThrow();
        execute(timer);

        Task reassigned = taskService.createTaskQuery().taskId(timedOut.getId()).singleResult();
        assertThat(reassigned.getAssignee()).isNotIn(readers).isIn(CONTRIBUTOR1, CONTRIBUTOR2, CONTRIBUTOR3);
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE image_id = ? AND contributor = ? AND status = 'REASSIGNED'",
                imageId, timedOut.getAssignee())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE image_id = ? AND contributor = ? AND status = 'ASSIGNED'",
                imageId, reassigned.getAssignee())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE image_id = ? AND event_type = 'TASK_REASSIGNED'",
                imageId)).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnnotateImage");
    }

    private ProcessInstance start(long projectId, long imageId) {
        String id = labeling.start(projectId, imageId, LEAD);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AssignReaders");
        return instance;
    }

    private List<Task> annotateTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AnnotateImage").list();
    }

    /** Assigns readers, lets each reader submit a grade and runs the comparison job. */
    private void annotate(ProcessInstance instance, int firstGrade, int secondGrade) {
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnnotateImage");
        List<Task> tasks = annotateTasks(instance);
        assertThat(tasks).hasSize(2);
        int[] grades = {firstGrade, secondGrade};
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            Map<String, Object> values = Map.of("grade", grades[i], "quality", "good");
            as(task.getAssignee(), () -> inbox.complete(task.getId(), task.getAssignee(), values));
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CompareReaders");
        execute(job(instance));
    }

    private void review(long imageId, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().taskDefinitionKey("Task_ReviewAnnotation")
                .processInstanceBusinessKey(String.valueOf(imageId)).singleResult();
        as(EXPERT, () -> inbox.claim(task.getId(), EXPERT));
        as(EXPERT, () -> inbox.complete(task.getId(), EXPERT, values));
    }

    private void adjudicate(long imageId, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().taskDefinitionKey("Task_AdjudicateLabel")
                .processInstanceBusinessKey(String.valueOf(imageId)).singleResult();
        as(ADJUDICATOR, () -> inbox.complete(task.getId(), ADJUDICATOR, values));
    }

    private String samplingRule(ProcessInstance instance) {
        return jdbc.sql("SELECT rule_id FROM sampling_decision WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single();
    }

    private Map<String, Object> finalLabel(long imageId) {
        return row("SELECT * FROM final_label WHERE image_id = ?", imageId);
    }
}
