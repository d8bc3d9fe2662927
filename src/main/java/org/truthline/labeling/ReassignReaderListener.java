package org.truthline.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.truthline.annotation.AssignmentRepository;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessVariables;

/**
 * Timeout listener of {@code Task_AnnotateImage}: when the annotate SLA elapses, hands the task to another
 * certified contributor who is not already reading this image, marks the old assignment REASSIGNED and writes
 * an ASSIGNED row for the new reader. Runs in the timer job's transaction.
 *
 * <p>Reads {@code projectId}, {@code imageId}, {@code readers}. Writes {@code readers} and the local
 * {@code reader} of the multi-instance execution. When nobody else is available the task stays with its reader.
 */
@Component("reassignReader")
public class ReassignReaderListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(ReassignReaderListener.class);

    private final ReaderSelector selector;
    private final AssignmentRepository assignments;
    private final ProcessAudit audit;

    public ReassignReaderListener(ReaderSelector selector, AssignmentRepository assignments, ProcessAudit audit) {
        this.selector = selector;
        this.assignments = assignments;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        var execution = task.getExecution();
        long projectId = ProcessVariables.projectId(execution);
        long imageId = ProcessVariables.imageId(execution);
        String previous = task.getAssignee();
        String processInstanceId = task.getProcessInstanceId();

        List<String> replacement = selector.pick(projectId, 1, assignments.contributorsOf(processInstanceId));
        if (replacement.isEmpty()) {
            log.warn("Annotate SLA elapsed for image {} (instance {}, task {}), but no other certified reader is "
                    + "available; the task stays with its reader", imageId, processInstanceId, task.getId());
            return;
        }
        String next = replacement.get(0);
        assignments.updateStatus(processInstanceId, previous, AssignmentRepository.REASSIGNED);
        assignments.insert(imageId, processInstanceId, next, AssignmentRepository.ASSIGNED);
        task.setAssignee(next);
        execution.setVariableLocal(ProcessVariables.READER, next);
        List<String> readers = new ArrayList<>(ProcessVariables.readers(execution));
        readers.replaceAll(r -> r.equals(previous) ? next : r);
        execution.setVariable(ProcessVariables.READERS, ProcessVariables.join(readers));
        audit.append(execution, AuditEventType.TASK_REASSIGNED, projectId, imageId,
                Map.of("taskId", task.getId(), "from", previous == null ? "" : previous, "to", next,
                        "reason", "annotate SLA elapsed"));
        log.info("Annotate task {} of image {} reassigned after the SLA", task.getId(), imageId);
    }
}
