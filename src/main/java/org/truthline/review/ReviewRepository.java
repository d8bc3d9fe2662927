package org.truthline.review;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores expert reviews, keyed by the image-labeling instance they belong to. */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    public ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long imageId, String labelingInstanceId, String taskId, String expert, String outcome,
            Integer grade, String quality, String reason) {
        jdbc.sql("""
                INSERT INTO review (image_id, process_instance_id, task_id, expert, outcome, grade, quality, reason,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(imageId, labelingInstanceId, taskId, expert, outcome, grade, quality, reason,
                        OffsetDateTime.now())
                .update();
    }

    /** Returns the latest review of a labeling instance. */
    public Optional<Review> latestFor(String labelingInstanceId) {
        return jdbc.sql("SELECT * FROM review WHERE process_instance_id = ? ORDER BY id DESC LIMIT 1")
                .param(labelingInstanceId)
                .query((rs, row) -> new Review(rs.getLong("id"), rs.getLong("image_id"),
                        rs.getString("process_instance_id"), rs.getString("expert"), rs.getString("outcome"),
                        rs.getObject("grade", Integer.class), rs.getString("quality"), rs.getString("reason")))
                .optional();
    }

    /** Counts the project's images that an expert reviewed and the contributor annotated. */
    public int reviewedItems(long projectId, String contributor) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT r.image_id)
                FROM review r
                JOIN image i ON i.id = r.image_id
                WHERE i.project_id = ?
                  AND EXISTS (SELECT 1 FROM annotation a WHERE a.image_id = r.image_id AND a.contributor = ?)""")
                .params(projectId, contributor).query(Integer.class).single();
    }
}
