package org.truthline.labeling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import org.truthline.adjudication.AdjudicationRepository;
import org.truthline.annotation.Annotation;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.audit.AuditEventType;
import org.truthline.process.ProcessAudit;
import org.truthline.process.ProcessDefinitionRef;
import org.truthline.process.ProcessVariables;
import org.truthline.quality.GradeAgreement;
import org.truthline.quality.QualityConsensus;
import org.truthline.review.Review;
import org.truthline.review.ReviewRepository;
import org.truthline.sampling.SamplingDecisionRepository;

/**
 * Serves {@code Task_FinalizeLabel} in image-labeling (asynchronous, so the called processes' history is
 * committed). The final label is the adjudication if there was one, else the expert's correction, else the
 * agreeing readers' grade with the most cautious quality rating. Writes {@code final_label} with provenance JSON
 * naming the process definitions (this one and each called one), the taxonomy and the sampling decision that
 * produced it, and records LABEL_FINALIZED.
 *
 * <p>Reads {@code projectId}, {@code imageId}. Writes no variable.
 */
@Component("finalizeLabel")
public class FinalizeLabelDelegate implements JavaDelegate {

    private final AnnotationRepository annotations;
    private final ReviewRepository reviews;
    private final AdjudicationRepository adjudications;
    private final SamplingDecisionRepository samplingDecisions;
    private final ProjectSettingsRepository projects;
    private final FinalLabelRepository labels;
    private final HistoryService historyService;
    private final ProcessAudit audit;
    private final ObjectMapper mapper;

    public FinalizeLabelDelegate(AnnotationRepository annotations, ReviewRepository reviews,
            AdjudicationRepository adjudications, SamplingDecisionRepository samplingDecisions,
            ProjectSettingsRepository projects, FinalLabelRepository labels, HistoryService historyService,
            ProcessAudit audit, ObjectMapper mapper) {
        this.annotations = annotations;
        this.reviews = reviews;
        this.adjudications = adjudications;
        this.samplingDecisions = samplingDecisions;
        this.projects = projects;
        this.labels = labels;
        this.historyService = historyService;
        this.audit = audit;
        this.mapper = mapper;
    }

    private record Outcome(int grade, String quality, String source) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        long projectId = ProcessVariables.projectId(execution);
        long imageId = ProcessVariables.imageId(execution);
        String instanceId = execution.getProcessInstanceId();
        ProjectSettings project = projects.require(projectId);

        Outcome outcome = decide(instanceId, imageId, project.taxonomy());
        String provenance = provenance(execution, project.taxonomy(), outcome);
        long labelId = labels.insert(projectId, imageId, instanceId, outcome.grade(), outcome.quality(),
                outcome.source(), provenance);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("labelId", labelId);
        details.put("grade", outcome.grade());
        details.put("quality", outcome.quality());
        details.put("source", outcome.source());
        audit.append(execution, AuditEventType.LABEL_FINALIZED, projectId, imageId, details);
    }

    private Outcome decide(String instanceId, long imageId, Taxonomy taxonomy) {
        Optional<AdjudicationRepository.Adjudication> adjudication = adjudications.latestFor(instanceId);
        if (adjudication.isPresent()) {
            return new Outcome(adjudication.get().grade(), adjudication.get().quality(), FinalLabel.ADJUDICATION);
        }
        Optional<Review> review = reviews.latestFor(instanceId);
        if (review.isPresent() && Review.CORRECT.equals(review.get().outcome())) {
            return new Outcome(review.get().grade(), review.get().quality(), FinalLabel.REVIEW);
        }
        List<Annotation> readers = annotations.latestPerReader(instanceId);
        Integer grade = GradeAgreement.consensus(readers.stream().map(Annotation::grade).toList())
                .orElseThrow(() -> new IllegalStateException("Image " + imageId + " (instance " + instanceId
                        + ") reached finalization with disagreeing readers and no adjudication"));
        String quality = QualityConsensus.mostCautious(readers.stream().map(Annotation::quality).toList(),
                taxonomy.qualities());
        return new Outcome(grade, quality, FinalLabel.CONSENSUS);
    }

    private String provenance(DelegateExecution execution, Taxonomy taxonomy, Outcome outcome) {
        List<Map<String, Object>> processes = new ArrayList<>();
        ProcessDefinitionRef own = audit.processOf(execution);
        processes.add(process(own.key(), own.version(), execution.getProcessInstanceId()));
        List<HistoricProcessInstance> called = historyService.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(execution.getProcessInstanceId())
                .orderByProcessInstanceStartTime().asc().list();
        for (HistoricProcessInstance child : called) {
            processes.add(process(child.getProcessDefinitionKey(), child.getProcessDefinitionVersion(), child.getId()));
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", outcome.source());
        provenance.put("processes", processes);
        Map<String, Object> taxonomyRef = new LinkedHashMap<>();
        taxonomyRef.put("key", taxonomy.key());
        taxonomyRef.put("version", taxonomy.version());
        provenance.put("taxonomy", taxonomyRef);
        samplingDecisions.latestFor(execution.getProcessInstanceId()).ifPresent(d -> {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("key", d.decisionKey());
            decision.put("version", d.decisionVersion());
            decision.put("rule", d.rule());
            provenance.put("samplingDecision", decision);
        });
        try {
            return mapper.writeValueAsString(provenance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Provenance cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> process(String key, Integer version, String instanceId) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("key", key);
        process.put("version", version);
        process.put("instanceId", instanceId);
        return process;
    }
}
