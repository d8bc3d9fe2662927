package org.truthline.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_PrepareRetraining} in contributor-training, in the expert's completing transaction: starts
 * the next attempt, which studies the guidelines and annotates the same qualification cases again.
 *
 * <p>Reads {@code projectId}, {@code contributor}, {@code attempt}. Writes {@code attempt} (plus one).
 */
@Component("prepareRetraining")
public class PrepareRetrainingDelegate implements JavaDelegate {

    private final CertificationRepository certifications;

    public PrepareRetrainingDelegate(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int next = ProcessVariables.attempt(execution) + 1;
        execution.setVariable(ProcessVariables.ATTEMPT, next);
        certifications.save(ProcessVariables.projectId(execution), ProcessVariables.contributor(execution),
                CertificationRepository.IN_TRAINING, next, execution.getProcessInstanceId());
    }
}
