package org.truthline.training;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads gold-standard cases and stores qualification answers. */
@Repository
public class TrainingRepository {

    /** A gold-standard case: an image with the experts' reference grade and quality. */
    public record GoldCase(long id, long imageId, int grade, String quality) {
    }

    private final JdbcClient jdbc;

    public TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<GoldCase> goldCases(long projectId) {
        return jdbc.sql("SELECT id, image_id, grade, quality FROM gold_case WHERE project_id = ? ORDER BY id")
                .param(projectId)
                .query((rs, row) -> new GoldCase(rs.getLong("id"), rs.getLong("image_id"), rs.getInt("grade"),
                        rs.getString("quality")))
                .list();
    }

    public GoldCase goldCase(long id) {
        return jdbc.sql("SELECT id, image_id, grade, quality FROM gold_case WHERE id = ?").param(id)
                .query((rs, row) -> new GoldCase(rs.getLong("id"), rs.getLong("image_id"), rs.getInt("grade"),
                        rs.getString("quality")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Gold case " + id + " not found"));
    }

    /** Inserts a gold-standard case and returns its id. */
    public long insertGoldCase(long projectId, long imageId, int grade, String quality, String createdBy) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO gold_case (project_id, image_id, grade, quality, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(projectId, imageId, grade, quality, createdBy, now).update();
        return jdbc.sql("SELECT MAX(id) FROM gold_case WHERE project_id = ? AND image_id = ?")
                .params(projectId, imageId).query(Long.class).single();
    }

    public void insertAnswer(String processInstanceId, int attempt, String contributor, long goldCaseId, int grade,
            String quality, boolean correct) {
        jdbc.sql("""
                INSERT INTO training_answer (process_instance_id, attempt, contributor, gold_case_id, grade, quality,
                    correct, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, attempt, contributor, goldCaseId, grade, quality, correct,
                        OffsetDateTime.now())
                .update();
    }

    /** Returns {correct, total} for one attempt of a training instance. */
    public int[] answerCounts(String processInstanceId, int attempt) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN correct THEN 1 ELSE 0 END), 0) AS correct_answers, COUNT(*) AS answers
                FROM training_answer WHERE process_instance_id = ? AND attempt = ?""")
                .params(processInstanceId, attempt)
                .query((rs, row) -> new int[] {rs.getInt("correct_answers"), rs.getInt("answers")})
                .single();
    }
}
