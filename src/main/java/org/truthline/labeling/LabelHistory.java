package org.truthline.labeling;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;

/**
 * Builds a final label's history from the audit trail of its image: import, de-identification, reader
 * assignment, each annotation, comparison, sampling decision, review, adjudication and finalization, oldest first.
 * Image views are left out because they change no label.
 */
@Service
public class LabelHistory {

    private static final Set<String> EXCLUDED = Set.of(AuditEventType.IMAGE_VIEWED.name());

    /**
     * One step of a label's history.
     *
     * @param details the event's details as canonical JSON
     */
    public record Event(long auditId, OffsetDateTime occurredAt, String type, String actor, String details,
            String processInstanceId, String processDefinitionKey, Integer processDefinitionVersion) {
    }

    private final AuditLog auditLog;

    public LabelHistory(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    public List<Event> forImage(long imageId) {
        return auditLog.eventsForImage(imageId).stream()
                .filter(e -> !EXCLUDED.contains(e.type()))
                .map(e -> new Event(e.id(), e.occurredAt(), e.type(), e.actor(), e.details(), e.processInstanceId(),
                        e.processDefinitionKey(), e.processDefinitionVersion()))
                .toList();
    }
}
