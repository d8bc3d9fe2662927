package org.truthline.labeling;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.truthline.annotation.AssignmentRepository;
import org.truthline.intake.BurnedInReviewConflictException;
import org.truthline.intake.LabelingWithdrawal;
import org.truthline.process.EngineAuthentication;
import org.truthline.process.ProcessVariables;

/**
 * Withdraws an image's labeling for a reopened burned-in annotation decision. Work has begun, and the image can
 * no longer be withdrawn, once any of these holds:
 *
 * <ul>
 *   <li>an assignment of the image was opened: its image was served to the contributor ({@code opened_at});
 *   <li>an assignment is DONE (annotation submitted) or TRAINING (qualification case);
 *   <li>a {@code Task_AnnotateImage} of the running instance was completed;
 *   <li>the image is a gold-standard case, which contributors in training are shown.
 * </ul>
 *
 * Otherwise the running image-labeling instance is deleted (history keeps it as externally terminated, so
 * {@link LabelingService#start} can start a new one later) and the image's assignments, all ASSIGNED or
 * REASSIGNED and unopened, are deleted, which closes the image to those contributors.
 */
@Service
class LabelingWithdrawalService implements LabelingWithdrawal {

    private static final Logger log = LoggerFactory.getLogger(LabelingWithdrawalService.class);
    private static final String ANNOTATE_TASK = "Task_AnnotateImage";

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;

    LabelingWithdrawalService(JdbcClient jdbc, RuntimeService runtimeService, HistoryService historyService,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
    }

    @Override
    public Withdrawn withdraw(long imageId, String reason) {
        List<String> startedWork = startedWork(imageId);
        if (!startedWork.isEmpty()) {
            throw new BurnedInReviewConflictException("Image " + imageId + " cannot be reopened because work on it "
                    + "has begun: " + String.join("; ", startedWork) + ". Contributors may have seen its pixels, "
                    + "so a reopened review would not take them back.");
        }
        List<String> contributors = jdbc.sql("SELECT DISTINCT contributor FROM assignment WHERE image_id = ?")
                .param(imageId).query(String.class).list();
        List<String> deleted = EngineAuthentication.asSystem(identityService, () -> deleteInstances(imageId, reason));
        // Every remaining row is ASSIGNED or REASSIGNED and unopened, and any row would open the image again.
        jdbc.sql("DELETE FROM assignment WHERE image_id = ?").param(imageId).update();
        log.info("Labeling of image {} withdrawn: instances {} deleted, assignments of {} removed", imageId, deleted,
                contributors);
        return new Withdrawn(deleted, contributors);
    }

    /** Describes each sign that work on the image has begun, or returns an empty list. */
    private List<String> startedWork(long imageId) {
        List<String> found = new ArrayList<>();
        jdbc.sql("SELECT contributor, status, opened_at FROM assignment WHERE image_id = ? ORDER BY id")
                .param(imageId).query((rs, n) -> {
                    String contributor = rs.getString("contributor");
                    String status = rs.getString("status");
                    OffsetDateTime opened = rs.getObject("opened_at", OffsetDateTime.class);
                    if (AssignmentRepository.DONE.equals(status)) {
                        found.add(contributor + " submitted an annotation");
                    } else if (AssignmentRepository.TRAINING.equals(status)) {
                        found.add(contributor + " has it as a qualification case");
                    } else if (opened != null) {
                        found.add(contributor + " opened it at " + opened);
                    }
                    return null;
                }).list();
        List<Long> goldCases = jdbc.sql("SELECT id FROM gold_case WHERE image_id = ? ORDER BY id").param(imageId)
                .query(Long.class).list();
        if (!goldCases.isEmpty()) {
            found.add("it is gold-standard case " + goldCases + " for contributor training");
        }
        long completedAnnotations = EngineAuthentication.asSystem(identityService, () -> historyService
                .createHistoricTaskInstanceQuery().processDefinitionKey(ProcessVariables.PROCESS_IMAGE_LABELING)
                .processInstanceBusinessKey(String.valueOf(imageId)).processUnfinished()
                .taskDefinitionKey(ANNOTATE_TASK).taskDeleteReason("completed").count());
        // A completed annotate task normally left a DONE assignment, found above. This catches one without.
        if (completedAnnotations > 0 && found.isEmpty()) {
            found.add(completedAnnotations + " annotate task(s) were completed");
        }
        return found;
    }

    private List<String> deleteInstances(long imageId, String reason) {
        List<String> deleted = new ArrayList<>();
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_IMAGE_LABELING)
                .processInstanceBusinessKey(String.valueOf(imageId)).list();
        for (ProcessInstance instance : running) {
            try {
                // Custom listeners are skipped: the SLA listener of the annotate tasks has nothing left to do.
                runtimeService.deleteProcessInstance(instance.getId(), reason, true, true);
            } catch (OptimisticLockingException e) {
                throw new BurnedInReviewConflictException("The labeling of image " + imageId + " moved on while it "
                        + "was being withdrawn; try reopening again.");
            }
            deleted.add(instance.getId());
        }
        return deleted;
    }
}
