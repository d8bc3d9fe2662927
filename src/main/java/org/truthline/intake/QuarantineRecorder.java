package org.truthline.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.dicom.DicomLimits;
import org.truthline.dicom.QuarantineReason;

/**
 * The quarantine side of an import: keeps a copy of each rejected file under {@code quarantine/}, adds or updates
 * its entry in {@code quarantine_item}, audits it and records the file's QUARANTINED result. Entries for
 * symbolic links, special files, missing DICOMDIR references and files too large to copy keep no copy.
 */
@Component
class QuarantineRecorder {

    private static final Logger log = LoggerFactory.getLogger(QuarantineRecorder.class);

    private final JdbcClient jdbc;
    private final StorageLayout storage;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final long maxFileBytes;

    QuarantineRecorder(JdbcClient jdbc, StorageLayout storage, AuditLog audit, TransactionTemplate transaction,
            DicomLimits limits) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.audit = audit;
        this.transaction = transaction;
        this.maxFileBytes = limits.maxFileBytes();
    }

    /**
     * Quarantines a file with its reason and records the file's result in the import. A project keeps one entry
     * per distinct content. When the same bytes were quarantined before, the existing entry counts another
     * attempt, takes the latest file name, reason and import, and keeps its copy of the file. A file larger than
     * {@code truthline.intake.max-file-bytes}, or one that cannot be read, gets an entry without a copy.
     */
    ImportFileResult quarantine(long jobId, long projectId, Path file, String name, QuarantineReason reason,
            String message, String userId) {
        String sha256;
        Optional<KeptQuarantine> earlier;
        Path kept;
        try {
            sha256 = BoundedFiles.sha256(file, maxFileBytes);
            earlier = keptQuarantine(projectId, sha256);
            Optional<Path> reusable = earlier.map(KeptQuarantine::keptPath).filter(Files::exists);
            kept = reusable.isPresent() ? reusable.get() : keepCopy(projectId, file);
        } catch (BoundedFiles.TooLargeException e) {
            return recordQuarantine(jobId, projectId, name, reason, message + " No copy is kept, because the file "
                    + "is larger than truthline.intake.max-file-bytes (" + maxFileBytes + " bytes).", null, null,
                    Optional.empty(), userId);
        } catch (IOException e) {
            log.warn("Import {}: no copy of quarantined file {} could be kept", jobId, name, e);
            return recordQuarantine(jobId, projectId, name, reason, message + " No copy is kept, because the file "
                    + "cannot be read (" + e.getMessage() + ").", null, null, Optional.empty(), userId);
        }
        return recordQuarantine(jobId, projectId, name, reason, message, sha256, kept, earlier, userId);
    }

    /** Records a quarantine entry for something that has no content to keep (a link, a special or missing file). */
    private ImportFileResult quarantineWithoutCopy(long jobId, long projectId, String name, QuarantineReason reason,
            String message, String userId) {
        return recordQuarantine(jobId, projectId, name, reason, message, null, null, Optional.empty(), userId);
    }

    /**
     * Adds or updates the quarantine entry and records the file's result, in one transaction.
     *
     * @param sha256 the content hash, or null for an entry without a copy
     * @param kept the kept copy, or null
     * @param earlier the entry for the same content, which counts another attempt
     */
    private ImportFileResult recordQuarantine(long jobId, long projectId, String name, QuarantineReason reason,
            String message, String sha256, Path kept, Optional<KeptQuarantine> earlier, String userId) {
        return transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now();
            String keptPath = kept == null ? null : kept.toString();
            long quarantineId;
            int attempts;
            if (earlier.isPresent()) {
                quarantineId = earlier.get().id();
                attempts = earlier.get().attempts() + 1;
                jdbc.sql("""
                        UPDATE quarantine_item SET import_id = ?, file_name = ?, kept_path = ?, reason_code = ?,
                            reason = ?, status = 'OPEN', attempts = attempts + 1, last_attempt_at = ?
                        WHERE id = ?""")
                        .params(jobId, name, keptPath, reason.name(), message, now, quarantineId).update();
            } else {
                attempts = 1;
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO quarantine_item (project_id, import_id, file_name, kept_path, reason_code, reason,
                            status, created_at, content_sha256, attempts, last_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 1, ?)""")
                        .params(projectId, jobId, name, keptPath, reason.name(), message, now, sha256, now)
                        .update(key, "id");
                quarantineId = key.getKey().longValue();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("importId", jobId);
            details.put("quarantineId", quarantineId);
            details.put("file", name);
            details.put("reasonCode", reason.name());
            details.put("reason", message);
            if (sha256 != null) {
                details.put("sha256", sha256);
            }
            details.put("attempt", attempts);
            audit.append(AuditEntry.of(userId, AuditEventType.IMAGE_QUARANTINED, projectId, null, details));
            log.warn("Import {}: {} quarantined ({}), attempt {} for quarantine entry {}", jobId, name, reason,
                    attempts, quarantineId);
            ImportFileResult result = new ImportFileResult(name, "QUARANTINED", null, null, reason.name(), message);
            jdbc.sql("""
                    INSERT INTO import_file (import_id, file_name, outcome, quarantine_id, reason_code, reason, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(jobId, name, result.outcome(), quarantineId, reason.name(), message, now)
                    .update();
            return result;
        });
    }

    private Optional<KeptQuarantine> keptQuarantine(long projectId, String sha256) {
        return jdbc.sql("""
                SELECT id, kept_path, attempts FROM quarantine_item WHERE project_id = ? AND content_sha256 = ?""")
                .params(projectId, sha256)
                .query((rs, n) -> new KeptQuarantine(rs.getLong("id"),
                        rs.getString("kept_path") == null ? null : Path.of(rs.getString("kept_path")),
                        rs.getInt("attempts")))
                .optional();
    }

    /** Copies a rejected file into the project's quarantine folder and returns the copy's path. */
    private Path keepCopy(long projectId, Path file) throws IOException {
        Path kept = storage.quarantine(projectId).resolve(UUID.randomUUID() + "-" + file.getFileName());
        BoundedFiles.copy(file, kept, maxFileBytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return kept;
    }

    /** The existing quarantine entry for a file content, with the path of its kept copy (null when none). */
    private record KeptQuarantine(long id, Path keptPath, int attempts) {
    }

    /**
     * Records a symbolic link without following it: its target may lie outside the imported folder, so neither
     * the target nor its first bytes are copied into Truthline.
     */
    ImportFileResult symbolicLink(long jobId, long projectId, String name, String userId) {
        log.warn("Import {}: {} is a symbolic link and was not followed", jobId, name);
        return quarantineWithoutCopy(jobId, projectId, name, QuarantineReason.SYMBOLIC_LINK,
                name + ": is a symbolic link, which intake does not follow; copy the file itself into the folder.",
                userId);
    }

    /** Records a FIFO, device or socket without opening it, because a read from it may block or never end. */
    ImportFileResult notRegularFile(long jobId, long projectId, Path file, String name, String userId) {
        String kind = SpecialFiles.describe(file);
        log.warn("Import {}: {} is {} and was not read", jobId, name, kind);
        return quarantineWithoutCopy(jobId, projectId, name, QuarantineReason.NOT_REGULAR_FILE, name + ": is "
                + kind + ", not a regular file, so intake did not read it; copy the DICOM file itself into the "
                + "folder.", userId);
    }

    /** Records a file that a DICOMDIR lists but that is missing, under its path relative to the import's root. */
    ImportFileResult missingReference(long jobId, long projectId, String name, String dicomdir,
            String userId) {
        return quarantineWithoutCopy(jobId, projectId, name, QuarantineReason.MISSING_REFERENCED_FILE, name
                + ": is listed in " + dicomdir + " but missing from the folder, so this object was not imported; "
                + "copy the file from the original medium or export and import the folder again (files already "
                + "imported are recorded as duplicates).", userId);
    }
}
