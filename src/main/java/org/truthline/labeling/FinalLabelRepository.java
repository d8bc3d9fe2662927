package org.truthline.labeling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores and lists {@code final_label} rows. */
@Repository
public class FinalLabelRepository {

    private final JdbcClient jdbc;

    public FinalLabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long projectId, long imageId, String processInstanceId, int grade, String quality,
            String source, String provenance) {
        jdbc.sql("""
                INSERT INTO final_label (project_id, image_id, process_instance_id, grade, quality, source, provenance,
                    finalized_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, imageId, processInstanceId, grade, quality, source, provenance, OffsetDateTime.now())
                .update();
        return jdbc.sql("SELECT id FROM final_label WHERE image_id = ?").param(imageId).query(Long.class).single();
    }

    public List<FinalLabel> list(Long projectId) {
        if (projectId == null) {
            return jdbc.sql("SELECT * FROM final_label ORDER BY id").query(FinalLabelRepository::map).list();
        }
        return jdbc.sql("SELECT * FROM final_label WHERE project_id = ? ORDER BY id").param(projectId)
                .query(FinalLabelRepository::map).list();
    }

    public Optional<FinalLabel> find(long id) {
        return jdbc.sql("SELECT * FROM final_label WHERE id = ?").param(id).query(FinalLabelRepository::map).optional();
    }

    public Optional<String> provenance(long id) {
        return jdbc.sql("SELECT provenance FROM final_label WHERE id = ?").param(id).query(String.class).optional();
    }

    private static FinalLabel map(ResultSet rs, int row) throws SQLException {
        return new FinalLabel(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("image_id"), rs.getInt("grade"),
                rs.getString("quality"), rs.getString("source"), rs.getObject("finalized_at", OffsetDateTime.class));
    }
}
