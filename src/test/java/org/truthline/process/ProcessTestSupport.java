package org.truthline.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.identity.Role;

/**
 * Base of the process tests: the whole application on an H2 database in a temporary folder, with the job
 * executor off so tests run jobs themselves. All test classes share one data folder, so Spring reuses one
 * context; each test creates its own project and images.
 */
@SpringBootTest
public abstract class ProcessTestSupport {

    private static final Path DATA_DIR = createDataDir();

    public static final String LEAD = "leadtest";
    public static final String EXPERT = "experttest";
    public static final String EXPERT2 = "expert2test";
    public static final String ADJUDICATOR = "adjudicatortest";
    public static final String AUDITOR = "auditortest";
    public static final String CONTRIBUTOR1 = "contributor1test";
    public static final String CONTRIBUTOR2 = "contributor2test";
    public static final String CONTRIBUTOR3 = "contributor3test";

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", DATA_DIR::toString);
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("truthline-process-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void initEngineAssertions() {
        BpmnAwareTests.init(processEngine);
        identityService.clearAuthentication();
        user(LEAD, Role.LEAD);
        user(EXPERT, Role.EXPERT);
        user(EXPERT2, Role.EXPERT);
        user(ADJUDICATOR, Role.ADJUDICATOR);
        user(AUDITOR, Role.AUDITOR);
        user(CONTRIBUTOR1, Role.CONTRIBUTOR);
        user(CONTRIBUTOR2, Role.CONTRIBUTOR);
        user(CONTRIBUTOR3, Role.CONTRIBUTOR);
    }

    @AfterEach
    void resetEngineAssertions() {
        identityService.clearAuthentication();
        BpmnAwareTests.reset();
    }

    /** Creates the user in the role's group unless it exists. */
    protected void user(String userId, Role role) {
        if (identityService.createGroupQuery().groupId(role.id()).count() == 0) {
            Group group = identityService.newGroup(role.id());
            group.setName(role.name());
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setPassword(userId);
            identityService.saveUser(user);
            identityService.createMembership(userId, role.id());
        }
    }

    /** Runs the work authenticated as the user, the way the request filter does. */
    protected <T> T as(String userId, Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected void as(String userId, Runnable work) {
        as(userId, () -> {
            work.run();
            return null;
        });
    }

    /** Inserts the finding-severity taxonomy and a project using it. */
    protected long project(int readersPerImage, double reviewRate, int minReviewedItems) {
        String definition;
        try {
            definition = Files.readString(Path.of("config/taxonomies/finding-severity.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long taxonomyId = jdbc.sql("SELECT id FROM taxonomy WHERE taxonomy_key = 'finding-severity' AND version = 1")
                .query(Long.class).optional().orElseGet(() -> {
                    jdbc.sql("INSERT INTO taxonomy (taxonomy_key, version, definition, created_at) VALUES (?, ?, ?, ?)")
                            .params("finding-severity", 1, definition, OffsetDateTime.now()).update();
                    return jdbc.sql("SELECT id FROM taxonomy WHERE taxonomy_key = 'finding-severity' AND version = 1")
                            .query(Long.class).single();
                });
        String name = "project-" + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO project (name, taxonomy_id, readers_per_image, review_rate, min_reviewed_items, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name, taxonomyId, readersPerImage, reviewRate, minReviewedItems, OffsetDateTime.now()).update();
        return jdbc.sql("SELECT id FROM project WHERE name = ?").param(name).query(Long.class).single();
    }

    /** Inserts an image row; no DICOM file is needed by the processes. */
    protected long image(long projectId) {
        String uid = "2.25." + UUID.randomUUID().getMostSignificantBits() + System.nanoTime();
        jdbc.sql("""
                INSERT INTO image (project_id, sop_instance_uid, original_sop_instance_uid, original_sha256,
                    original_path, deidentified_path, preview_path, deidentification, source_name, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, uid.substring(0, Math.min(64, uid.length())), uid.substring(0, Math.min(64, uid.length())),
                        "0".repeat(64), "original.dcm", "deid.dcm", "preview.png", "{}", "test.dcm", OffsetDateTime.now())
                .update();
        return jdbc.sql("SELECT MAX(id) FROM image WHERE project_id = ?").param(projectId).query(Long.class).single();
    }

    /** Marks contributors certified for the project. */
    protected void certify(long projectId, String... contributors) {
        for (String contributor : contributors) {
            jdbc.sql("""
                    INSERT INTO certification (project_id, contributor, status, attempts, updated_at)
                    VALUES (?, ?, 'CERTIFIED', 1, ?)""")
                    .params(projectId, contributor, OffsetDateTime.now()).update();
        }
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    protected Map<String, Object> row(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query().singleRow();
    }
}
