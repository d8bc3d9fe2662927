package org.truthline.training;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One {@code certification} row per project and contributor, updated as training progresses. */
@Repository
public class CertificationRepository {

    public static final String IN_TRAINING = "IN_TRAINING";
    public static final String CERTIFIED = "CERTIFIED";
    public static final String NOT_CERTIFIED = "NOT_CERTIFIED";

    /** A contributor's certification state in a project. */
    public record Certification(String status, int attempts, Double score, String decidedBy, String feedback) {
    }

    private final JdbcClient jdbc;

    public CertificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets status and attempts, creating the row when the contributor has none in the project. */
    public void save(long projectId, String contributor, String status, int attempts, String processInstanceId) {
        int updated = jdbc.sql("""
                UPDATE certification SET status = ?, attempts = ?, process_instance_id = ?, updated_at = ?
                WHERE project_id = ? AND contributor = ?""")
                .params(status, attempts, processInstanceId, OffsetDateTime.now(), projectId, contributor).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO certification (project_id, contributor, status, attempts, process_instance_id, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(projectId, contributor, status, attempts, processInstanceId, OffsetDateTime.now()).update();
        }
    }

    public void recordScore(long projectId, String contributor, double score) {
        jdbc.sql("UPDATE certification SET score = ?, updated_at = ? WHERE project_id = ? AND contributor = ?")
                .params(score, OffsetDateTime.now(), projectId, contributor).update();
    }

    /** Stores who decided on certification and the feedback given; the process then sets the status. */
    public void recordFeedback(long projectId, String contributor, String decidedBy, String feedback) {
        jdbc.sql("""
                UPDATE certification SET decided_by = ?, feedback = ?, updated_at = ?
                WHERE project_id = ? AND contributor = ?""")
                .params(decidedBy, feedback, OffsetDateTime.now(), projectId, contributor).update();
    }

    public void setStatus(long projectId, String contributor, String status) {
        jdbc.sql("UPDATE certification SET status = ?, updated_at = ? WHERE project_id = ? AND contributor = ?")
                .params(status, OffsetDateTime.now(), projectId, contributor).update();
    }

    public Optional<Certification> find(long projectId, String contributor) {
        return jdbc.sql("SELECT * FROM certification WHERE project_id = ? AND contributor = ?")
                .params(projectId, contributor)
                .query((rs, row) -> new Certification(rs.getString("status"), rs.getInt("attempts"),
                        rs.getObject("score", Double.class), rs.getString("decided_by"), rs.getString("feedback")))
                .optional();
    }
}
