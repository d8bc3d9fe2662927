package org.truthline.labeling;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.EngineAuthentication;
import org.truthline.process.ProcessDefinitionRef;
import org.truthline.process.ProcessDefinitions;
import org.truthline.process.ProcessVariables;

/** Starts one image-labeling instance per image, with the image id as business key. */
@Service
public class LabelingService {

    private static final Logger log = LoggerFactory.getLogger(LabelingService.class);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ProcessDefinitions definitions;
    private final LabelingProperties properties;
    private final AuditLog auditLog;

    public LabelingService(RuntimeService runtimeService, HistoryService historyService,
            IdentityService identityService, ProcessDefinitions definitions, LabelingProperties properties,
            AuditLog auditLog) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.definitions = definitions;
        this.properties = properties;
        this.auditLog = auditLog;
    }

    /**
     * Starts labeling the image in a new transaction, unless an instance for it exists already (running or
     * completed). An instance that was deleted, for example when a lead reopened the image's burned-in annotation
     * decision, does not count. Reader assignment runs asynchronously in the job executor.
     *
     * @return the process instance id, or null when the image already has one
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String start(long projectId, long imageId, String startedBy) {
        String businessKey = String.valueOf(imageId);
        return EngineAuthentication.asSystem(identityService, () -> {
            long instances = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ProcessVariables.PROCESS_IMAGE_LABELING)
                    .processInstanceBusinessKey(businessKey).count();
            long deletedInstances = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ProcessVariables.PROCESS_IMAGE_LABELING)
                    .processInstanceBusinessKey(businessKey).externallyTerminated().count();
            long existing = instances - deletedInstances;
            if (existing > 0) {
                log.info("Image {} already has an image-labeling instance; not starting another", imageId);
                return null;
            }
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                    ProcessVariables.PROCESS_IMAGE_LABELING, businessKey, Map.of(
                            ProcessVariables.PROJECT_ID, projectId,
                            ProcessVariables.IMAGE_ID, imageId,
                            ProcessVariables.ANNOTATE_SLA, properties.annotateSla().toString(),
                            ProcessVariables.READER_RETRY_WAIT, properties.readerRetryWait().toString()));
            ProcessDefinitionRef process = definitions.process(instance.getProcessDefinitionId());
            auditLog.append(AuditEntry.of(startedBy, AuditEventType.LABELING_STARTED, projectId, imageId, Map.of())
                    .withProcess(instance.getId(), process.key(), process.version()));
            log.info("Labeling of image {} started as instance {}", imageId, instance.getId());
            return instance.getId();
        });
    }
}
