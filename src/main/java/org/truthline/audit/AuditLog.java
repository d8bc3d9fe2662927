package org.truthline.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends domain events to {@code audit_event} as a SHA-256 chain: each row's hash covers the previous row's
 * hash and the row's canonical JSON (sorted keys, UTC timestamps in microseconds). The only writer of that table.
 */
@Service
public class AuditLog {

    static final String GENESIS_HASH = "0".repeat(64);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * Appends one event in the caller's transaction. The chain's head row ({@code audit_chain_head}) is locked
     * until that transaction ends, so an append from another transaction, in this JVM or another node on the same
     * database, waits for it and links to the event written here; a rolled-back append leaves the head as it was.
     */
    @Transactional
    public AuditRecord append(AuditEntry entry) {
        String details = toJson(entry.details() == null ? Map.of() : new TreeMap<>(entry.details()));
        String previous = jdbc.sql("SELECT hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query(String.class).single();
        // The time is taken under the lock, so events in chain order also have non-decreasing times.
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        String hash = sha256(previous + canonical(now, entry.actor(), entry.type().name(), entry.projectId(),
                entry.imageId(), entry.processInstanceId(), entry.processDefinitionKey(),
                entry.processDefinitionVersion(), details));
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, event_type, project_id, image_id, process_instance_id,
                    process_definition_key, process_definition_version, details, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(now, entry.actor(), entry.type().name(), entry.projectId(), entry.imageId(),
                        entry.processInstanceId(), entry.processDefinitionKey(), entry.processDefinitionVersion(),
                        details, previous, hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET hash = ? WHERE id = 1").param(hash).update();
        long id = jdbc.sql("SELECT id FROM audit_event WHERE hash = ?").param(hash).query(Long.class).single();
        return new AuditRecord(id, now, entry.actor(), entry.type().name(), entry.projectId(), entry.imageId(),
                entry.processInstanceId(), entry.processDefinitionKey(), entry.processDefinitionVersion(), details,
                previous, hash);
    }

    /** Returns every event about one image, oldest first. */
    public List<AuditRecord> eventsForImage(long imageId) {
        return jdbc.sql("SELECT * FROM audit_event WHERE image_id = ? ORDER BY id").param(imageId)
                .query(AuditLog::map).list();
    }

    /** Returns the most recent events, newest first. */
    public List<AuditRecord> recent(int limit) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?").param(limit).query(AuditLog::map).list();
    }

    /**
     * Recomputes the whole chain.
     *
     * @return the id of the first row whose hash or link does not match, or empty when the chain is intact
     */
    @Transactional(readOnly = true)
    public Optional<Long> verify() {
        String previous = GENESIS_HASH;
        for (AuditRecord row : jdbc.sql("SELECT * FROM audit_event ORDER BY id").query(AuditLog::map).list()) {
            String expected = sha256(previous + canonical(row.occurredAt(), row.actor(), row.type(), row.projectId(),
                    row.imageId(), row.processInstanceId(), row.processDefinitionKey(),
                    row.processDefinitionVersion(), row.details()));
            if (!row.previousHash().equals(previous) || !row.hash().equals(expected)) {
                return Optional.of(row.id());
            }
            previous = row.hash();
        }
        return Optional.empty();
    }

    private static String canonical(OffsetDateTime at, String actor, String type, Long projectId, Long imageId,
            String processInstanceId, String definitionKey, Integer definitionVersion, String details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("actor", actor);
        fields.put("details", details);
        fields.put("imageId", imageId);
        fields.put("occurredAt", at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString());
        fields.put("processDefinitionKey", definitionKey);
        fields.put("processDefinitionVersion", definitionVersion);
        fields.put("processInstanceId", processInstanceId);
        fields.put("projectId", projectId);
        fields.put("type", type);
        return toJson(fields);
    }

    private static String toJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details cannot be serialised as JSON: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("event_type"), (Long) rs.getObject("project_id", Long.class),
                rs.getObject("image_id", Long.class), rs.getString("process_instance_id"),
                rs.getString("process_definition_key"), rs.getObject("process_definition_version", Integer.class),
                rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
    }
}
