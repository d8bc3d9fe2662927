package org.truthline.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_RecordNotCertified} in contributor-training, in the expert's completing transaction: marks
 * the contributor NOT_CERTIFIED for the project, after an expert declined or the last retraining attempt was used.
 *
 * <p>Reads {@code projectId}, {@code contributor}. Writes no variable.
 */
@Component("recordNotCertified")
public class RecordNotCertifiedDelegate implements JavaDelegate {

    private final CertificationRepository certifications;

    public RecordNotCertifiedDelegate(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        certifications.setStatus(ProcessVariables.projectId(execution), ProcessVariables.contributor(execution),
                CertificationRepository.NOT_CERTIFIED);
    }
}
