package org.truthline.labeling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.truthline.annotation.AnnotationRepository;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.audit.AuditRecord;

/**
 * Builds a final label's history from the audit trail of its image: import, de-identification, reader
 * assignment, each annotation, comparison, sampling decision, review, adjudication and finalization, oldest first.
 * Image views are left out because they change no label.
 */
@Service
public class LabelHistory {

    private static final Logger log = LoggerFactory.getLogger(LabelHistory.class);

    private static final Set<String> EXCLUDED = Set.of(AuditEventType.IMAGE_VIEWED.name());

    /** Key of the detail that contains the text a user entered in the form's comment field, by event type. */
    private static final Map<String, String> COMMENT_DETAILS = Map.of(
            AuditEventType.ANNOTATION_SUBMITTED.name(), "comment",
            AuditEventType.REVIEW_SUBMITTED.name(), "reason",
            AuditEventType.ADJUDICATION_SUBMITTED.name(), "rationale");

    /**
     * One step of a label's history.
     *
     * @param details the event's details as canonical JSON
     * @param comment the text the user entered with an annotation (comment), a review (reason) or an
     *     adjudication (rationale); null when there is none
     */
    public record Event(long auditId, OffsetDateTime occurredAt, String type, String actor, String details,
            String comment, String processInstanceId, String processDefinitionKey, Integer processDefinitionVersion) {
    }

    private final AuditLog auditLog;
    private final AnnotationRepository annotations;
    private final ObjectMapper mapper;

    public LabelHistory(AuditLog auditLog, AnnotationRepository annotations, ObjectMapper mapper) {
        this.auditLog = auditLog;
        this.annotations = annotations;
        this.mapper = mapper;
    }

    public List<Event> forImage(long imageId) {
        return auditLog.eventsForImage(imageId).stream()
                .filter(e -> !EXCLUDED.contains(e.type()))
                .map(e -> new Event(e.id(), e.occurredAt(), e.type(), e.actor(), e.details(), comment(e),
                        e.processInstanceId(), e.processDefinitionKey(), e.processDefinitionVersion()))
                .toList();
    }

    /**
     * Returns the comment recorded in the event's details. Annotations recorded before the audit trail kept their
     * comment have it only in the annotation table, so for those it is read from there by task id.
     */
    private String comment(AuditRecord event) {
        String key = COMMENT_DETAILS.get(event.type());
        if (key == null || event.details() == null) {
            return null;
        }
        JsonNode details;
        try {
            details = mapper.readTree(event.details());
        } catch (JsonProcessingException e) {
            log.warn("Audit event {} has details that are not JSON; its history shows no comment: {}", event.id(),
                    e.getOriginalMessage());
            return null;
        }
        if (details.hasNonNull(key)) {
            return details.get(key).asText();
        }
        boolean annotation = event.type().equals(AuditEventType.ANNOTATION_SUBMITTED.name());
        if (annotation && details.hasNonNull("taskId")) {
            return annotations.commentOfTask(details.get("taskId").asText()).orElse(null);
        }
        return null;
    }
}
