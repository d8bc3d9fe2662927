package org.truthline.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.dicom.DeidentificationReport;
import org.truthline.dicom.DicomLimits;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomSummary;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.ObjectKind;

/**
 * Stores companion objects ({@link ObjectKind#COMPANION}): the original in the restricted store and a copy
 * de-identified with the project's options and UID map in the working store, as intake does for images, so the
 * copy's references to images of the same project carry the images' new UIDs. Nothing is rendered, no burned-in
 * review applies, and no labeling starts: a companion object is only served over DICOMweb with its study.
 *
 * <p>NOTE: typed text in a presentation state survives de-identification. The Basic Profile table cleans Graphic
 * Annotation Sequence item by item and lists neither Unformatted Text Value nor Graphic Layer Description or
 * Content Description, so all three keep their values.
 */
@Component
class CompanionObjectStore {

    private static final Logger log = LoggerFactory.getLogger(CompanionObjectStore.class);

    private final JdbcClient jdbc;
    private final DicomToolkit dicom;
    private final StorageLayout storage;
    private final AuditLog audit;
    private final ProjectDeidentification deidentification;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final long maxFileBytes;

    CompanionObjectStore(JdbcClient jdbc, DicomToolkit dicom, StorageLayout storage, AuditLog audit,
            ProjectDeidentification deidentification, TransactionTemplate transaction, ObjectMapper mapper,
            DicomLimits limits) {
        this.jdbc = jdbc;
        this.dicom = dicom;
        this.storage = storage;
        this.audit = audit;
        this.deidentification = deidentification;
        this.transaction = transaction;
        this.mapper = mapper;
        this.maxFileBytes = limits.maxFileBytes();
    }

    /**
     * Keeps the original, writes the de-identified copy and records both with audit entries, in one transaction.
     * On failure the copy is deleted, and the original stays in the restricted store as it does for images.
     *
     * @return the id of the new companion_object row
     * @throws DicomRejectedException when the copy cannot be written; the caller quarantines the file
     */
    long store(long jobId, long projectId, Path file, String name, DicomSummary summary, String sha256,
            String userId) throws DicomRejectedException {
        Path original = storage.originals(projectId).resolve(sha256 + ".dcm");
        Path temporary = storage.working(projectId).resolve(UUID.randomUUID() + ".part");
        Path[] written = new Path[1];
        try {
            return transaction.execute(status -> {
                try {
                    if (!Files.exists(original)) {
                        BoundedFiles.copy(file, original, maxFileBytes, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    }
                    DeidentificationReport report = dicom.deidentify(file, temporary,
                            deidentification.remapper(projectId), deidentification.options(projectId, file));
                    DicomSummary copy = report.deidentified();
                    Path deidentified = storage.working(projectId).resolve(copy.sopInstanceUid() + ".dcm");
                    Files.move(temporary, deidentified, StandardCopyOption.REPLACE_EXISTING);
                    written[0] = deidentified;
                    long id = insert(jobId, projectId, name, summary, report, sha256, original, deidentified);
                    audit.append(AuditEntry.of(userId, AuditEventType.COMPANION_OBJECT_STORED, projectId, null,
                            Map.of("importId", jobId, "companionObjectId", id, "sopInstanceUid",
                                    copy.sopInstanceUid(), "sopClassUid", nullToEmpty(copy.sopClassUid()), "modality",
                                    nullToEmpty(copy.modality()), "originalSha256", sha256)));
                    Map<String, Object> details = new LinkedHashMap<>(
                            ProjectDeidentification.details(report));
                    details.put("companionObjectId", id);
                    audit.append(AuditEntry.of("truthline-intake", AuditEventType.COMPANION_OBJECT_DEIDENTIFIED,
                            projectId, null, details));
                    log.info("Import {}: {} stored as companion object {} ({}) with SOP Instance UID {}", jobId,
                            name, id, ObjectKind.describeSopClass(copy.sopClassUid()), copy.sopInstanceUid());
                    return id;
                } catch (DicomRejectedException e) {
                    throw new RejectedDuringStore(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RejectedDuringStore e) {
            deleteQuietly(temporary, written[0]);
            throw e.rejection;
        } catch (RuntimeException e) {
            deleteQuietly(temporary, written[0]);
            throw e;
        }
    }

    private long insert(long jobId, long projectId, String name, DicomSummary original,
            DeidentificationReport report, String sha256, Path originalPath, Path deidentified) {
        DicomSummary copy = report.deidentified();
        // Geometry only for objects with Pixel Data (segmentations), so SR and presentation states show none.
        Integer rows = copy.hasPixelData() ? copy.rows() : null;
        Integer columns = copy.hasPixelData() ? copy.columns() : null;
        Integer frames = copy.hasPixelData() ? Math.max(1, copy.frames()) : null;
        Integer bitsAllocated = copy.hasPixelData() ? copy.bitsAllocated() : null;
        List<Object> values = new ArrayList<>(Arrays.asList(projectId, copy.sopInstanceUid(),
                copy.studyInstanceUid(), copy.seriesInstanceUid(), copy.sopClassUid(), copy.modality(),
                copy.transferSyntaxUid(), rows, columns, frames, bitsAllocated, original.sopInstanceUid(), sha256,
                originalPath.toString(), deidentified.toString(), json(ProjectDeidentification.details(report)),
                name, jobId, OffsetDateTime.now()));
        // The copy's values, never the original's: the copy's Patient Name and ID are pseudonyms.
        values.addAll(ProjectDeidentification.searchAttributeValues(report.searchAttributes()));
        jdbc.sql("""
                INSERT INTO companion_object (project_id, sop_instance_uid, study_instance_uid, series_instance_uid,
                    sop_class_uid, modality, transfer_syntax_uid, rows_count, columns_count, frame_count,
                    bits_allocated, original_sop_instance_uid, original_sha256, original_path, deidentified_path,
                    deidentification, source_name, import_id, created_at,
                    patient_name, patient_id, patient_birth_date, patient_sex, study_date, study_time, accession_number,
                    referring_physician_name, study_id, study_description, series_number, series_date, series_time,
                    series_description, instance_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(values)
                .update();
        return jdbc.sql("SELECT id FROM companion_object WHERE project_id = ? AND original_sop_instance_uid = ?")
                .params(projectId, original.sopInstanceUid()).query(Long.class).single();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void deleteQuietly(Path... paths) {
        for (Path path : paths) {
            if (path == null) {
                continue;
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Could not delete {} after a failed companion object store", path, e);
            }
        }
    }

    /** Carries a rejection out of the transaction callback so the transaction rolls back. */
    private static final class RejectedDuringStore extends RuntimeException {
        private final DicomRejectedException rejection;

        RejectedDuringStore(DicomRejectedException rejection) {
            super(rejection.getMessage(), rejection);
            this.rejection = rejection;
        }
    }
}
