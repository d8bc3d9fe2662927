package org.truthline.audit;

import java.time.OffsetDateTime;

/** A stored audit event with its place in the hash chain. */
public record AuditRecord(
        long id,
        OffsetDateTime occurredAt,
        String actor,
        String type,
        Long projectId,
        Long imageId,
        String processInstanceId,
        String processDefinitionKey,
        Integer processDefinitionVersion,
        String details,
        String previousHash,
        String hash) {
}
