package org.truthline.dicomweb;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truthline.dicom.SearchAttributes;
import org.truthline.image.ImageService;

/**
 * Finds the de-identified images and companion objects a viewer may see, by their remapped study, series and
 * instance UIDs. Staff see both in every project, but only lead and admin see an image held for burned-in
 * annotation review. A contributor sees the images it is assigned, unless held, and no companion object.
 */
@Repository
class DicomwebImages {

    /** Optional match keys; a null field matches everything. */
    record Match(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String modality) {

        static Match study(String studyInstanceUid) {
            return new Match(studyInstanceUid, null, null, null);
        }
    }

    /**
     * Optional study-level match keys of a search. A null field or an empty set matches every study.
     *
     * @param patientId a value with optional {@code *} and {@code ?} wildcards
     * @param accessionNumber a value with optional {@code *} and {@code ?} wildcards
     * @param modalitiesInStudy a study matches when any of its images or companion objects has one of these
     *     modalities
     */
    record StudyMatch(String patientId, String accessionNumber, DateRange studyDate, Set<String> modalitiesInStudy) {

        static final StudyMatch ANY = new StudyMatch(null, null, null, Set.of());
    }

    /** An inclusive range of DA values (YYYYMMDD). A null end leaves that side open. */
    record DateRange(String from, String to) {
    }

    private final JdbcClient jdbc;
    private final ImageService images;

    DicomwebImages(JdbcClient jdbc, ImageService images) {
        this.jdbc = jdbc;
        this.images = images;
    }

    /**
     * Returns the matching images and companion objects the viewer may see, ordered by study and series, and
     * within a series images before companion objects, each in import order.
     */
    List<DicomwebInstance> find(Viewer viewer, Match match) {
        return find(viewer, match, StudyMatch.ANY);
    }

    /** Returns the objects the viewer may see that match both sets of keys, ordered as {@link #find(Viewer, Match)}. */
    List<DicomwebInstance> find(Viewer viewer, Match match, StudyMatch study) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        appendSelect(sql, params, Table.IMAGE, viewer, match, study);
        sql.append(" UNION ALL ");
        appendSelect(sql, params, Table.COMPANION_OBJECT, viewer, match, study);
        sql.append(" ORDER BY study_instance_uid, series_instance_uid, companion, id");
        return jdbc.sql(sql.toString()).params(params).query(DicomwebImages::map).list();
    }

    /** The columns that both tables of served copies have and that {@link #map} reads. */
    private static final String COLUMNS = """
            i.id, i.project_id, i.study_instance_uid, i.series_instance_uid, i.sop_instance_uid, i.sop_class_uid,
            i.modality, i.rows_count, i.columns_count, i.frame_count, i.bits_allocated, i.transfer_syntax_uid,
            i.deidentified_path, i.patient_name, i.patient_id, i.patient_birth_date, i.patient_sex, i.study_date,
            i.study_time, i.accession_number, i.referring_physician_name, i.study_id, i.study_description,
            i.series_number, i.series_date, i.series_time, i.series_description, i.instance_number""";

    /** The two tables of served copies, with the value of the {@code companion} column their rows get. */
    private enum Table {
        IMAGE("image", false), COMPANION_OBJECT("companion_object", true);

        final String name;
        final boolean companion;

        Table(String name, boolean companion) {
            this.name = name;
            this.companion = companion;
        }
    }

    private static void appendSelect(StringBuilder sql, List<Object> params, Table table, Viewer viewer,
            Match match, StudyMatch study) {
        sql.append("SELECT ").append(table.companion ? "TRUE" : "FALSE").append(" AS companion, ").append(COLUMNS)
                .append(" FROM ").append(table.name).append(" i WHERE 1 = 1");
        addVisibility(sql, params, viewer, table, "i");
        addEquals(sql, params, "i.study_instance_uid", match.studyInstanceUid());
        addEquals(sql, params, "i.series_instance_uid", match.seriesInstanceUid());
        addEquals(sql, params, "i.sop_instance_uid", match.sopInstanceUid());
        addEquals(sql, params, "i.modality", match.modality());
        addStudyMatch(sql, params, viewer, study);
    }

    /**
     * Returns the matching objects the viewer may see, ordered as {@link #find(Viewer, Match)}, for serving their
     * content (files, metadata). Records that their images were opened by the viewer, as
     * {@link ImageService#recordOpened} describes.
     */
    List<DicomwebInstance> retrieve(Viewer viewer, Match match) {
        List<DicomwebInstance> found = find(viewer, match);
        recordOpened(viewer, found);
        return found;
    }

    /**
     * Returns one instance the viewer may see, for serving its content, and records that it was opened as
     * {@link #retrieve} does.
     *
     * @throws DicomwebException with 404 when the instance does not exist or the viewer may not see it
     */
    DicomwebInstance instance(Viewer viewer, String study, String series, String instance) {
        List<DicomwebInstance> found = retrieve(viewer, new Match(study, series, instance, null));
        if (found.isEmpty()) {
            throw DicomwebException.notFound("Instance " + instance + " of series " + series + " in study " + study
                    + " was not found among the objects " + viewer.userId() + " may see.");
        }
        return found.get(0);
    }

    private void recordOpened(Viewer viewer, List<DicomwebInstance> served) {
        List<Long> imageIds = served.stream().filter(instance -> !instance.companion()).map(DicomwebInstance::id)
                .toList();
        if (!imageIds.isEmpty()) {
            images.recordOpened(imageIds, viewer.userId());
        }
    }

    private static void addVisibility(StringBuilder sql, List<Object> params, Viewer viewer, Table table,
            String alias) {
        if (viewer.burnedInReviewer()) {
            return;
        }
        if (table == Table.IMAGE) {
            // Same rule as ImageService: an image held for burned-in annotation review may show identifying text,
            // so only its reviewers see it.
            sql.append(" AND ").append(alias).append(".burned_in_status <> 'PENDING'");
        }
        if (viewer.staff()) {
            return;
        }
        if (table == Table.IMAGE) {
            sql.append(" AND EXISTS (SELECT 1 FROM assignment a WHERE a.image_id = ").append(alias)
                    .append(".id AND a.contributor = ?)");
            params.add(viewer.userId());
        } else {
            // SR, segmentations and presentation states may carry another reader's findings, and contributors
            // grade blind, so they see none.
            sql.append(" AND 1 = 0");
        }
    }

    private static void addStudyMatch(StringBuilder sql, List<Object> params, Viewer viewer, StudyMatch study) {
        addIdentifierPattern(sql, params, viewer, "i.patient_id", study.patientId());
        addIdentifierPattern(sql, params, viewer, "i.accession_number", study.accessionNumber());
        DateRange dates = study.studyDate();
        if (dates != null) {
            // An image without a Study Date matches no date key, because NULL compares as unknown.
            if (dates.from() != null) {
                sql.append(" AND i.study_date >= ?");
                params.add(dates.from());
            }
            if (dates.to() != null) {
                sql.append(" AND i.study_date <= ?");
                params.add(dates.to());
            }
        }
        if (!study.modalitiesInStudy().isEmpty()) {
            // Modalities of the study's objects that this viewer may see, so a match reveals no hidden object.
            sql.append(" AND (");
            addModalityInStudy(sql, params, viewer, study.modalitiesInStudy(), Table.IMAGE);
            sql.append(" OR ");
            addModalityInStudy(sql, params, viewer, study.modalitiesInStudy(), Table.COMPANION_OBJECT);
            sql.append(")");
        }
    }

    private static void addModalityInStudy(StringBuilder sql, List<Object> params, Viewer viewer,
            Set<String> modalities, Table table) {
        sql.append("EXISTS (SELECT 1 FROM ").append(table.name)
                .append(" m WHERE m.study_instance_uid = i.study_instance_uid AND m.modality IN (")
                .append(String.join(", ", Collections.nCopies(modalities.size(), "?"))).append(")");
        params.addAll(modalities);
        addVisibility(sql, params, viewer, table, "m");
        sql.append(")");
    }

    /**
     * Adds a Patient ID or Accession Number key. Contributors receive these attributes empty, so for them only a
     * key that matches an empty value (nothing but {@code *}) matches, and probing for values finds nothing.
     */
    private static void addIdentifierPattern(StringBuilder sql, List<Object> params, Viewer viewer, String column,
            String pattern) {
        if (pattern == null || pattern.chars().allMatch(c -> c == '*')) {
            return;
        }
        if (!viewer.staff()) {
            sql.append(" AND 1 = 0");
        } else if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
            sql.append(" AND ").append(column).append(" LIKE ? ESCAPE '\\'");
            params.add(likePattern(pattern));
        } else {
            addEquals(sql, params, column, pattern);
        }
    }

    /** Translates DICOM wildcards ({@code *} any run, {@code ?} one character) to a LIKE pattern. */
    static String likePattern(String pattern) {
        StringBuilder like = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '?' -> like.append('_');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    private static void addEquals(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static DicomwebInstance map(ResultSet rs, int row) throws SQLException {
        SearchAttributes attributes = new SearchAttributes(rs.getString("patient_name"), rs.getString("patient_id"),
                rs.getString("patient_birth_date"), rs.getString("patient_sex"), rs.getString("study_date"),
                rs.getString("study_time"), rs.getString("accession_number"),
                rs.getString("referring_physician_name"), rs.getString("study_id"),
                rs.getString("study_description"), rs.getString("series_number"), rs.getString("series_date"),
                rs.getString("series_time"), rs.getString("series_description"), rs.getString("instance_number"));
        return new DicomwebInstance(rs.getLong("id"), rs.getBoolean("companion"), rs.getLong("project_id"),
                rs.getString("study_instance_uid"), rs.getString("series_instance_uid"),
                rs.getString("sop_instance_uid"), rs.getString("sop_class_uid"), rs.getString("modality"),
                rs.getObject("rows_count", Integer.class), rs.getObject("columns_count", Integer.class),
                rs.getObject("frame_count", Integer.class),
                rs.getObject("bits_allocated", Integer.class), rs.getString("transfer_syntax_uid"),
                Path.of(rs.getString("deidentified_path")), attributes);
    }
}
