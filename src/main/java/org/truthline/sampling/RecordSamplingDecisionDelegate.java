package org.truthline.sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessDefinitionRef;
import org.truthline.process.ProcessDefinitions;
import org.truthline.process.ProcessVariables;

/**
 * Serves {@code Task_RecordSamplingDecision} in image-labeling (asynchronous, so the decision's history row is
 * committed before it is read): stores the sampling decision with the key and version of the decision table that
 * made it and records SAMPLING_DECIDED.
 *
 * <p>Reads {@code projectId}, {@code imageId}, {@code readersAgree}, {@code reviewNeeded}, {@code samplingRule}.
 * Writes no variable. Needs history level full or audit, which keeps evaluated decisions.
 */
@Component("recordSamplingDecision")
public class RecordSamplingDecisionDelegate implements JavaDelegate {

    static final String DECISION_ACTIVITY = "Task_DecideSampling";

    private final HistoryService historyService;
    private final ProcessDefinitions definitions;
    private final SamplingDecisionRepository decisions;
    private final ProcessAudit audit;

    public RecordSamplingDecisionDelegate(HistoryService historyService, ProcessDefinitions definitions,
            SamplingDecisionRepository decisions, ProcessAudit audit) {
        this.historyService = historyService;
        this.definitions = definitions;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        long imageId = ProcessVariables.imageId(execution);
        HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityIdIn(DECISION_ACTIVITY)
                .orderByEvaluationTime().desc()
                .list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No evaluation of " + DECISION_ACTIVITY
                        + " in history for instance " + execution.getProcessInstanceId()
                        + "; set camunda.bpm.history-level to full or audit"));
        ProcessDefinitionRef decision = definitions.decision(evaluation.getDecisionDefinitionId());
        var record = new SamplingDecisionRepository.SamplingDecision(ProcessVariables.readersAgree(execution),
                ProcessVariables.reviewNeeded(execution), ProcessVariables.samplingRule(execution), decision.key(),
                decision.version());
        decisions.insert(imageId, execution.getProcessInstanceId(), record);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reviewNeeded", record.reviewNeeded());
        details.put("rule", record.rule());
        details.put("decisionKey", decision.key());
        details.put("decisionVersion", decision.version());
        audit.append(execution, AuditEventType.SAMPLING_DECIDED, projectId, imageId, details);
    }
}
