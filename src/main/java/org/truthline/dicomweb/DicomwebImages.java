package org.truthline.dicomweb;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the de-identified images a viewer may see, by their remapped study, series and instance UIDs. */
@Repository
class DicomwebImages {

    /** Optional match keys; a null field matches everything. */
    record Match(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String modality) {

        static Match study(String studyInstanceUid) {
            return new Match(studyInstanceUid, null, null, null);
        }
    }

    private final JdbcClient jdbc;

    DicomwebImages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the matching images the viewer may see, ordered by study, series and import order. */
    List<DicomwebInstance> find(Viewer viewer, Match match) {
        StringBuilder sql = new StringBuilder("""
                SELECT i.id, i.project_id, i.study_instance_uid, i.series_instance_uid, i.sop_instance_uid,
                       i.sop_class_uid, i.modality, i.rows_count, i.columns_count, i.frame_count,
                       i.transfer_syntax_uid, i.deidentified_path
                FROM image i WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (!viewer.staff()) {
            // Same rule as ImageService: an image held for burned-in annotation review stays hidden.
            sql.append(" AND i.burned_in_status <> 'PENDING'");
            sql.append(" AND EXISTS (SELECT 1 FROM assignment a WHERE a.image_id = i.id AND a.contributor = ?)");
            params.add(viewer.userId());
        }
        addEquals(sql, params, "i.study_instance_uid", match.studyInstanceUid());
        addEquals(sql, params, "i.series_instance_uid", match.seriesInstanceUid());
        addEquals(sql, params, "i.sop_instance_uid", match.sopInstanceUid());
        addEquals(sql, params, "i.modality", match.modality());
        sql.append(" ORDER BY i.study_instance_uid, i.series_instance_uid, i.id");
        return jdbc.sql(sql.toString()).params(params).query(DicomwebImages::map).list();
    }

    /**
     * Returns one instance the viewer may see.
     *
     * @throws DicomwebException with 404 when the instance does not exist or the viewer may not see it
     */
    DicomwebInstance instance(Viewer viewer, String study, String series, String instance) {
        List<DicomwebInstance> found = find(viewer, new Match(study, series, instance, null));
        if (found.isEmpty()) {
            throw DicomwebException.notFound("Instance " + instance + " of series " + series + " in study " + study
                    + " was not found among the images " + viewer.userId() + " may see.");
        }
        return found.get(0);
    }

    private static void addEquals(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static DicomwebInstance map(ResultSet rs, int row) throws SQLException {
        return new DicomwebInstance(rs.getLong("id"), rs.getLong("project_id"), rs.getString("study_instance_uid"),
                rs.getString("series_instance_uid"), rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"),
                rs.getString("modality"), rs.getObject("rows_count", Integer.class),
                rs.getObject("columns_count", Integer.class), rs.getInt("frame_count"),
                rs.getString("transfer_syntax_uid"), Path.of(rs.getString("deidentified_path")));
    }
}
