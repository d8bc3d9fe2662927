package org.truthline.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessVariables;
import org.truthline.quality.QualificationScore;

/**
 * Serves {@code Task_ScoreQualification} in contributor-training (asynchronous, in a job executor transaction):
 * scores the current attempt's answers against the gold standard and stores the score on the certification row.
 *
 * <p>Reads {@code projectId}, {@code contributor}, {@code attempt}, {@code passScore}. Writes {@code score} and
 * {@code passed}.
 */
@Component("scoreQualification")
public class ScoreQualificationDelegate implements JavaDelegate {

    private final TrainingRepository training;
    private final CertificationRepository certifications;
    private final ProcessAudit audit;

    public ScoreQualificationDelegate(TrainingRepository training, CertificationRepository certifications,
            ProcessAudit audit) {
        this.training = training;
        this.certifications = certifications;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        String contributor = ProcessVariables.contributor(execution);
        int attempt = ProcessVariables.attempt(execution);
        int[] counts = training.answerCounts(execution.getProcessInstanceId(), attempt);
        QualificationScore result = QualificationScore.of(counts[0], counts[1], ProcessVariables.passScore(execution));

        certifications.recordScore(projectId, contributor, result.score());
        execution.setVariable(ProcessVariables.SCORE, result.score());
        execution.setVariable(ProcessVariables.PASSED, result.passed());

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contributor", contributor);
        details.put("attempt", attempt);
        details.put("correct", result.correct());
        details.put("total", result.total());
        details.put("score", result.score());
        details.put("passed", result.passed());
        audit.append(execution, AuditEventType.TRAINING_SCORED, projectId, null, details);
    }
}
