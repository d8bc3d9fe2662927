package org.truthline.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects: their settings, their taxonomy and their progress by stage. */
@Service
public class ProjectService {

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, p.taxonomy_id, t.taxonomy_key, t.version, p.readers_per_image,
                   p.review_rate, p.min_reviewed_items
            FROM project p JOIN taxonomy t ON t.id = p.taxonomy_id""";

    private final JdbcClient jdbc;
    private final TaxonomyRegistry taxonomies;
    private final AuditLog audit;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;

    public ProjectService(JdbcClient jdbc, TaxonomyRegistry taxonomies, AuditLog audit, TaskService tasks,
            IdentityService identity, RuntimeService runtime) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.taxonomies = taxonomies;
        this.audit = audit;
        this.tasks = tasks;
        this.identity = identity;
    }

    public List<ProjectSummary> list() {
        return jdbc.sql(SELECT + " ORDER BY p.name").query(ProjectService::map).list();
    }

    public ProjectSummary get(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(ProjectService::map).optional()
                .orElseThrow(() -> new ProjectNotFoundException(id));
    }

    /** Creates a project under the latest version of the named taxonomy file. */
    @Transactional
    public ProjectSummary create(NewProject request, String createdBy) {
        long taxonomyId = taxonomies.register(request.taxonomyKey());
        try {
            jdbc.sql("""
                    INSERT INTO project (name, description, taxonomy_id, readers_per_image, review_rate,
                        min_reviewed_items, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(request.name().strip(), request.description(), taxonomyId,
                            request.readersPerImage() == null ? 2 : request.readersPerImage(),
                            request.reviewRate() == null ? 0.1 : request.reviewRate(),
                            request.minReviewedItems() == null ? 5 : request.minReviewedItems(),
                            OffsetDateTime.now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("A project named '" + request.name().strip()
                    + "' already exists; choose another name.", e);
        }
        ProjectSummary project = jdbc.sql(SELECT + " WHERE p.name = ?").param(request.name().strip())
                .query(ProjectService::map).single();
        audit.append(AuditEntry.of(createdBy, AuditEventType.PROJECT_CREATED, project.id(), null,
                Map.of("name", project.name(), "taxonomy", project.taxonomyKey() + " v" + project.taxonomyVersion())));
        return project;
    }

    /** Replaces the project's sampling settings; audited with the old and new values. */
    @Transactional
    public ProjectSummary updateSamplingPlan(long projectId, SamplingPlan plan, String changedBy) {
        ProjectSummary before = get(projectId);
        jdbc.sql("UPDATE project SET review_rate = ?, min_reviewed_items = ?, readers_per_image = ? WHERE id = ?")
                .params(plan.reviewRate(), plan.minReviewedItems(), plan.readersPerImage(), projectId).update();
        audit.append(AuditEntry.of(changedBy, AuditEventType.SAMPLING_PLAN_CHANGED, projectId, null, Map.of(
                "before", Map.of("reviewRate", before.reviewRate(), "minReviewedItems", before.minReviewedItems(),
                        "readersPerImage", before.readersPerImage()),
                "after", Map.of("reviewRate", plan.reviewRate(), "minReviewedItems", plan.minReviewedItems(),
                        "readersPerImage", plan.readersPerImage()))));
        return get(projectId);
    }

    public DeidentificationSettings deidentification(long projectId) {
        get(projectId);
        return jdbc.sql("""
                SELECT deid_retain_dates, deid_retain_patient_characteristics, deid_clean_descriptors,
                    deid_clean_structured_content
                FROM project WHERE id = ?""").param(projectId)
                .query((rs, n) -> new DeidentificationSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .single();
    }

    /** Replaces the project's de-identification options for files imported from now on; audited. */
    @Transactional
    public DeidentificationSettings updateDeidentification(long projectId, DeidentificationSettings settings,
            String changedBy) {
        DeidentificationSettings before = deidentification(projectId);
        jdbc.sql("""
                UPDATE project SET deid_retain_dates = ?, deid_retain_patient_characteristics = ?,
                    deid_clean_descriptors = ?, deid_clean_structured_content = ? WHERE id = ?""")
                .params(settings.retainLongitudinalTemporalInformationModifiedDates(),
                        settings.retainPatientCharacteristics(), settings.cleanDescriptors(),
                        settings.cleanStructuredContent(), projectId)
                .update();
        audit.append(AuditEntry.of(changedBy, AuditEventType.DEIDENTIFICATION_OPTIONS_CHANGED, projectId, null,
                Map.of("before", before, "after", settings)));
        return deidentification(projectId);
    }

    /**
     * Returns the project's secret salt for per-patient date shifts, creating it on first use. Only intake reads
     * it; it never leaves the server.
     */
    @Transactional
    public String dateShiftSalt(long projectId) {
        String salt = jdbc.sql("SELECT deid_date_shift_salt FROM project WHERE id = ?").param(projectId)
                .query(String.class).optional().orElse(null);
        if (salt == null) {
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            jdbc.sql("UPDATE project SET deid_date_shift_salt = ? WHERE id = ? AND deid_date_shift_salt IS NULL")
                    .params(java.util.HexFormat.of().formatHex(random), projectId).update();
            salt = jdbc.sql("SELECT deid_date_shift_salt FROM project WHERE id = ?").param(projectId)
                    .query(String.class).single();
        }
        return salt;
    }

    /** Returns the project with this name, if any. */
    public java.util.Optional<ProjectSummary> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE p.name = ?").param(name).query(ProjectService::map).optional();
    }

    /** The image labeling process's timer event on which an image waits for certified readers. */
    static final String READER_WAIT_EVENT = "Event_ReaderWaitElapsed";

    /** Counts the project's images by stage; open user tasks are counted regardless of the caller's task rights. */
    public ProjectProgress progress(long projectId) {
        get(projectId);
        int images = count("SELECT COUNT(*) FROM image WHERE project_id = ?", projectId);
        int quarantined = count("SELECT COUNT(*) FROM quarantine_item WHERE project_id = ? AND status = 'OPEN'", projectId);
        int finalized = count("SELECT COUNT(*) FROM final_label WHERE project_id = ?", projectId);
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return new ProjectProgress(images, quarantined,
                    openImages("Task_AnnotateImage", projectId),
                    openImages("Task_ReviewAnnotation", projectId),
                    openImages("Task_AdjudicateLabel", projectId),
                    finalized,
                    count("SELECT COUNT(*) FROM image WHERE project_id = ? AND burned_in_status = 'PENDING'", projectId),
                    (int) runtime.createProcessInstanceQuery().activityIdIn(READER_WAIT_EVENT)
                            .variableValueEquals("projectId", projectId).count());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private int openImages(String taskDefinitionKey, long projectId) {
        return (int) tasks.createTaskQuery().taskDefinitionKey(taskDefinitionKey)
                .processVariableValueEquals("projectId", projectId).list().stream()
                .map(task -> task.getProcessInstanceId()).distinct().count();
    }

    private int count(String sql, long projectId) {
        return jdbc.sql(sql).param(projectId).query(Integer.class).single();
    }

    private static ProjectSummary map(ResultSet rs, int row) throws SQLException {
        return new ProjectSummary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                rs.getLong("taxonomy_id"), rs.getString("taxonomy_key"), rs.getInt("version"),
                rs.getInt("readers_per_image"), rs.getDouble("review_rate"), rs.getInt("min_reviewed_items"));
    }
}
