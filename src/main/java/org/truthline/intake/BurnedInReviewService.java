package org.truthline.intake;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomSummary;
import org.truthline.dicom.DicomToolkit;
import org.truthline.image.ImageService;

/**
 * The queue of images that may carry burned-in text (BurnedInAnnotation YES or absent, or a modality that
 * commonly burns text in). A lead either clears an image or masks rectangles on its de-identified copy; only then
 * does labeling start, so no contributor can view a held image. A decision can be reopened until work on the
 * image begins.
 */
@Service
public class BurnedInReviewService {

    private static final Logger log = LoggerFactory.getLogger(BurnedInReviewService.class);
    private static final String YES = "YES";

    private final JdbcClient jdbc;
    private final DicomToolkit dicom;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final LabelingWithdrawal labeling;
    private final BurnedInQueue queue;
    private final int thumbnailSize;

    public BurnedInReviewService(JdbcClient jdbc, DicomToolkit dicom, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate transaction, LabelingWithdrawal labeling,
            BurnedInQueue queue,
            @Value("${truthline.intake.thumbnail-size:" + StorageLayout.DEFAULT_THUMBNAIL_SIZE + "}") int thumbnailSize) {
        this.thumbnailSize = StorageLayout.checkThumbnailSize(thumbnailSize);
        this.jdbc = jdbc;
        this.dicom = dicom;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.labeling = labeling;
        this.queue = queue;
    }

    /** Returns the project's held images in import order. */
    public List<HeldImage> pending(long projectId) {
        return queue.pending(projectId);
    }

    /** Returns the series of the project that have held images, with how many, ordered by study and series. */
    public List<HeldSeries> heldSeries(long projectId) {
        return queue.heldSeries(projectId);
    }

    /** Returns the project's latest burned-in annotation decisions (cleared or masked images), newest first. */
    public List<DecidedImage> decided(long projectId, int limit) {
        return queue.decided(projectId, limit);
    }

    /**
     * Records that the image carries no burned-in identifying text and starts its labeling. The de-identified
     * copy is left unchanged, so it keeps the original's Burned In Annotation value.
     *
     * @throws NoteRequiredException when the note is blank and the original's Burned In Annotation is YES
     * @throws BurnedInReviewConflictException when the image is not held for review
     */
    public void clear(long imageId, String userId, String note) {
        Held held = held(imageId);
        String flag = originalBurnedInAnnotation(imageId, held.original());
        String text = note == null ? "" : note.strip();
        if (YES.equals(flag) && text.isEmpty()) {
            throw new NoteRequiredException("A note is required to clear image " + imageId + ", because its "
                    + "original's Burned In Annotation (0028,0301) is YES, which marks its pixels as showing "
                    + "identifying text. Write in note what you checked in the pixels, or mask the text instead.");
        }
        transaction.executeWithoutResult(status -> {
            decide(imageId, "CLEARED", userId);
            audit.append(AuditEntry.of(userId, AuditEventType.BURNED_IN_CLEARED, held.projectId(), imageId,
                    Map.of("note", text, "originalBurnedInAnnotation", describe(flag))));
        });
        log.info("Image {} cleared of burned-in annotation by {}", imageId, userId);
        events.publishEvent(new ImageImportedEvent(held.projectId(), imageId, userId));
    }

    /**
     * Clears the held images of a study, or of one of its series, in one decision with one note, for series
     * such as a CT or MR whose images lack Burned In Annotation and show no text. An image whose original's
     * Burned In Annotation is YES stays held, because it needs its own decision, and so does one that another
     * lead decided meanwhile. Each cleared image gets its own {@code BURNED_IN_CLEARED} audit entry and starts
     * labeling, which happens before this method returns.
     *
     * @param seriesInstanceUid the series to clear, or null for every series of the study
     * @throws NoteRequiredException when the note is blank
     * @throws IllegalArgumentException when the study UID is blank, or the project has no image in that study
     *     or series
     */
    public BulkClearance clearAll(long projectId, String studyInstanceUid, String seriesInstanceUid, String userId,
            String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new NoteRequiredException("A note is required to clear several images in one decision: write "
                    + "what you checked, for example that you looked through every image of the series.");
        }
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
            throw new IllegalArgumentException("studyInstanceUid is missing: give the study of the images to clear, "
                    + "as GET /api/projects/" + projectId + "/burned-in-queue lists it.");
        }
        String series = seriesInstanceUid == null || seriesInstanceUid.isBlank() ? null : seriesInstanceUid;
        List<Object> params = new ArrayList<>(List.of(projectId, studyInstanceUid));
        String seriesCondition = "";
        if (series != null) {
            seriesCondition = " AND series_instance_uid = ?";
            params.add(series);
        }
        List<Candidate> images = jdbc.sql("SELECT id, source_name, burned_in_status, original_path FROM image"
                + " WHERE project_id = ? AND study_instance_uid = ?" + seriesCondition + " ORDER BY id")
                .params(params)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("source_name"),
                        rs.getString("burned_in_status"), Path.of(rs.getString("original_path")), null))
                .list();
        if (images.isEmpty()) {
            throw new IllegalArgumentException("Project " + projectId + " has no image in study " + studyInstanceUid
                    + (series == null ? "" : " and series " + series) + "; take the UIDs of the de-identified "
                    + "copies from GET /api/projects/" + projectId + "/burned-in-queue.");
        }

        List<BulkClearance.SkippedImage> skipped = new ArrayList<>();
        List<Candidate> toClear = new ArrayList<>();
        for (Candidate image : images.stream().filter(i -> "PENDING".equals(i.status())).toList()) {
            String flag = originalBurnedInAnnotation(image.id(), image.original());
            if (YES.equals(flag)) {
                skipped.add(new BulkClearance.SkippedImage(image.id(), image.fileName(), "The original's Burned In "
                        + "Annotation (0028,0301) is YES, so the image needs its own decision: clear it with a note "
                        + "of its own, or mask the text."));
            } else {
                toClear.add(image.withFlag(flag));
            }
        }

        List<Long> cleared = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (Candidate image : toClear) {
                if (!tryDecide(image.id(), "CLEARED", userId)) {
                    skipped.add(new BulkClearance.SkippedImage(image.id(), image.fileName(), "Another decision on "
                            + "the image was made meanwhile."));
                    continue;
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("note", text);
                details.put("originalBurnedInAnnotation", describe(image.flag()));
                details.put("bulk", true);
                details.put("studyInstanceUid", studyInstanceUid);
                details.put("seriesInstanceUid", series == null ? "" : series);
                audit.append(AuditEntry.of(userId, AuditEventType.BURNED_IN_CLEARED, projectId, image.id(),
                        details));
                cleared.add(image.id());
            }
        });
        log.info("{} images of study {} series {} in project {} cleared in one decision by {}; {} left held",
                cleared.size(), studyInstanceUid, series == null ? "(all)" : series, projectId, userId,
                skipped.size());
        for (long imageId : cleared) {
            events.publishEvent(new ImageImportedEvent(projectId, imageId, userId));
        }
        int notHeld = (int) images.stream().filter(i -> !"PENDING".equals(i.status())).count();
        return new BulkClearance(List.copyOf(cleared), List.copyOf(skipped), notHeld);
    }

    /**
     * Puts a cleared or masked image back into the review queue and withdraws its labeling, as long as no
     * contributor has been served the image or submitted work on it (see {@link LabelingWithdrawal}). Until a
     * new decision, only lead and admin see the image again. A masked copy stays masked, because its unmasked
     * copy no longer exists, so a new decision can mask more of it or clear it.
     *
     * @throws NoteRequiredException when the note is blank
     * @throws BurnedInReviewConflictException when the image has no decision to reopen or work on it has begun
     */
    public void reopen(long imageId, String userId, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new NoteRequiredException("A note is required to reopen the burned-in annotation decision on image "
                    + imageId + ": write in note why the decision must be made again.");
        }
        Decision previous = jdbc.sql("""
                SELECT project_id, burned_in_status, burned_in_decided_by FROM image WHERE id = ?""").param(imageId)
                .query((rs, n) -> new Decision(rs.getLong("project_id"), rs.getString("burned_in_status"),
                        rs.getString("burned_in_decided_by")))
                .optional().orElseThrow(() -> new org.truthline.image.ImageNotFoundException(imageId));
        if (!"CLEARED".equals(previous.status()) && !"MASKED".equals(previous.status())) {
            throw new BurnedInReviewConflictException("Image " + imageId + " has no burned-in annotation decision to "
                    + "reopen (status " + previous.status() + "); only a cleared or masked image can be reopened.");
        }
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    UPDATE image SET burned_in_status = 'PENDING', burned_in_decided_by = NULL,
                                     burned_in_decided_at = NULL
                    WHERE id = ? AND burned_in_status = ?""").params(imageId, previous.status()).update();
            if (updated != 1) {
                throw new BurnedInReviewConflictException("The burned-in annotation decision on image " + imageId
                        + " changed a moment ago; reload the decisions and try again.");
            }
            LabelingWithdrawal.Withdrawn withdrawn = labeling.withdraw(imageId,
                    "Burned-in annotation decision reopened by " + userId);
            audit.append(AuditEntry.of(userId, AuditEventType.BURNED_IN_REOPENED, previous.projectId(), imageId,
                    Map.of("note", text, "previousDecision", previous.status(),
                            "previousDecidedBy", String.valueOf(previous.decidedBy()),
                            "withdrawnProcessInstances", withdrawn.processInstanceIds(),
                            "withdrawnContributors", withdrawn.contributors())));
        });
        log.info("Burned-in annotation decision {} on image {} reopened by {}", previous.status(), imageId, userId);
    }

    /**
     * Returns whether the original's Burned In Annotation is YES, in which case clearing the image needs a note.
     *
     * @throws org.truthline.image.ImageNotFoundException when the image does not exist
     */
    public boolean originalMarksBurnedIn(long imageId) {
        Path original = jdbc.sql("SELECT original_path FROM image WHERE id = ?").param(imageId)
                .query((rs, n) -> Path.of(rs.getString("original_path"))).optional()
                .orElseThrow(() -> new org.truthline.image.ImageNotFoundException(imageId));
        return YES.equals(originalBurnedInAnnotation(imageId, original));
    }

    /** Reads the original's Burned In Annotation, trimmed and in upper case, or an empty string when absent. */
    private String originalBurnedInAnnotation(long imageId, Path original) {
        try {
            String flag = dicom.read(original).burnedInAnnotation();
            return flag == null ? "" : flag.strip().toUpperCase(Locale.ROOT);
        } catch (DicomRejectedException e) {
            throw new IllegalStateException("Cannot read the header of the original of image " + imageId + ": "
                    + e.getMessage(), e);
        }
    }

    private static String describe(String flag) {
        return flag.isEmpty() ? "absent" : flag;
    }

    /**
     * Blanks the rectangles (image pixels, every frame) on the de-identified copy and starts labeling. The masked
     * copy is a new object with a new SOP Instance UID, stored under that UID with a new thumbnail, and the image
     * row, the project's UID map and the audit entry name the new UID. The unmasked copy, its thumbnail and its
     * cached rendering are deleted. The original stays in the restricted store.
     *
     * <p>NOTE: companion objects and other images stored before the masking keep the old UID in their references
     * (for example an SR's content tree or a presentation state's Referenced Image Sequence). Files imported
     * later get the new UID through the UID map.
     *
     * @throws IllegalArgumentException when no rectangle is given or one lies outside the image
     * @throws BurnedInReviewConflictException when the image is not held for review
     */
    public void mask(long imageId, List<Rectangle> rectangles, String userId) {
        Held held = held(imageId);
        if (rectangles == null || rectangles.isEmpty()) {
            throw new IllegalArgumentException("Give at least one rectangle to mask, or clear the image instead.");
        }
        String maskedUid = ProjectUidRemapper.newUid();
        Path maskedCopy = held.deidentified().resolveSibling(maskedUid + ".dcm");
        Path maskedPreview = held.preview().resolveSibling(maskedUid + ".png");
        List<Map<String, Integer>> boxes = rectangles.stream()
                .map(r -> Map.of("x", r.x, "y", r.y, "width", r.width, "height", r.height)).toList();
        try {
            dicom.maskRectangles(held.deidentified(), maskedCopy, rectangles, maskedUid);
            // Masking may decompress the copy and convert its colour, so the stored description follows it.
            DicomSummary masked = dicom.read(maskedCopy);
            Files.write(maskedPreview, dicom.renderThumbnail(maskedCopy, thumbnailSize));
            transaction.executeWithoutResult(status -> {
                decide(imageId, "MASKED", userId);
                jdbc.sql("""
                        UPDATE image SET sop_instance_uid = ?, deidentified_path = ?, preview_path = ?,
                                         transfer_syntax_uid = ?, photometric_interpretation = ?
                        WHERE id = ?""")
                        .params(maskedUid, maskedCopy.toString(), maskedPreview.toString(),
                                masked.transferSyntaxUid(), masked.photometricInterpretation(), imageId)
                        .update();
                jdbc.sql("UPDATE uid_map SET mapped_uid = ? WHERE project_id = ? AND mapped_uid = ?")
                        .params(maskedUid, held.projectId(), held.sopInstanceUid()).update();
                audit.append(AuditEntry.of(userId, AuditEventType.BURNED_IN_MASKED, held.projectId(), imageId,
                        Map.of("rectangles", boxes, "previousSopInstanceUid", held.sopInstanceUid(),
                                "sopInstanceUid", maskedUid)));
            });
        } catch (DicomRejectedException e) {
            deleteQuietly(maskedCopy, maskedPreview);
            throw new IllegalStateException("Masking image " + imageId + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(maskedCopy, maskedPreview);
            throw new UncheckedIOException("Cannot write the masked copy of image " + imageId + " to "
                    + maskedCopy.getParent(), e);
        } catch (RuntimeException e) {
            deleteQuietly(maskedCopy, maskedPreview);
            throw e;
        }
        deleteQuietly(held.deidentified(), held.preview(), ImageService.firstFrameCache(held.preview()));
        log.info("Image {} masked ({} rectangles) by {}: SOP Instance UID {} replaced by {}", imageId,
                rectangles.size(), userId, held.sopInstanceUid(), maskedUid);
        events.publishEvent(new ImageImportedEvent(held.projectId(), imageId, userId));
    }

    private static void deleteQuietly(Path... files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete {}, which no image row refers to any more; delete it by hand", file, e);
            }
        }
    }

    /** Records a decision on a held image, and returns false when the image is no longer held. */
    private boolean tryDecide(long imageId, String status, String userId) {
        return jdbc.sql("""
                UPDATE image SET burned_in_status = ?, burned_in_decided_by = ?, burned_in_decided_at = ?
                WHERE id = ? AND burned_in_status = 'PENDING'""")
                .params(status, userId, OffsetDateTime.now(), imageId).update() == 1;
    }

    private void decide(long imageId, String status, String userId) {
        if (!tryDecide(imageId, status, userId)) {
            throw new BurnedInReviewConflictException("Image " + imageId + " was reviewed by someone else a moment "
                    + "ago; reload the burned-in review queue.");
        }
    }

    private Held held(long imageId) {
        Held held = jdbc.sql("""
                SELECT project_id, burned_in_status, sop_instance_uid, original_path, deidentified_path, preview_path
                FROM image WHERE id = ?""")
                .param(imageId)
                .query((rs, n) -> new Held(rs.getLong("project_id"), rs.getString("burned_in_status"),
                        rs.getString("sop_instance_uid"), Path.of(rs.getString("original_path")),
                        Path.of(rs.getString("deidentified_path")), Path.of(rs.getString("preview_path"))))
                .optional().orElseThrow(() -> new org.truthline.image.ImageNotFoundException(imageId));
        if (!"PENDING".equals(held.status())) {
            throw new BurnedInReviewConflictException("Image " + imageId + " is not held for burned-in annotation "
                    + "review (status " + held.status() + "). To decide again, reopen the decision first.");
        }
        return held;
    }

    private record Held(long projectId, String status, String sopInstanceUid, Path original, Path deidentified,
            Path preview) {
    }

    private record Decision(long projectId, String status, String decidedBy) {
    }

    /** An image of a bulk clearance, with its original's Burned In Annotation once read (null before). */
    private record Candidate(long id, String fileName, String status, Path original, String flag) {

        Candidate withFlag(String originalFlag) {
            return new Candidate(id, fileName, status, original, originalFlag);
        }
    }
}
