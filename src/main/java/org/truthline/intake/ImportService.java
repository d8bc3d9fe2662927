package org.truthline.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.dicom.DeidentificationReport;
import org.truthline.dicom.DicomLimits;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomSummary;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.FolderListing;
import org.truthline.dicom.ObjectKind;
import org.truthline.dicom.QuarantineReason;
import org.truthline.project.ProjectService;

/**
 * Imports DICOM files into a project: each file is read and checked, its original kept in the restricted store,
 * a de-identified copy written to the working store, and a PNG thumbnail rendered from that copy (which also
 * proves that its pixels decode). Companion objects ({@link ObjectKind#COMPANION}: SR, presentation states,
 * segmentations) are kept by {@link CompanionObjectStore} instead, without thumbnail or labeling. A file that
 * cannot be used is quarantined with its reason; nothing is dropped. Symbolic links, FIFOs, devices and sockets are
 * never opened: they get a quarantine entry without a copy, and so do files a DICOMDIR lists but that are
 * missing. No read of a file goes past {@code truthline.intake.max-file-bytes}. Imports run one at a time on a
 * background thread; {@link #get(long)} reports progress.
 *
 * <p>At start-up, imports still RUNNING from an earlier run of the server are marked INTERRUPTED, because the
 * thread that ran them is gone. The spool owners ({@code ImportSpool}, {@link UploadService}) then import their
 * leftover files again through {@link #resumeSpooled}.
 */
@Service
public class ImportService implements InitializingBean, DisposableBean {

    /** Status of an import that a server stop cut short. */
    public static final String INTERRUPTED = "INTERRUPTED";

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final String DICOMDIR = "DICOMDIR";

    private final JdbcClient jdbc;
    private final DicomToolkit dicom;
    private final StorageLayout storage;
    private final AuditLog audit;
    private final ProjectService projects;
    private final ProjectDeidentification deidentification;
    private final CompanionObjectStore companions;
    private final DuplicateCheck duplicates;
    private final QuarantineRecorder quarantines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final List<Path> importRoots;
    private final int thumbnailSize;
    private final long maxFileBytes;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "truthline-intake");
        thread.setDaemon(true);
        return thread;
    });

    public ImportService(JdbcClient jdbc, DicomToolkit dicom, StorageLayout storage, AuditLog audit,
            ProjectService projects, ProjectDeidentification deidentification, CompanionObjectStore companions,
            DuplicateCheck duplicates, QuarantineRecorder quarantines, ApplicationEventPublisher events,
            TransactionTemplate transaction,
            ObjectMapper mapper, DicomLimits limits, @Value("${truthline.intake.import-roots:}") String importRoots,
            @Value("${truthline.intake.thumbnail-size:" + StorageLayout.DEFAULT_THUMBNAIL_SIZE + "}") int thumbnailSize) {
        this.thumbnailSize = StorageLayout.checkThumbnailSize(thumbnailSize);
        this.importRoots = java.util.Arrays.stream(importRoots.split(",")).map(String::strip)
                .filter(root -> !root.isEmpty()).map(Path::of).toList();
        this.jdbc = jdbc;
        this.dicom = dicom;
        this.storage = storage;
        this.audit = audit;
        this.projects = projects;
        this.deidentification = deidentification;
        this.companions = companions;
        this.duplicates = duplicates;
        this.quarantines = quarantines;
        this.events = events;
        this.transaction = transaction;
        this.mapper = mapper;
        this.maxFileBytes = limits.maxFileBytes();
    }

    /**
     * Starts importing a server-side folder (recursively, through its DICOMDIR when it has one), a DICOMDIR file
     * (the files it lists) or a single file.
     *
     * @throws IllegalArgumentException when the path is not a readable folder or regular file
     */
    public ImportJob start(long projectId, Path source, String userId) {
        projects.get(projectId);
        if (!source.isAbsolute()) {
            throw new IllegalArgumentException("Import path '" + source + "' is relative; give an absolute path on "
                    + "the Truthline server, such as /data/incoming/study-42.");
        }
        Path root = source.normalize();
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS) && (importRoots.isEmpty()
                || importRoots.stream().anyMatch(allowed -> root.startsWith(allowed.normalize())))) {
            throw new IllegalArgumentException("Import path '" + source + "' does not exist on the Truthline server; "
                    + "give the absolute path of a folder the server can read.");
        }
        if (!importRoots.isEmpty() && importRoots.stream().noneMatch(allowed -> insideRealPath(root, allowed))) {
            throw new IllegalArgumentException("Import path '" + root + "' is outside the folders this server "
                    + "imports from " + importRoots + "; move the files there or ask an admin to add the folder to "
                    + "truthline.intake.import-roots.");
        }
        if (!Files.exists(root)) {
            throw new IllegalArgumentException("Import path '" + source + "' does not exist on the Truthline server; "
                    + "give the absolute path of a folder the server can read.");
        }
        if (!Files.isReadable(root)) {
            throw new IllegalArgumentException("Import path '" + root + "' is not readable by the Truthline server; "
                    + "grant it read access or copy the files elsewhere.");
        }
        checkFolderOrRegularFile(root, "Import path");
        return startReadable(projectId, root, userId);
    }

    /** Rejects a FIFO, device or socket, whose reading may block or never end. */
    private static void checkFolderOrRegularFile(Path path, String what) {
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(what + " '" + path + "' is " + SpecialFiles.describe(path)
                    + ", not a folder or a regular file, and Truthline does not read such files because reading "
                    + "them may never end; give the absolute path of a folder, a DICOMDIR or a DICOM file.");
        }
    }

    /**
     * Starts importing a folder named in the server's own configuration (the demo samples, for example). Unlike
     * {@link #start}, it does not apply {@code truthline.intake.import-roots}, which limits the folders users
     * name; never pass a path that a request supplied.
     *
     * @throws IllegalArgumentException when the path is not an absolute, readable folder or file
     */
    public ImportJob startConfiguredFolder(long projectId, Path folder, String userId) {
        projects.get(projectId);
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isReadable(root)) {
            throw new IllegalArgumentException("Configured import folder '" + root + "' is missing or not readable; "
                    + "check the setting that names it.");
        }
        checkFolderOrRegularFile(root, "Configured import folder");
        return startReadable(projectId, root, userId);
    }

    /**
     * Starts the import of a folder, a DICOMDIR or one file. File names in the results are relative to the folder,
     * or to the DICOMDIR's folder.
     */
    private ImportJob startReadable(long projectId, Path root, String userId) {
        long jobId = createJob(projectId, root.toString(), userId);
        boolean dicomdir = !Files.isDirectory(root) && root.getFileName() != null
                && DICOMDIR.equalsIgnoreCase(root.getFileName().toString());
        Path namesRoot = dicomdir ? root.getParent() : root;
        executor.submit(() -> run(jobId, projectId, namesRoot,
                () -> Files.isDirectory(root) || dicomdir ? dicom.listFolder(root) : FolderListing.of(List.of(root)),
                userId));
        return get(jobId);
    }

    /**
     * Starts importing files that another intake path (upload, C-STORE, DICOMweb) has already written under
     * {@code root}; file names in the results are relative to it. The caller must not delete the files before
     * the import has finished.
     *
     * @param source what the files came from, as shown to leads (e.g. "upload of 3 files")
     */
    public ImportJob startFiles(long projectId, Path root, List<Path> files, String source, String userId) {
        return startFiles(projectId, root, FolderListing.of(files), source, userId);
    }

    /**
     * Starts importing files as {@link #startFiles(long, Path, List, String, String)} does, and also records a
     * MISSING_REFERENCED_FILE result for each file that a DICOMDIR of the listing references but that is missing.
     */
    public ImportJob startFiles(long projectId, Path root, FolderListing listing, String source, String userId) {
        projects.get(projectId);
        long jobId = createJob(projectId, source, userId);
        FolderListing absolute = new FolderListing(
                listing.files().stream().map(f -> f.toAbsolutePath().normalize()).toList(),
                listing.missingReferences());
        executor.submit(() -> run(jobId, projectId, root.toAbsolutePath().normalize(), () -> absolute, userId));
        return get(jobId);
    }

    private static boolean insideRealPath(Path path, Path allowedRoot) {
        try {
            return Files.exists(path) && path.toRealPath().startsWith(allowedRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private long createJob(long projectId, String source, String userId) {
        OffsetDateTime now = OffsetDateTime.now();
        long jobId = transaction.execute(status -> {
            jdbc.sql("""
                    INSERT INTO import_job (project_id, source, requested_by, status, started_at)
                    VALUES (?, ?, ?, 'RUNNING', ?)""").params(projectId, source, userId, now).update();
            long id = jdbc.sql("SELECT MAX(id) FROM import_job WHERE project_id = ? AND requested_by = ?")
                    .params(projectId, userId).query(Long.class).single();
            audit.append(AuditEntry.of(userId, AuditEventType.IMPORT_STARTED, projectId, null,
                    Map.of("importId", id, "source", source)));
            return id;
        });
        return jobId;
    }

    public ImportJob get(long importId) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(importId).query(ImportService::mapJob)
                .optional().orElseThrow(() -> new ImportNotFoundException(importId));
    }

    public List<ImportJob> recent(long projectId) {
        return jdbc.sql("SELECT * FROM import_job WHERE project_id = ? ORDER BY id DESC LIMIT 20").param(projectId)
                .query(ImportService::mapJob).list();
    }

    public List<ImportFileResult> files(long importId) {
        return jdbc.sql("""
                SELECT file_name, outcome, image_id, companion_object_id, reason_code, reason
                FROM import_file WHERE import_id = ? ORDER BY id""")
                .param(importId)
                .query((rs, n) -> new ImportFileResult(rs.getString("file_name"), rs.getString("outcome"),
                        rs.getObject("image_id", Long.class), rs.getObject("companion_object_id", Long.class),
                        rs.getString("reason_code"), rs.getString("reason")))
                .list();
    }

    public List<QuarantineEntry> quarantine(long projectId) {
        return jdbc.sql("SELECT * FROM quarantine_item WHERE project_id = ? ORDER BY id").param(projectId)
                .query((rs, n) -> new QuarantineEntry(rs.getLong("id"), rs.getString("file_name"),
                        rs.getString("reason_code"), rs.getString("reason"), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("content_sha256"),
                        rs.getInt("attempts"), rs.getObject("last_attempt_at", OffsetDateTime.class)))
                .list();
    }

    /** Supplies the files of one import; listing a large folder happens on the intake thread. */
    @FunctionalInterface
    private interface FileLister {
        FolderListing list();
    }

    private void run(long jobId, long projectId, Path root, FileLister lister, String userId) {
        log.info("Import {} into project {} started from {}", jobId, projectId, root);
        try {
            FolderListing listing = lister.list();
            int total = listing.files().size() + listing.missingReferences().size();
            jdbc.sql("UPDATE import_job SET total_files = ? WHERE id = ?").params(total, jobId).update();
            for (Path file : listing.files()) {
                count(jobId, importEntry(jobId, projectId, file, nameOf(root, file), userId));
            }
            for (Map.Entry<Path, Path> missing : listing.missingReferences().entrySet()) {
                count(jobId, quarantines.missingReference(jobId, projectId, nameOf(root, missing.getKey()),
                        nameOf(root, missing.getValue()), userId));
            }
            jdbc.sql("UPDATE import_job SET status = 'COMPLETED', finished_at = ? WHERE id = ?")
                    .params(OffsetDateTime.now(), jobId).update();
        } catch (RuntimeException e) {
            log.error("Import {} into project {} failed", jobId, projectId, e);
            jdbc.sql("UPDATE import_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
                    .params(e.getMessage(), OffsetDateTime.now(), jobId).update();
        }
        ImportJob job = get(jobId);
        audit.append(AuditEntry.of(userId, AuditEventType.IMPORT_FINISHED, projectId, null, Map.of(
                "importId", jobId, "status", job.status(), "imported", job.importedFiles(),
                "companionObjects", job.companionFiles(), "quarantined", job.quarantinedFiles(),
                "duplicates", job.duplicateFiles())));
        log.info("Import {} finished: {} imported, {} companion objects, {} quarantined, {} duplicates", jobId,
                job.importedFiles(), job.companionFiles(), job.quarantinedFiles(), job.duplicateFiles());
    }

    /** Returns the file's path relative to the import's root, or its name when it lies outside. */
    private static String nameOf(Path root, Path file) {
        return file.startsWith(root) && !file.equals(root) ? root.relativize(file).toString()
                : file.getFileName().toString();
    }

    private void count(long jobId, ImportFileResult result) {
        String counters = switch (result.outcome()) {
            case "IMPORTED" -> "imported_files = imported_files + 1";
            case "HELD" -> "imported_files = imported_files + 1, held_files = held_files + 1";
            case "DUPLICATE" -> "duplicate_files = duplicate_files + 1";
            case "COMPANION" -> "companion_files = companion_files + 1";
            default -> "quarantined_files = quarantined_files + 1";
        };
        jdbc.sql("UPDATE import_job SET processed_files = processed_files + 1, " + counters + " WHERE id = ?")
                .param(jobId).update();
    }

    /** Imports one listed entry, opening it only when it is a regular file. */
    private ImportFileResult importEntry(long jobId, long projectId, Path file, String name, String userId) {
        try {
            if (Files.isSymbolicLink(file)) {
                return quarantines.symbolicLink(jobId, projectId, name, userId);
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !BoundedFiles.isRegularFile(file)) {
                return quarantines.notRegularFile(jobId, projectId, file, name, userId);
            }
            return importOne(jobId, projectId, file, name, userId);
        } catch (RuntimeException e) {
            log.warn("Import {}: unexpected failure on {}; quarantining it", jobId, name, e);
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.MALFORMED,
                    name + ": could not be processed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "); the file is kept in quarantine for inspection.", userId);
        }
    }

    private ImportFileResult importOne(long jobId, long projectId, Path file, String name, String userId) {
        DicomSummary summary;
        try {
            summary = dicom.read(file);
        } catch (DicomRejectedException e) {
            return quarantines.quarantine(jobId, projectId, file, name, e.reason(), e.getMessage(), userId);
        }
        ObjectKind kind = ObjectKind.of(summary);
        if (kind == ObjectKind.ENCAPSULATED_DOCUMENT) {
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.ENCAPSULATED_DOCUMENT, name
                    + ": is an encapsulated document (" + ObjectKind.describeSopClass(summary.sopClassUid())
                    + "), whose document content Truthline cannot de-identify; it stays in quarantine. Leave it "
                    + "out of the export, or send its pages as images once identifying text is removed.", userId);
        }
        if (kind == ObjectKind.UNSUPPORTED_NON_IMAGE) {
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.NO_PIXEL_DATA, name
                    + ": has no Pixel Data (" + ObjectKind.describeSopClass(summary.sopClassUid()) + "). Truthline "
                    + "labels images and keeps only these non-image objects with their study: "
                    + ObjectKind.COMPANION_CLASSES + "; leave this object out of the export.", userId);
        }
        String sha256;
        try {
            sha256 = BoundedFiles.sha256(file, maxFileBytes);
        } catch (BoundedFiles.TooLargeException e) {
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.FILE_TOO_LARGE,
                    name + ": file grew past the limit of " + maxFileBytes + " bytes while it was read; raise "
                    + "truthline.intake.max-file-bytes if such files are expected.", userId);
        } catch (IOException e) {
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.NOT_DICOM,
                    name + ": file cannot be read (" + e.getMessage() + "); check that it exists and is readable.",
                    userId);
        }
        Optional<DuplicateCheck.StoredInstance> existing = duplicates.find(projectId, summary.sopInstanceUid());
        if (existing.isPresent()) {
            DuplicateCheck.Verdict verdict;
            try {
                verdict = duplicates.compare(existing.get(), file, name, sha256);
            } catch (DicomRejectedException e) {
                return quarantines.quarantine(jobId, projectId, file, name, e.reason(), e.getMessage(), userId);
            }
            if (verdict.duplicate()) {
                return duplicate(jobId, projectId, name, verdict, userId);
            }
            return quarantines.quarantine(jobId, projectId, file, name, QuarantineReason.DUPLICATE_CONFLICT,
                    verdict.message(), userId);
        }
        if (kind == ObjectKind.COMPANION) {
            return storeCompanion(jobId, projectId, file, name, summary, sha256, userId);
        }
        return store(jobId, projectId, file, name, summary, sha256, userId);
    }

    private ImportFileResult duplicate(long jobId, long projectId, String name, DuplicateCheck.Verdict verdict,
            String userId) {
        DuplicateCheck.StoredInstance stored = verdict.stored();
        String message = verdict.message();
        if (stored.companion()) {
            audit.append(AuditEntry.of(userId, AuditEventType.COMPANION_OBJECT_DUPLICATE_IGNORED, projectId, null,
                    Map.of("importId", jobId, "file", name, "companionObjectId", stored.id())));
            return record(jobId, new ImportFileResult(name, "DUPLICATE", null, stored.id(), null, message));
        }
        audit.append(AuditEntry.of(userId, AuditEventType.IMAGE_DUPLICATE_IGNORED, projectId, stored.id(),
                Map.of("importId", jobId, "file", name)));
        return record(jobId, new ImportFileResult(name, "DUPLICATE", stored.id(), null, null, message));
    }

    private ImportFileResult storeCompanion(long jobId, long projectId, Path file, String name,
            DicomSummary summary, String sha256, String userId) {
        try {
            long id = companions.store(jobId, projectId, file, name, summary, sha256, userId);
            return record(jobId, new ImportFileResult(name, "COMPANION", null, id, null, null));
        } catch (DicomRejectedException e) {
            return quarantines.quarantine(jobId, projectId, file, name, e.reason(), e.getMessage(), userId);
        }
    }

    private ImportFileResult store(long jobId, long projectId, Path file, String name, DicomSummary summary,
            String sha256, String userId) {
        Path original = storage.originals(projectId).resolve(sha256 + ".dcm");
        Path deidentifiedTemp = storage.working(projectId).resolve(UUID.randomUUID() + ".part");
        Path[] written = new Path[2];
        try {
            long imageId = transaction.execute(status -> {
                try {
                    if (!Files.exists(original)) {
                        BoundedFiles.copy(file, original, maxFileBytes, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    }
                    DeidentificationReport report = dicom.deidentify(file, deidentifiedTemp,
                            deidentification.remapper(projectId), deidentification.options(projectId, file));
                    DicomSummary copy = report.deidentified();
                    Path deidentified = storage.working(projectId).resolve(copy.sopInstanceUid() + ".dcm");
                    Files.move(deidentifiedTemp, deidentified, StandardCopyOption.REPLACE_EXISTING);
                    written[0] = deidentified;
                    Path preview = storage.previews(projectId).resolve(copy.sopInstanceUid() + ".png");
                    Files.write(preview, dicom.renderThumbnail(deidentified, thumbnailSize));
                    written[1] = preview;
                    long id = insertImage(jobId, projectId, name, summary, copy, report, sha256, original,
                            deidentified, preview);
                    if (dicom.likelyBurnedIn(summary)) {
                        jdbc.sql("UPDATE image SET burned_in_status = 'PENDING', burned_in_reason = ? WHERE id = ?")
                                .params(burnedInReason(summary), id).update();
                    }
                    audit.append(AuditEntry.of(userId, AuditEventType.IMAGE_IMPORTED, projectId, id, Map.of(
                            "importId", jobId, "sopInstanceUid", copy.sopInstanceUid(), "modality",
                            nullToEmpty(copy.modality()), "transferSyntaxUid", nullToEmpty(summary.transferSyntaxUid()),
                            "originalSha256", sha256)));
                    audit.append(AuditEntry.of("truthline-intake", AuditEventType.IMAGE_DEIDENTIFIED, projectId, id,
                            ProjectDeidentification.details(report)));
                    return id;
                } catch (DicomRejectedException e) {
                    throw new RejectedDuringStore(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String held = jdbc.sql("SELECT burned_in_reason FROM image WHERE id = ? AND burned_in_status = 'PENDING'")
                    .param(imageId).query(String.class).optional().orElse(null);
            if (held != null) {
                audit.append(AuditEntry.of("truthline-intake", AuditEventType.IMAGE_HELD_FOR_BURNED_IN_REVIEW,
                        projectId, imageId, Map.of("reason", held)));
                return record(jobId, new ImportFileResult(name, "HELD", imageId, null,
                        QuarantineReason.BURNED_IN_ANNOTATION.name(), name + ": " + held));
            }
            ImportFileResult result = record(jobId, new ImportFileResult(name, "IMPORTED", imageId, null, null, null));
            events.publishEvent(new ImageImportedEvent(projectId, imageId, userId));
            return result;
        } catch (RejectedDuringStore e) {
            deleteQuietly(deidentifiedTemp, written[0], written[1]);
            return quarantines.quarantine(jobId, projectId, file, name, e.rejection.reason(),
                    e.rejection.getMessage(), userId);
        } catch (RuntimeException e) {
            deleteQuietly(deidentifiedTemp, written[0], written[1]);
            throw e;
        }
    }

    private long insertImage(long jobId, long projectId, String name, DicomSummary original, DicomSummary copy,
            DeidentificationReport report, String sha256, Path originalPath, Path deidentified, Path preview) {
        List<Object> imageValues = new ArrayList<>(Arrays.asList(projectId, copy.sopInstanceUid(),
                copy.studyInstanceUid(), copy.seriesInstanceUid(), copy.sopClassUid(), original.sopInstanceUid(),
                sha256, copy.modality(), copy.transferSyntaxUid(), copy.photometricInterpretation(), copy.rows(),
                copy.columns(), Math.max(1, copy.frames()), copy.bitsAllocated(), json(copy.windows()),
                originalPath.toString(), deidentified.toString(), preview.toString(),
                json(ProjectDeidentification.details(report)), name, jobId, OffsetDateTime.now()));
        // The copy's values, never the original's: the copy's Patient Name and ID are pseudonyms.
        imageValues.addAll(ProjectDeidentification.searchAttributeValues(report.searchAttributes()));
        jdbc.sql("""
                INSERT INTO image (project_id, sop_instance_uid, study_instance_uid, series_instance_uid, sop_class_uid,
                    original_sop_instance_uid, original_sha256, modality, transfer_syntax_uid, photometric_interpretation,
                    rows_count, columns_count, frame_count, bits_allocated, windows, original_path, deidentified_path,
                    preview_path, deidentification, source_name, import_id, created_at,
                    patient_name, patient_id, patient_birth_date, patient_sex, study_date, study_time, accession_number,
                    referring_physician_name, study_id, study_description, series_number, series_date, series_time,
                    series_description, instance_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(imageValues)
                .update();
        return jdbc.sql("SELECT id FROM image WHERE project_id = ? AND original_sop_instance_uid = ?")
                .params(projectId, original.sopInstanceUid()).query(Long.class).single();
    }

    private ImportFileResult record(long jobId, ImportFileResult result) {
        jdbc.sql("""
                INSERT INTO import_file (import_id, file_name, outcome, image_id, companion_object_id, reason_code,
                    reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jobId, result.fileName(), result.outcome(), result.imageId(), result.companionObjectId(),
                        result.reasonCode(), result.reason(), OffsetDateTime.now())
                .update();
        return result;
    }

    private static String burnedInReason(DicomSummary summary) {
        String flag = summary.burnedInAnnotation() == null ? "absent" : summary.burnedInAnnotation().strip();
        return "held for burned-in annotation review (BurnedInAnnotation " + flag + ", modality "
                + (summary.modality() == null ? "unknown" : summary.modality())
                + "); a lead clears the image or masks the text before contributors see it.";
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
                log.warn("Could not delete {} after a failed import step", path, e);
            }
        }
    }

    private static ImportJob mapJob(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getLong("id"), rs.getLong("project_id"), rs.getString("source"),
                rs.getString("status"), rs.getInt("total_files"), rs.getInt("processed_files"),
                rs.getInt("imported_files"), rs.getInt("quarantined_files"), rs.getInt("duplicate_files"),
                rs.getString("error"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("held_files"),
                rs.getInt("companion_files"));
    }

    @Override
    public void afterPropertiesSet() {
        interruptUnfinished();
    }

    /**
     * Marks every RUNNING import as INTERRUPTED, with an error message that gives how far it got and what to do.
     * It runs once at start-up, before this server creates any import, so every RUNNING import was left by an
     * earlier run. NOTE: this assumes one Truthline server per database.
     *
     * @return the ids of the imports marked
     */
    public List<Long> interruptUnfinished() {
        List<ImportJob> unfinished = jdbc.sql("SELECT * FROM import_job WHERE status = 'RUNNING' ORDER BY id")
                .query(ImportService::mapJob).list();
        OffsetDateTime now = OffsetDateTime.now();
        for (ImportJob job : unfinished) {
            String error = interruptedMessage(job) + " Start the import again; files it already imported are then "
                    + "recorded as duplicates.";
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                        UPDATE import_job SET status = ?, error = ?, finished_at = ?
                        WHERE id = ? AND status = 'RUNNING'""")
                        .params(INTERRUPTED, error, now, job.id()).update();
                audit.append(AuditEntry.of("truthline-intake", AuditEventType.IMPORT_FINISHED, job.projectId(), null,
                        Map.of("importId", job.id(), "status", INTERRUPTED, "processed", job.processedFiles(),
                                "total", job.totalFiles())));
            });
            log.warn("Import {} into project {} from {} was cut short by a server stop after {} of {} files; "
                    + "marked {}", job.id(), job.projectId(), job.source(), job.processedFiles(), job.totalFiles(),
                    INTERRUPTED);
        }
        return unfinished.stream().map(ImportJob::id).toList();
    }

    /**
     * Starts importing again the files of a spool folder that a server stop left behind, as a new import whose
     * source notes the restart. The interrupted import named in the manifest gets the new import's id in its
     * error message, and the manifest is rewritten to name the new import.
     */
    public ImportJob resumeSpooled(SpoolManifest manifest, Path folder, List<Path> files) {
        ImportJob job = startFiles(manifest.projectId(), folder, files,
                manifest.source() + " (resumed after a server restart)", manifest.userId());
        if (manifest.importId() != null) {
            markResumed(manifest.importId(), job.id());
        }
        manifest.withImportId(job.id()).write(folder);
        return job;
    }

    /**
     * Returns true when the import exists and ended by itself (COMPLETED or FAILED), so its spool folder was only
     * waiting to be deleted when the server stopped.
     */
    public boolean hasFinished(long importId) {
        return jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(importId).query(String.class).optional()
                .filter(status -> status.equals("COMPLETED") || status.equals("FAILED")).isPresent();
    }

    /** Replaces the advice to start an interrupted import again by the id of the import that resumes it. */
    private void markResumed(long interruptedImportId, long resumingImportId) {
        Optional<ImportJob> job = jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(interruptedImportId)
                .query(ImportService::mapJob).optional();
        if (job.isEmpty() || !INTERRUPTED.equals(job.get().status())) {
            return;
        }
        jdbc.sql("UPDATE import_job SET error = ? WHERE id = ?")
                .params(interruptedMessage(job.get()) + " Its spooled files are imported again by import "
                        + resumingImportId + ".", interruptedImportId)
                .update();
    }

    private static String interruptedMessage(ImportJob job) {
        String progress = job.totalFiles() == 0 ? "before it had listed its files"
                : "after " + job.processedFiles() + " of " + job.totalFiles() + " files";
        return "The Truthline server stopped before this import finished, " + progress + ".";
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
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
