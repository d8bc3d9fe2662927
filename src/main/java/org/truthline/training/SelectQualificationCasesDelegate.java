package org.truthline.training;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_SelectQualificationCases} in contributor-training, in the enrolling caller's transaction.
 * Takes all gold-standard cases of the project. It writes no assignment row: the contributor may view a case's
 * image only while the qualification case task for it is open, which {@code ImageService} checks.
 *
 * <p>Reads {@code projectId}, {@code contributor}. Writes {@code qualificationCaseIds} (comma-separated).
 */
@Component("selectQualificationCases")
public class SelectQualificationCasesDelegate implements JavaDelegate {

    private final TrainingRepository training;
    private final ProcessAudit audit;

    public SelectQualificationCasesDelegate(TrainingRepository training, ProcessAudit audit) {
        this.training = training;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        String contributor = ProcessVariables.contributor(execution);
        List<TrainingRepository.GoldCase> cases = training.goldCases(projectId);
        if (cases.isEmpty()) {
            throw new IllegalStateException("Project " + projectId + " has no gold-standard cases; add gold cases "
                    + "before enrolling contributors");
        }
        execution.setVariable(ProcessVariables.QUALIFICATION_CASE_IDS,
                ProcessVariables.join(cases.stream().map(TrainingRepository.GoldCase::id).toList()));
        audit.append(execution, AuditEventType.TRAINING_STARTED, projectId, null,
                Map.of("contributor", contributor, "qualificationCases", cases.size()));
    }
}
