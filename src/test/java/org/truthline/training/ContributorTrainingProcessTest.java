package org.truthline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.image.ImageAccessDeniedException;
import org.truthline.image.ImageService;
import org.truthline.process.ProcessTestSupport;
import org.truthline.process.ProcessVariables;
import org.truthline.task.TaskDetails;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskValidationException;

/** One test per path of contributor-training, driven through the task inbox. */
class ContributorTrainingProcessTest extends ProcessTestSupport {

    @Autowired
    TrainingService trainingService;
    @Autowired
    TaskInbox inbox;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ImageService images;

    @Test
    void allCasesCorrect_expertCertifies() {
        long projectId = projectWithGoldCases();
        ProcessInstance instance = enrol(projectId);

        studyAndAnswer(instance, 2, 3);
        TaskDetails details = openConfirmation(instance);
        assertThat(details.training().score()).isEqualTo(1.0);
        assertThat(details.training().total()).isEqualTo(2);
        decide(instance, Map.of("decision", "CERTIFY"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RecordCertification", "Event_ContributorCertified");
        assertThat(status(projectId)).isEqualTo("CERTIFIED");
    }

    @Test
    void goldImage_visibleOnlyWhileCaseOpen() {
        long projectId = projectWithGoldCases();
        List<Long> goldImages = jdbc.sql("SELECT image_id FROM gold_case WHERE project_id = ? ORDER BY id")
                .param(projectId).query(Long.class).list();
        ProcessInstance instance = enrol(projectId);

        assertThat(visibleTo(CONTRIBUTOR1, goldImages)).as("while studying the guidelines").isEmpty();
        Task study = single(instance, "Task_StudyGuidelines");
        as(CONTRIBUTOR1, () -> inbox.complete(study.getId(), CONTRIBUTOR1, Map.of("acknowledged", true)));

        for (int answered = 0; answered < goldImages.size(); answered++) {
            Task qualification = single(instance, "Task_AnnotateQualificationCase");
            long openImage = goldImageOf(qualification);
            assertThat(visibleTo(CONTRIBUTOR1, goldImages)).as("with the case of image %d open", openImage)
                    .containsExactly(openImage);
            assertThat(visibleTo(CONTRIBUTOR2, goldImages)).as("another contributor").isEmpty();
            as(CONTRIBUTOR1, () -> inbox.complete(qualification.getId(), CONTRIBUTOR1,
                    Map.of("grade", 2, "quality", "good")));
        }

        assertThat(visibleTo(CONTRIBUTOR1, goldImages)).as("after the last answer").isEmpty();
        execute(job(instance));
        decide(instance, Map.of("decision", "CERTIFY", "feedback", "One grade off; certified for this pilot"));
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(visibleTo(CONTRIBUTOR1, goldImages)).as("after certification").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM assignment WHERE contributor = ? AND status = 'TRAINING'",
                CONTRIBUTOR1)).as("training assignment rows").isZero();

        // A row that an earlier version wrote at enrolment grants nothing either.
        jdbc.sql("""
                INSERT INTO assignment (image_id, process_instance_id, contributor, status, created_at)
                VALUES (?, ?, ?, 'TRAINING', ?)""")
                .params(goldImages.get(0), instance.getId(), CONTRIBUTOR1, OffsetDateTime.now()).update();
        assertThat(visibleTo(CONTRIBUTOR1, goldImages)).as("with an earlier version's training row").isEmpty();
    }

    @Test
    void retrainOnce_thenCertified() {
        long projectId = projectWithGoldCases();
        ProcessInstance instance = enrol(projectId);

        studyAndAnswer(instance, 0, 0);
        decide(instance, Map.of("decision", "RETRAIN", "feedback", "Re-read the grading of mild findings"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_StudyGuidelines").hasPassed("Task_PrepareRetraining");
        assertThat(runtimeService.getVariable(instance.getId(), ProcessVariables.ATTEMPT)).isEqualTo(2);

        studyAndAnswer(instance, 2, 3);
        assertThat(openConfirmation(instance).training().score()).isEqualTo(1.0);
        decide(instance, Map.of("decision", "CERTIFY"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Event_ContributorCertified");
        assertThat(status(projectId)).isEqualTo("CERTIFIED");
    }

    @Test
    void retrainWithNoAttemptLeft_endsNotCertified() {
        long projectId = projectWithGoldCases();
        ProcessInstance instance = enrol(projectId);
        runtimeService.setVariable(instance.getId(), ProcessVariables.MAX_ATTEMPTS, 1);
        studyAndAnswer(instance, 0, 0);

        Task confirm = confirmTask(instance);
        assertThatThrownBy(() -> as(EXPERT, () -> inbox.complete(confirm.getId(), EXPERT,
                Map.of("decision", "RETRAIN", "feedback", "Try again"))))
                .isInstanceOf(TaskValidationException.class)
                .satisfies(e -> assertThat(((TaskValidationException) e).fieldErrors()).containsKey("decision"));

        // A lead may edit the form or process; the gateway still ends training when no attempt is left.
        taskService.complete(confirm.getId(), Map.of(ProcessVariables.CERTIFICATION_DECISION, "RETRAIN"));
        BpmnAwareTests.assertThat(instance).isEnded()
                .hasPassed("Task_RecordNotCertified", "Event_ContributorNotCertified")
                .hasNotPassed("Task_PrepareRetraining");
        assertThat(status(projectId)).isEqualTo("NOT_CERTIFIED");
    }

    @Test
    void expertDeclines_endsNotCertified() {
        long projectId = projectWithGoldCases();
        ProcessInstance instance = enrol(projectId);
        studyAndAnswer(instance, 1, 1);

        Task confirm = confirmTask(instance);
        assertThatThrownBy(() -> as(EXPERT, () -> inbox.complete(confirm.getId(), EXPERT,
                Map.of("decision", "NOT_CERTIFIED"))))
                .isInstanceOf(TaskValidationException.class);
        decide(instance, Map.of("decision", "NOT_CERTIFIED", "feedback", "Grades are far from the reference"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Event_ContributorNotCertified");
        assertThat(status(projectId)).isEqualTo("NOT_CERTIFIED");
        assertThat(row("SELECT feedback, decided_by FROM certification WHERE project_id = ?", projectId))
                .containsEntry("DECIDED_BY", EXPERT);
    }

    @Test
    void certifyDirectly_recordsCertificationAndAudit() {
        long projectId = project(2, 0.0, 0);
        trainingService.certifyDirectly(projectId, CONTRIBUTOR2, LEAD, "demo seed");

        assertThat(status(projectId, CONTRIBUTOR2)).isEqualTo("CERTIFIED");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE project_id = ? AND event_type = 'CERTIFICATION_DECIDED'",
                projectId)).isEqualTo(1);
    }

    private long projectWithGoldCases() {
        long projectId = project(2, 0.0, 0);
        goldCase(projectId, 2);
        goldCase(projectId, 3);
        return projectId;
    }

    private void goldCase(long projectId, int grade) {
        long imageId = image(projectId);
        jdbc.sql("INSERT INTO gold_case (project_id, image_id, grade, quality, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(projectId, imageId, grade, "good", EXPERT, OffsetDateTime.now()).update();
    }

    private ProcessInstance enrol(long projectId) {
        String id = trainingService.enrol(projectId, CONTRIBUTOR1, LEAD);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_StudyGuidelines").hasPassed("Task_SelectQualificationCases");
        return instance;
    }

    /** Acknowledges the guidelines, answers both gold cases in order and runs the scoring job. */
    private void studyAndAnswer(ProcessInstance instance, int firstGrade, int secondGrade) {
        Task study = single(instance, "Task_StudyGuidelines");
        TaskDetails details = as(CONTRIBUTOR1, () -> inbox.open(study.getId(), CONTRIBUTOR1));
        assertThat(details.guidelines()).contains("Grade the most severe finding");
        as(CONTRIBUTOR1, () -> inbox.complete(study.getId(), CONTRIBUTOR1, Map.of("acknowledged", true)));

        for (int grade : new int[] {firstGrade, secondGrade}) {
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AnnotateQualificationCase");
            Task qualification = single(instance, "Task_AnnotateQualificationCase");
            as(CONTRIBUTOR1, () -> inbox.complete(qualification.getId(), CONTRIBUTOR1,
                    Map.of("grade", grade, "quality", "good")));
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ScoreQualification");
        execute(job(instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ConfirmCertification");
    }

    /** Returns the images of {@code imageIds} that the contributor may view, checked as a request would be. */
    private List<Long> visibleTo(String contributor, List<Long> imageIds) {
        return imageIds.stream().filter(imageId -> as(contributor, () -> {
            try {
                images.checkCanView(imageId, contributor);
                return true;
            } catch (ImageAccessDeniedException e) {
                return false;
            }
        })).toList();
    }

    private long goldImageOf(Task qualification) {
        Object goldCaseId = taskService.getVariable(qualification.getId(), ProcessVariables.GOLD_CASE_ID);
        return jdbc.sql("SELECT image_id FROM gold_case WHERE id = ?").param(Long.parseLong(String.valueOf(goldCaseId)))
                .query(Long.class).single();
    }

    private TaskDetails openConfirmation(ProcessInstance instance) {
        return as(EXPERT, () -> inbox.open(confirmTask(instance).getId(), EXPERT));
    }

    private void decide(ProcessInstance instance, Map<String, Object> values) {
        Task task = confirmTask(instance);
        as(EXPERT, () -> inbox.complete(task.getId(), EXPERT, values));
    }

    private Task confirmTask(ProcessInstance instance) {
        return single(instance, "Task_ConfirmCertification");
    }

    private Task single(ProcessInstance instance, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }

    private String status(long projectId) {
        return status(projectId, CONTRIBUTOR1);
    }

    private String status(long projectId, String contributor) {
        return jdbc.sql("SELECT status FROM certification WHERE project_id = ? AND contributor = ?")
                .params(projectId, contributor).query(String.class).single();
    }
}
