package org.truthline.labeling;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.truthline.annotation.AssignmentRepository;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_AssignReaders} in image-labeling (asynchronous, so it runs in a job executor transaction).
 * Picks the project's readers per image among certified contributors and writes an ASSIGNED assignment row for
 * each, which also opens the image to them.
 *
 * <p>Reads {@code projectId}, {@code imageId}. Writes {@code readers} (comma-separated user ids). Throws the BPMN
 * error {@value #ERROR_NOT_ENOUGH_READERS} when fewer contributors are certified than the project needs; the
 * process then waits and retries.
 */
@Component("assignReaders")
public class AssignReadersDelegate implements JavaDelegate {

    public static final String ERROR_NOT_ENOUGH_READERS = "Error_NotEnoughReaders";

    private static final Logger log = LoggerFactory.getLogger(AssignReadersDelegate.class);

    private final ProjectSettingsRepository projects;
    private final ReaderSelector selector;
    private final AssignmentRepository assignments;
    private final ProcessAudit audit;

    public AssignReadersDelegate(ProjectSettingsRepository projects, ReaderSelector selector,
            AssignmentRepository assignments, ProcessAudit audit) {
        this.projects = projects;
        this.selector = selector;
        this.assignments = assignments;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        long imageId = ProcessVariables.imageId(execution);
        int needed = projects.require(projectId).readersPerImage();
        List<String> readers = selector.pick(projectId, needed, List.of());
        if (readers.size() < needed) {
            log.warn("Image {} in project {} (instance {}): {} certified readers available, {} needed; waiting",
                    imageId, projectId, execution.getProcessInstanceId(), readers.size(), needed);
            throw new BpmnError(ERROR_NOT_ENOUGH_READERS, "Project " + projectId + " has " + readers.size()
                    + " certified contributors available; " + needed + " readers are needed per image.");
        }
        for (String reader : readers) {
            assignments.insert(imageId, execution.getProcessInstanceId(), reader, AssignmentRepository.ASSIGNED);
        }
        execution.setVariable(ProcessVariables.READERS, ProcessVariables.join(readers));
        audit.append(execution, AuditEventType.READERS_ASSIGNED, projectId, imageId,
                Map.of("readers", readers, "readersPerImage", needed));
    }
}
