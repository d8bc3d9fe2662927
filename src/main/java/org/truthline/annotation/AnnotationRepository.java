package org.truthline.annotation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends and reads {@code annotation} rows; a correction is a new row with a higher version. */
@Repository
public class AnnotationRepository {

    private final JdbcClient jdbc;

    public AnnotationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long imageId, String processInstanceId, String taskId, String contributor, int grade,
            String quality, String comment) {
        int version = jdbc.sql("""
                SELECT COALESCE(MAX(version), 0) + 1 FROM annotation
                WHERE process_instance_id = ? AND contributor = ?""")
                .params(processInstanceId, contributor).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO annotation (image_id, process_instance_id, task_id, contributor, grade, quality, comment,
                    version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(imageId, processInstanceId, taskId, contributor, grade, quality, comment, version,
                        OffsetDateTime.now())
                .update();
    }

    /** Returns the comment entered with the annotation that completed {@code taskId}, or empty when it has none. */
    public Optional<String> commentOfTask(String taskId) {
        return jdbc.sql("SELECT comment FROM annotation WHERE task_id = ? AND comment IS NOT NULL ORDER BY id DESC")
                .param(taskId).query(String.class).list().stream().findFirst();
    }

    /** Returns the latest version of each reader's annotation in a labeling instance, in submission order. */
    public List<Annotation> latestPerReader(String processInstanceId) {
        return jdbc.sql("""
                SELECT * FROM annotation a
                WHERE a.process_instance_id = ?
                  AND a.version = (SELECT MAX(b.version) FROM annotation b
                                   WHERE b.process_instance_id = a.process_instance_id AND b.contributor = a.contributor)
                ORDER BY a.id""")
                .param(processInstanceId)
                .query((rs, row) -> new Annotation(rs.getLong("id"), rs.getLong("image_id"),
                        rs.getString("process_instance_id"), rs.getString("task_id"), rs.getString("contributor"),
                        rs.getInt("grade"), rs.getString("quality"), rs.getString("comment"), rs.getInt("version"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
