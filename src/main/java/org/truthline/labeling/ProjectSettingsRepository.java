package org.truthline.labeling;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a project's labeling settings and taxonomy. */
@Repository
public class ProjectSettingsRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public ProjectSettingsRepository(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** @throws IllegalStateException when no project has that id */
    public ProjectSettings require(long projectId) {
        return jdbc.sql("""
                SELECT p.id, p.readers_per_image, p.review_rate, p.min_reviewed_items, t.definition
                FROM project p JOIN taxonomy t ON t.id = p.taxonomy_id WHERE p.id = ?""")
                .param(projectId)
                .query((rs, row) -> new ProjectSettings(rs.getLong("id"), rs.getInt("readers_per_image"),
                        rs.getDouble("review_rate"), rs.getInt("min_reviewed_items"),
                        Taxonomy.parse(rs.getString("definition"), mapper)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Project " + projectId + " not found"));
    }
}
