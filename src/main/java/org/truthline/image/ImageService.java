package org.truthline.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.WindowSetting;
import org.truthline.identity.Role;
import org.truthline.identity.UserDirectory;
import org.truthline.process.EngineAuthentication;
import org.truthline.process.ProcessVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads de-identified images and their previews, enforcing who may see what: lead and admin see every
 * de-identified image; other staff roles every image that is not held for burned-in annotation review; a
 * contributor only images it was assigned (an {@code assignment} row) and that are not held, and a
 * gold-standard image only while its own qualification case task for that image is open; originals only
 * {@code admin}.
 */
@Service
public class ImageService {

    private static final Set<Role> STAFF = Set.of(Role.LEAD, Role.EXPERT, Role.ADJUDICATOR, Role.AUDITOR, Role.ADMIN);
    /** The roles that review held images, so they see an image while it may still show burned-in text. */
    public static final Set<Role> BURNED_IN_REVIEWERS = Set.of(Role.LEAD, Role.ADMIN);
    private static final int RECORD_OPENED_BATCH = 1000;

    /** The contributor-training task in which a contributor grades one gold-standard case. */
    static final String QUALIFICATION_CASE_TASK = "Task_AnnotateQualificationCase";

    private final JdbcClient jdbc;
    private final DicomToolkit dicom;
    private final UserDirectory users;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final TaskService taskService;
    private final IdentityService identityService;

    public ImageService(JdbcClient jdbc, DicomToolkit dicom, UserDirectory users, ObjectMapper mapper,
            AuditLog audit, TaskService taskService, IdentityService identityService) {
        this.jdbc = jdbc;
        this.dicom = dicom;
        this.users = users;
        this.mapper = mapper;
        this.audit = audit;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    public ImageRecord get(long imageId) {
        return jdbc.sql("""
                SELECT id, project_id, sop_instance_uid, modality, rows_count, columns_count, frame_count, windows
                FROM image WHERE id = ?""").param(imageId)
                .query((rs, n) -> new ImageRecord(rs.getLong("id"), rs.getLong("project_id"),
                        rs.getString("sop_instance_uid"), rs.getString("modality"), rs.getInt("rows_count"),
                        rs.getInt("columns_count"), rs.getInt("frame_count"), windows(rs.getString("windows"))))
                .optional().orElseThrow(() -> new ImageNotFoundException(imageId));
    }

    /** Returns the image's metadata after checking that the user may see it. */
    public ImageRecord get(long imageId, String userId) {
        ImageRecord image = get(imageId);
        checkCanView(imageId, userId);
        return image;
    }

    /**
     * Renders one frame of the de-identified copy at full size. The first frame with the file's own window is
     * rendered once and cached next to the intake thumbnail. It is rendered again when the copy is newer, for
     * example after masking. Other frames and windows are rendered on each request.
     */
    public byte[] renderPng(long imageId, int frame, WindowSetting window, String userId) {
        ImageRecord image = get(imageId);
        checkCanView(imageId, userId);
        if (frame < 0 || frame >= image.frames()) {
            throw new IllegalArgumentException("Frame " + frame + " does not exist: image " + imageId + " has "
                    + image.frames() + " frame(s), numbered 0 to " + (image.frames() - 1) + ".");
        }
        if (window != null && !(window.width() >= 1)) {
            throw new IllegalArgumentException("Window width must be at least 1, not " + window.width() + ".");
        }
        Paths paths = paths(imageId);
        try {
            if (frame == 0 && window == null) {
                return cachedFirstFrame(paths);
            }
            return dicom.renderPng(paths.deidentified(), frame, window);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the preview of image " + imageId, e);
        } catch (DicomRejectedException e) {
            throw new IllegalStateException("Image " + imageId + " cannot be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the thumbnail stored at intake: frame 0 with the image's own window, at most {@code
     * truthline.intake.thumbnail-size} pixels on its longest side.
     */
    public byte[] thumbnailPng(long imageId, String userId) {
        get(imageId);
        checkCanView(imageId, userId);
        Path thumbnail = paths(imageId).preview();
        try {
            return Files.readAllBytes(thumbnail);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the thumbnail of image " + imageId + " at " + thumbnail, e);
        }
    }

    /** Returns where the full-size rendering of frame 0 is cached for an image with this intake thumbnail. */
    public static Path firstFrameCache(Path thumbnail) {
        String name = thumbnail.getFileName().toString();
        return thumbnail.resolveSibling(name.replaceFirst("\\.png$", "") + ".full.png");
    }

    private byte[] cachedFirstFrame(Paths paths) throws IOException, DicomRejectedException {
        Path cached = firstFrameCache(paths.preview());
        if (Files.exists(cached)
                && Files.getLastModifiedTime(cached).compareTo(Files.getLastModifiedTime(paths.deidentified())) >= 0) {
            return Files.readAllBytes(cached);
        }
        byte[] png = dicom.renderPng(paths.deidentified(), 0, null);
        Path temporary = Files.createTempFile(cached.getParent(), ".render-", ".png");
        try {
            Files.write(temporary, png);
            Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return png;
    }

    /** Returns the path of the original (PHI-bearing) file; admin only, and every access is audited. */
    public Path originalFile(long imageId, String userId) {
        ImageRecord image = get(imageId);
        if (!roles(userId).contains(Role.ADMIN)) {
            throw new ImageAccessDeniedException("Original files hold patient-identifying data; only the admin "
                    + "role may download them. Use GET /api/images/" + imageId + "/preview for the de-identified image.");
        }
        audit.append(AuditEntry.of(userId, AuditEventType.ORIGINAL_ACCESSED, image.projectId(), imageId, Map.of()));
        return paths(imageId).original();
    }

    /**
     * Throws {@link ImageAccessDeniedException} unless the user may see the image's de-identified copy. When the
     * user may, records the first view on the user's assignment for the image, if there is one.
     */
    public void checkCanView(long imageId, String userId) {
        checkAccess(imageId, userId);
        recordOpened(List.of(imageId), userId);
    }

    /**
     * Records that the images were served to the user: sets {@code opened_at} on the user's assignments for them
     * that have none yet. A lead may reopen a burned-in annotation decision only while no assignment of the image
     * is opened.
     */
    public void recordOpened(Collection<Long> imageIds, String userId) {
        if (userId == null) {
            return;
        }
        List<Long> ids = List.copyOf(imageIds);
        OffsetDateTime now = OffsetDateTime.now();
        // Batches keep the statement within the bind parameter limits of the databases (32767 in PostgreSQL).
        for (int from = 0; from < ids.size(); from += RECORD_OPENED_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + RECORD_OPENED_BATCH));
            List<Object> params = new ArrayList<>();
            params.add(now);
            params.add(userId);
            params.addAll(batch);
            jdbc.sql("UPDATE assignment SET opened_at = ? WHERE contributor = ? AND opened_at IS NULL AND image_id IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")").params(params).update();
        }
    }

    private void checkAccess(long imageId, String userId) {
        Set<Role> roles = roles(userId);
        if (roles.stream().anyMatch(BURNED_IN_REVIEWERS::contains)) {
            return;
        }
        boolean held = isHeld(imageId);
        if (roles.stream().anyMatch(STAFF::contains)) {
            if (held) {
                throw new ImageAccessDeniedException("Image " + imageId + " is held for burned-in annotation review; "
                        + "only lead and admin see it until a lead clears it or masks its text.");
            }
            return;
        }
        if (roles.contains(Role.CONTRIBUTOR) && !held) {
            // Rows of status TRAINING, written by earlier versions for every gold case of a training, give no
            // access: a gold image is visible only through the open task checked below.
            boolean assigned = jdbc.sql(
                    "SELECT COUNT(*) FROM assignment WHERE image_id = ? AND contributor = ? AND status <> 'TRAINING'")
                    .params(imageId, userId).query(Integer.class).single() > 0;
            if (assigned || hasOpenQualificationCase(imageId, userId)) {
                return;
            }
        }
        throw new ImageAccessDeniedException("Image " + imageId + " is not assigned to " + userId
                + "; contributors see only the images they are assigned to label, and a gold-standard image only"
                + " while their qualification case for it is open.");
    }

    /**
     * Returns true when one of the contributor's open qualification case tasks grades a gold-standard case of
     * this image. Only tasks assigned to the user count, and the look-up runs without the user's engine
     * authentication so that Camunda authorizations cannot hide the user's own task.
     */
    private boolean hasOpenQualificationCase(long imageId, String userId) {
        List<Long> goldCaseIds = EngineAuthentication.asSystem(identityService, () -> taskService.createTaskQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_CONTRIBUTOR_TRAINING)
                .taskDefinitionKey(QUALIFICATION_CASE_TASK)
                .taskAssignee(userId)
                .active()
                .list().stream()
                .map(task -> taskService.getVariable(task.getId(), ProcessVariables.GOLD_CASE_ID))
                .filter(Objects::nonNull)
                .map(id -> Long.parseLong(String.valueOf(id)))
                .toList());
        if (goldCaseIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM gold_case WHERE image_id = :image AND id IN (:cases)")
                .param("image", imageId).param("cases", goldCaseIds).query(Integer.class).single() > 0;
    }

    private boolean isHeld(long imageId) {
        return jdbc.sql("SELECT COUNT(*) FROM image WHERE id = ? AND burned_in_status = 'PENDING'").param(imageId)
                .query(Integer.class).single() > 0;
    }

    private Set<Role> roles(String userId) {
        return userId == null ? Set.of() : users.rolesOf(userId);
    }

    private Paths paths(long imageId) {
        return jdbc.sql("SELECT original_path, deidentified_path, preview_path FROM image WHERE id = ?").param(imageId)
                .query((rs, n) -> new Paths(Path.of(rs.getString("original_path")),
                        Path.of(rs.getString("deidentified_path")), Path.of(rs.getString("preview_path"))))
                .single();
    }

    private List<WindowSetting> windows(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<WindowSetting>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored windows are not valid JSON: " + json, e);
        }
    }

    private record Paths(Path original, Path deidentified, Path preview) {
    }
}
