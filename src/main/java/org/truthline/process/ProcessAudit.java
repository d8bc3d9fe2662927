package org.truthline.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;

/** Appends audit events for steps the engine runs itself (service tasks, timers), with actor "system". */
@Component
public class ProcessAudit {

    public static final String SYSTEM_ACTOR = "system";

    private final AuditLog auditLog;
    private final ProcessDefinitions definitions;

    public ProcessAudit(AuditLog auditLog, ProcessDefinitions definitions) {
        this.auditLog = auditLog;
        this.definitions = definitions;
    }

    public void append(DelegateExecution execution, AuditEventType type, Long projectId, Long imageId,
            Map<String, ?> details) {
        ProcessDefinitionRef process = definitions.process(execution.getProcessDefinitionId());
        auditLog.append(AuditEntry.of(SYSTEM_ACTOR, type, projectId, imageId, details)
                .withProcess(execution.getProcessInstanceId(), process.key(), process.version()));
    }

    /** Returns the key and version of the execution's process definition. */
    public ProcessDefinitionRef processOf(DelegateExecution execution) {
        return definitions.process(execution.getProcessDefinitionId());
    }
}
