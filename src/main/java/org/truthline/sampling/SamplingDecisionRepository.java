package org.truthline.sampling;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the review-sampling decision of each labeling instance with the decision table's key and version. */
@Repository
public class SamplingDecisionRepository {

    /** A stored sampling decision; {@code rule} is the readable rule name from the decision table. */
    public record SamplingDecision(boolean readersAgree, boolean reviewNeeded, String rule, String decisionKey,
            int decisionVersion) {
    }

    private final JdbcClient jdbc;

    public SamplingDecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long imageId, String processInstanceId, SamplingDecision decision) {
        jdbc.sql("""
                INSERT INTO sampling_decision (image_id, process_instance_id, readers_agree, review_needed, rule_id,
                    decision_key, decision_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(imageId, processInstanceId, decision.readersAgree(), decision.reviewNeeded(), decision.rule(),
                        decision.decisionKey(), decision.decisionVersion(), OffsetDateTime.now())
                .update();
    }

    public Optional<SamplingDecision> latestFor(String processInstanceId) {
        return jdbc.sql("SELECT * FROM sampling_decision WHERE process_instance_id = ? ORDER BY id DESC LIMIT 1")
                .param(processInstanceId)
                .query((rs, row) -> new SamplingDecision(rs.getBoolean("readers_agree"), rs.getBoolean("review_needed"),
                        rs.getString("rule_id"), rs.getString("decision_key"), rs.getInt("decision_version")))
                .optional();
    }
}
