package org.truthline.audit;

import java.util.Map;

/**
 * One event to append. {@code processDefinitionKey} and {@code processDefinitionVersion} name the process
 * definition whose step produced the event; {@code details} is a small map serialised as canonical JSON.
 */
public record AuditEntry(
        String actor,
        AuditEventType type,
        Long projectId,
        Long imageId,
        String processInstanceId,
        String processDefinitionKey,
        Integer processDefinitionVersion,
        Map<String, ?> details) {

    public static AuditEntry of(String actor, AuditEventType type, Long projectId, Long imageId, Map<String, ?> details) {
        return new AuditEntry(actor, type, projectId, imageId, null, null, null, details);
    }

    public AuditEntry withProcess(String instanceId, String definitionKey, Integer definitionVersion) {
        return new AuditEntry(actor, type, projectId, imageId, instanceId, definitionKey, definitionVersion, details);
    }
}
