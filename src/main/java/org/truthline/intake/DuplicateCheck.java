package org.truthline.intake;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.truthline.dicom.DataSetDigest;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomToolkit;

/**
 * Decides what a file whose SOP Instance UID is already in the project is: the same object again, or a conflict.
 * Images and companion objects are searched together, because their copies share the working store and
 * DICOMweb, where one UID names one object.
 *
 * <p>Whole files are compared first, by the SHA-256 of the original. Files that differ are compared by their
 * data sets ({@link DataSetDigest}), so a File Meta Information written by another receiver (its Source
 * Application Entity Title names the sender) or another encoding of the same values is still the same object.
 * The stored original's data set digest is computed on the first such comparison and kept in the database.
 */
@Component
class DuplicateCheck {

    private static final Logger log = LoggerFactory.getLogger(DuplicateCheck.class);

    private final JdbcClient jdbc;
    private final DicomToolkit dicom;

    DuplicateCheck(JdbcClient jdbc, DicomToolkit dicom) {
        this.jdbc = jdbc;
        this.dicom = dicom;
    }

    /** An image or companion object already in the project, found by its original SOP Instance UID. */
    record StoredInstance(boolean companion, long id, String originalSha256, Path originalPath,
            String originalDataSetSha256, String originalTransferSyntaxUid) {

        String describe() {
            return (companion ? "companion object " : "image ") + id;
        }

        String table() {
            return companion ? "companion_object" : "image";
        }
    }

    /**
     * The result of comparing a file with the stored object of the same SOP Instance UID.
     *
     * @param duplicate true when the file is the stored object again
     * @param message the file's result reason, starting with its name
     */
    record Verdict(StoredInstance stored, boolean duplicate, String message) {
    }

    Optional<StoredInstance> find(long projectId, String originalSopInstanceUid) {
        return jdbc.sql("""
                SELECT FALSE AS companion, id, original_sha256, original_path, original_dataset_sha256,
                    original_transfer_syntax_uid
                FROM image WHERE project_id = ? AND original_sop_instance_uid = ?
                UNION ALL
                SELECT TRUE AS companion, id, original_sha256, original_path, original_dataset_sha256,
                    original_transfer_syntax_uid
                FROM companion_object WHERE project_id = ? AND original_sop_instance_uid = ?""")
                .params(projectId, originalSopInstanceUid, projectId, originalSopInstanceUid)
                .query((rs, n) -> new StoredInstance(rs.getBoolean("companion"), rs.getLong("id"),
                        rs.getString("original_sha256"), Path.of(rs.getString("original_path")),
                        rs.getString("original_dataset_sha256"), rs.getString("original_transfer_syntax_uid")))
                .list().stream().findFirst();
    }

    /**
     * Compares a file with the stored object.
     *
     * @param fileSha256 the SHA-256 of the whole file
     * @throws DicomRejectedException when the file's data set cannot be read for the comparison
     */
    Verdict compare(StoredInstance stored, Path file, String name, String fileSha256) throws DicomRejectedException {
        if (stored.originalSha256().equals(fileSha256)) {
            return new Verdict(stored, true, name + ": identical to " + stored.describe()
                    + " already in the project; ignored.");
        }
        DataSetDigest incoming = dicom.digestDataSet(file);
        DataSetDigest original;
        try {
            original = storedDigest(stored);
        } catch (DicomRejectedException e) {
            log.warn("The original of {} cannot be read to compare it with {}: {}", stored.describe(), name,
                    e.getMessage());
            return new Verdict(stored, false, name + ": has the SOP Instance UID of " + stored.describe()
                    + ", whose original cannot be read to compare the two (" + e.getMessage() + ")"
                    + conflictAdvice(stored));
        }
        String incomingSyntax = dicom.describeTransferSyntax(incoming.transferSyntaxUid());
        String storedSyntax = dicom.describeTransferSyntax(original.transferSyntaxUid());
        boolean sameSyntax = incoming.transferSyntaxUid().equals(original.transferSyntaxUid());
        if (incoming.sha256().equals(original.sha256())) {
            return new Verdict(stored, true, name + ": same data set as " + stored.describe()
                    + " already in the project; only the File Meta Information or the encoding differs"
                    + (sameSyntax ? "" : " (transfer syntax " + incomingSyntax + ", stored one " + storedSyntax + ")")
                    + ". Ignored.");
        }
        if (!sameSyntax) {
            return new Verdict(stored, false, name + ": has the SOP Instance UID of " + stored.describe()
                    + " in transfer syntax " + incomingSyntax + ", but the stored one is in " + storedSyntax
                    + " and their data sets differ" + conflictAdvice(stored));
        }
        return new Verdict(stored, false, name + ": has the SOP Instance UID of " + stored.describe()
                + " and the same transfer syntax (" + incomingSyntax + "), but a different data set"
                + conflictAdvice(stored));
    }

    private static String conflictAdvice(StoredInstance stored) {
        return ". " + capitalize(stored.describe()) + " stays in use, and this file is kept in quarantine for "
                + "comparison. Truthline cannot replace or delete a stored object, so to use this version "
                + "instead, import its study into a new project.";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Returns the stored original's data set digest, computing and keeping it on first use. */
    private DataSetDigest storedDigest(StoredInstance stored) throws DicomRejectedException {
        if (stored.originalDataSetSha256() != null && stored.originalTransferSyntaxUid() != null) {
            return new DataSetDigest(stored.originalDataSetSha256(), stored.originalTransferSyntaxUid());
        }
        DataSetDigest digest = dicom.digestDataSet(stored.originalPath());
        jdbc.sql("UPDATE " + stored.table()
                + " SET original_dataset_sha256 = ?, original_transfer_syntax_uid = ? WHERE id = ?")
                .params(digest.sha256(), digest.transferSyntaxUid(), stored.id()).update();
        return digest;
    }
}
