package org.truthline.training;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.process.EngineAuthentication;
import org.truthline.process.ProcessVariables;

/** Enrols contributors in a project's training and, for demo seeding, certifies them directly. */
@Service
public class TrainingService {

    private static final Logger log = LoggerFactory.getLogger(TrainingService.class);

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CertificationRepository certifications;
    private final TrainingRepository training;
    private final TrainingProperties properties;
    private final AuditLog auditLog;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    public TrainingService(RuntimeService runtimeService, IdentityService identityService,
            CertificationRepository certifications, TrainingRepository training, TrainingProperties properties,
            AuditLog auditLog, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.certifications = certifications;
        this.training = training;
        this.properties = properties;
        this.auditLog = auditLog;
    }

    /** Business key of a contributor's training instance in a project. */
    public static String businessKey(long projectId, String contributor) {
        return projectId + ":" + contributor;
    }

    /**
     * Starts contributor-training for the contributor in the project, with business key {@code projectId:contributor}.
     *
     * @return the process instance id
     * @throws IllegalStateException when the contributor is already in training or certified, or the project has
     *         no gold-standard cases
     */
    @Transactional
    public String enrol(long projectId, String contributor, String startedBy) {
        String businessKey = businessKey(projectId, contributor);
        certifications.find(projectId, contributor).ifPresent(c -> {
            if (CertificationRepository.CERTIFIED.equals(c.status())) {
                throw new IllegalStateException(contributor + " is already certified for project " + projectId);
            }
        });
        if (training.goldCases(projectId).isEmpty()) {
            throw new IllegalStateException("Project " + projectId + " has no gold-standard cases; add gold cases "
                    + "before enrolling contributors");
        }
        return EngineAuthentication.asSystem(identityService, () -> {
            if (runtimeService.createProcessInstanceQuery().processDefinitionKey(
                    ProcessVariables.PROCESS_CONTRIBUTOR_TRAINING).processInstanceBusinessKey(businessKey).count() > 0) {
                throw new IllegalStateException(contributor + " is already in training for project " + projectId);
            }
            certifications.save(projectId, contributor, CertificationRepository.IN_TRAINING, 1, null);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                    ProcessVariables.PROCESS_CONTRIBUTOR_TRAINING, businessKey, Map.of(
                            ProcessVariables.PROJECT_ID, projectId,
                            ProcessVariables.CONTRIBUTOR, contributor,
                            ProcessVariables.ATTEMPT, 1,
                            ProcessVariables.MAX_ATTEMPTS, properties.maxAttempts(),
                            ProcessVariables.PASS_SCORE, properties.passScore()));
            certifications.save(projectId, contributor, CertificationRepository.IN_TRAINING, 1, instance.getId());
            log.info("Contributor {} enrolled in training for project {} by {} (instance {})", contributor,
                    projectId, startedBy, instance.getId());
            return instance.getId();
        });
    }

    /**
     * Makes an image of the project a gold-standard case with the experts' reference answer.
     *
     * @throws IllegalArgumentException when the image is not in the project or the answer is outside the taxonomy
     */
    @Transactional
    public TrainingRepository.GoldCase addGoldCase(long projectId, long imageId, int grade, String quality,
            String createdBy) {
        Integer imageProject = jdbc.sql("SELECT project_id FROM image WHERE id = ?").param(imageId)
                .query(Integer.class).optional().orElse(null);
        if (imageProject == null || imageProject != projectId) {
            throw new IllegalArgumentException("Image " + imageId + " is not in project " + projectId
                    + "; choose one of the project's imported images.");
        }
        String burnedIn = jdbc.sql("SELECT burned_in_status FROM image WHERE id = ?").param(imageId)
                .query(String.class).single();
        if ("PENDING".equals(burnedIn)) {
            throw new IllegalArgumentException("Image " + imageId + " is waiting for the burned-in annotation review, "
                    + "so contributors may not see it yet; clear or mask it on the project page first.");
        }
        if (grade < 0 || grade > 4) {
            throw new IllegalArgumentException("Grade " + grade + " is outside the scale 0 to 4.");
        }
        if (!java.util.Set.of("good", "adequate", "poor").contains(quality)) {
            throw new IllegalArgumentException("Quality '" + quality + "' is invalid; use good, adequate or poor.");
        }
        long id = training.insertGoldCase(projectId, imageId, grade, quality, createdBy);
        auditLog.append(AuditEntry.of(createdBy, AuditEventType.GOLD_CASE_ADDED, projectId, imageId,
                Map.of("goldCaseId", id, "grade", grade, "quality", quality)));
        return training.goldCase(id);
    }

    public java.util.List<TrainingRepository.GoldCase> goldCases(long projectId) {
        return training.goldCases(projectId);
    }

    /** Certifies a contributor without training, for demo seeding; the audit trail records who did it and why. */
    @Transactional
    public void certifyDirectly(long projectId, String contributor, String by, String reason) {
        certifications.save(projectId, contributor, CertificationRepository.CERTIFIED, 0, null);
        certifications.recordFeedback(projectId, contributor, by, reason);
        auditLog.append(AuditEntry.of(by, AuditEventType.CERTIFICATION_DECIDED, projectId, null,
                Map.of("contributor", contributor, "decision", "CERTIFY", "direct", true, "reason", reason)));
    }
}
