package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.truthline.TruthlineApplication;
import org.truthline.intake.scp.ImportSpool;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;

/**
 * Stops the application with an import RUNNING and a C-STORE spool folder left behind, starts it again on the
 * same data folder, and checks that the start-up marks the import INTERRUPTED and imports the spooled files.
 */
class RestartRecoveryTest {

    @Test
    void restart_resumesSpooledCStore(@TempDir Path dataDir) throws Exception {
        long projectId;
        long cutShort;
        Path folder;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            projectId = first.getBean(ProjectService.class)
                    .create(new NewProject("Restart", null, "finding-severity", 2, 0.0, 0), "lead").id();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("""
                    INSERT INTO import_job (project_id, source, requested_by, status, started_at, total_files)
                    VALUES (?, 'C-STORE from MODALITY', 'truthline-scp', 'RUNNING', ?, 1)""")
                    .params(projectId, OffsetDateTime.now()).update();
            cutShort = jdbc.sql("SELECT MAX(id) FROM import_job").query(Long.class).single();
            folder = first.getBean(ImportSpool.class).newFolder(ImportSpool.C_STORE, projectId,
                    "C-STORE from MODALITY", "truthline-scp");
            new SpoolManifest(projectId, "C-STORE from MODALITY", "truthline-scp", cutShort).write(folder);
            Files.copy(Path.of("samples", "CT_small.dcm"), folder.resolve("1.3.6.1.4.1.5962.1.1.1.1.1.dcm"));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ImportService imports = second.getBean(ImportService.class);
            ImportJob resumed = waitForResumed(imports, projectId);

            assertThat(imports.get(cutShort).status()).isEqualTo(ImportService.INTERRUPTED);
            assertThat(imports.get(cutShort).error()).contains("imported again by import " + resumed.id());
            assertThat(resumed.status()).isEqualTo("COMPLETED");
            assertThat(resumed.importedFiles()).isEqualTo(1);
            assertThat(imports.files(resumed.id())).extracting(ImportFileResult::fileName)
                    .containsExactly("1.3.6.1.4.1.5962.1.1.1.1.1.dcm");
            assertThat(folder).startsWith(dataDir);
        }
    }

    /**
     * Starts the application on the data folder, on loopback. Arguments outrank config/application.yaml, and
     * default properties would not.
     */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TruthlineApplication.class)
                .run("--truthline.data-dir=" + dataDir, "--server.port=0", "--server.address=127.0.0.1");
    }

    /** Waits for the import that resumes the spool folder to exist and finish. */
    private static ImportJob waitForResumed(ImportService imports, long projectId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            List<ImportJob> finished = imports.recent(projectId).stream()
                    .filter(job -> job.source().endsWith("(resumed after a server restart)"))
                    .filter(job -> !"RUNNING".equals(job.status())).toList();
            if (!finished.isEmpty()) {
                return finished.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No resumed import in project " + projectId + " within 2 minutes");
    }
}
