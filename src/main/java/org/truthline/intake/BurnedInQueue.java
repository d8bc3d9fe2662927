package org.truthline.intake;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists a project's images for the burned-in annotation review: held images, their series, past decisions. */
@Repository
class BurnedInQueue {

    private final JdbcClient jdbc;

    BurnedInQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the project's held images in import order. */
    List<HeldImage> pending(long projectId) {
        return jdbc.sql("""
                SELECT id, project_id, source_name, modality, rows_count, columns_count, frame_count, burned_in_reason,
                       created_at, study_instance_uid, series_instance_uid
                FROM image WHERE project_id = ? AND burned_in_status = 'PENDING' ORDER BY id""").param(projectId)
                .query((rs, n) -> new HeldImage(rs.getLong("id"), rs.getLong("project_id"), rs.getString("source_name"),
                        rs.getString("modality"), rs.getInt("rows_count"), rs.getInt("columns_count"),
                        rs.getInt("frame_count"), rs.getString("burned_in_reason"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("study_instance_uid"),
                        rs.getString("series_instance_uid")))
                .list();
    }

    /** Returns the series of the project that have held images, with how many, ordered by study and series. */
    List<HeldSeries> heldSeries(long projectId) {
        return jdbc.sql("""
                SELECT study_instance_uid, series_instance_uid, MIN(modality) AS modality,
                       MIN(series_number) AS series_number, MIN(series_description) AS series_description,
                       COUNT(*) AS held_images
                FROM image WHERE project_id = ? AND burned_in_status = 'PENDING'
                GROUP BY study_instance_uid, series_instance_uid
                ORDER BY study_instance_uid, series_instance_uid""").param(projectId)
                .query((rs, n) -> new HeldSeries(rs.getString("study_instance_uid"),
                        rs.getString("series_instance_uid"), rs.getString("modality"), rs.getString("series_number"),
                        rs.getString("series_description"), rs.getInt("held_images")))
                .list();
    }

    /** Returns the project's latest burned-in annotation decisions (cleared or masked images), newest first. */
    List<DecidedImage> decided(long projectId, int limit) {
        return jdbc.sql("""
                SELECT id, project_id, source_name, modality, burned_in_status, burned_in_decided_by,
                       burned_in_decided_at
                FROM image WHERE project_id = ? AND burned_in_status IN ('CLEARED', 'MASKED')
                ORDER BY burned_in_decided_at DESC, id DESC LIMIT ?""").params(projectId, limit)
                .query((rs, n) -> new DecidedImage(rs.getLong("id"), rs.getLong("project_id"),
                        rs.getString("source_name"), rs.getString("modality"), rs.getString("burned_in_status"),
                        rs.getString("burned_in_decided_by"),
                        rs.getObject("burned_in_decided_at", OffsetDateTime.class)))
                .list();
    }
}
