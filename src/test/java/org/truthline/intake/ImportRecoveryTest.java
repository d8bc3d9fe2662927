package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.intake.scp.ImportSpool;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * Leaves imports RUNNING and spool folders behind as a server stop would, then runs the start-up steps: the
 * imports are marked INTERRUPTED and the spooled files imported again into the project they were routed to.
 */
@SpringBootTest
class ImportRecoveryTest {

    private static final Path SAMPLES = Path.of("samples").toAbsolutePath();
    private static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("truthline-recovery-test");
        registry.add("truthline.data-dir", dataDir::toString);
    }

    @Autowired
    ImportService imports;
    @Autowired
    ImportSpool spool;
    @Autowired
    UploadService uploads;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;

    @Test
    void cStoreSpool_isImportedAgain() throws Exception {
        ProjectSummary project = newProject();
        long cutShort = runningJob(project.id(), "C-STORE from MODALITY", "truthline-scp", 2, 1);
        Path folder = spoolFolder(ImportSpool.C_STORE);
        new SpoolManifest(project.id(), "C-STORE from MODALITY", "truthline-scp", cutShort).write(folder);
        Files.copy(SAMPLES.resolve("CT_small.dcm"), folder.resolve("1.3.6.1.4.1.5962.1.1.1.1.1.dcm"));
        // Received by PixelMed but not renamed yet, and a transfer that had not finished.
        Files.copy(SAMPLES.resolve("MR_small.dcm"), folder.resolve("1.3.6.1.4.1.5962.1.1.4.1.1.received"));
        Files.writeString(folder.resolve("7F3A.tmp"), "half an object");

        List<Long> interrupted = imports.interruptUnfinished();
        List<ImportJob> resumed = spool.resume(List.of(folder));

        assertThat(interrupted).contains(cutShort);
        assertThat(resumed).hasSize(1);
        ImportJob job = waitFor(resumed.get(0).id());
        assertThat(job.projectId()).isEqualTo(project.id());
        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.source()).isEqualTo("C-STORE from MODALITY (resumed after a server restart)");
        assertThat(job.totalFiles()).isEqualTo(2);
        assertThat(job.importedFiles()).isEqualTo(2);
        assertThat(requestedBy(job.id())).isEqualTo("truthline-scp");
        ImportJob old = imports.get(cutShort);
        assertThat(old.status()).isEqualTo(ImportService.INTERRUPTED);
        assertThat(old.finishedAt()).isNotNull();
        assertThat(old.error()).contains("stopped before this import finished, after 1 of 2 files",
                "imported again by import " + job.id());
        assertDeletedSoon(folder);
    }

    @Test
    void runningFolderImport_isInterruptedWithAdvice() {
        ProjectSummary project = newProject();
        long cutShort = runningJob(project.id(), "/data/incoming/study-42", "lead", 0, 0);

        imports.interruptUnfinished();

        ImportJob old = imports.get(cutShort);
        assertThat(old.status()).isEqualTo(ImportService.INTERRUPTED);
        assertThat(old.error()).contains("before it had listed its files", "Start the import again",
                "recorded as duplicates");
    }

    @Test
    void spoolWithoutManifest_isKept() throws Exception {
        Path folder = spoolFolder(ImportSpool.C_STORE);
        Files.copy(SAMPLES.resolve("CT_small.dcm"), folder.resolve("instance-00001.dcm"));

        List<ImportJob> resumed = spool.resume(List.of(folder));

        assertThat(resumed).isEmpty();
        assertThat(folder.resolve("instance-00001.dcm")).exists();
    }

    @Test
    void pullCutShortDuringDownload_isDeleted() throws Exception {
        ProjectSummary project = newProject();
        Path folder = spoolFolder(ImportSpool.DICOMWEB);
        new SpoolManifest(project.id(), "DICOMweb pull from http://127.0.0.1:1/dicom-web", "lead", null)
                .write(folder);
        Files.copy(SAMPLES.resolve("CT_small.dcm"), folder.resolve("1.2.3.dcm"));

        List<ImportJob> resumed = spool.resume(List.of(folder));

        assertThat(resumed).isEmpty();
        assertThat(folder).doesNotExist();
        assertThat(imports.recent(project.id())).isEmpty();
    }

    @Test
    void uploadBatches_resumedOrDeleted() throws Exception {
        ProjectSummary project = newProject();
        long cutShort = runningJob(project.id(), "upload of 1 file by lead", "lead", 1, 0);
        Path started = uploadFolder();
        new SpoolManifest(project.id(), "upload of 1 file by lead", "lead", cutShort).write(started);
        Files.createDirectories(started.resolve("export"));
        Files.copy(SAMPLES.resolve("MR_small.dcm"), started.resolve("export/IM0001"));
        Path neverImported = uploadFolder();
        Files.copy(SAMPLES.resolve("CT_small.dcm"), neverImported.resolve("CT_small.dcm"));

        imports.interruptUnfinished();
        List<ImportJob> resumed = uploads.resume(List.of(started, neverImported));

        assertThat(resumed).hasSize(1);
        ImportJob job = waitFor(resumed.get(0).id());
        assertThat(job.source()).isEqualTo("upload of 1 file by lead (resumed after a server restart)");
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName).containsExactly("export/IM0001");
        assertThat(neverImported).doesNotExist();
    }

    private ProjectSummary newProject() {
        return projects.create(new NewProject("Recovery " + UUID.randomUUID(), null, "finding-severity", 2, 0.0, 0),
                "lead");
    }

    /** Inserts an import that a server stop left RUNNING. */
    private long runningJob(long projectId, String source, String userId, int total, int processed) {
        jdbc.sql("""
                INSERT INTO import_job (project_id, source, requested_by, status, started_at, total_files,
                    processed_files)
                VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)""")
                .params(projectId, source, userId, OffsetDateTime.now(), total, processed).update();
        return jdbc.sql("SELECT MAX(id) FROM import_job WHERE project_id = ?").param(projectId)
                .query(Long.class).single();
    }

    private static Path spoolFolder(String kind) throws IOException {
        return Files.createDirectories(dataDir.resolve("spool").resolve(kind)
                .resolve("20250101-120000-" + UUID.randomUUID()));
    }

    private static Path uploadFolder() throws IOException {
        return Files.createDirectories(dataDir.resolve("tmp/0/uploads").resolve(UUID.randomUUID().toString()));
    }

    private String requestedBy(long importId) {
        return jdbc.sql("SELECT requested_by FROM import_job WHERE id = ?").param(importId).query(String.class)
                .single();
    }

    private ImportJob waitFor(long importId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        ImportJob job = imports.get(importId);
        while ("RUNNING".equals(job.status()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = imports.get(importId);
        }
        return job;
    }

    private static void assertDeletedSoon(Path folder) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Files.exists(folder) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(folder).as("spool folder after its import finished").doesNotExist();
    }
}
