package org.truthline.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_RecordCertification} in contributor-training, in the expert's completing transaction: marks
 * the contributor CERTIFIED for the project, which makes them eligible as a reader.
 *
 * <p>Reads {@code projectId}, {@code contributor}. Writes no variable.
 */
@Component("recordCertification")
public class RecordCertificationDelegate implements JavaDelegate {

    private final CertificationRepository certifications;

    public RecordCertificationDelegate(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        certifications.setStatus(ProcessVariables.projectId(execution), ProcessVariables.contributor(execution),
                CertificationRepository.CERTIFIED);
    }
}
