package org.truthline.adjudication;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores adjudications, keyed by the image-labeling instance they belong to. */
@Repository
public class AdjudicationRepository {

    /** A stored adjudication. */
    public record Adjudication(long id, String adjudicator, int grade, String quality, String rationale) {
    }

    private final JdbcClient jdbc;

    public AdjudicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long imageId, String labelingInstanceId, String taskId, String adjudicator, int grade,
            String quality, String rationale) {
        jdbc.sql("""
                INSERT INTO adjudication (image_id, process_instance_id, task_id, adjudicator, grade, quality,
                    rationale, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(imageId, labelingInstanceId, taskId, adjudicator, grade, quality, rationale,
                        OffsetDateTime.now())
                .update();
    }

    public Optional<Adjudication> latestFor(String labelingInstanceId) {
        return jdbc.sql("SELECT * FROM adjudication WHERE process_instance_id = ? ORDER BY id DESC LIMIT 1")
                .param(labelingInstanceId)
                .query((rs, row) -> new Adjudication(rs.getLong("id"), rs.getString("adjudicator"),
                        rs.getInt("grade"), rs.getString("quality"), rs.getString("rationale")))
                .optional();
    }
}
