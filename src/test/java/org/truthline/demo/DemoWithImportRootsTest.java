package org.truthline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.project.ProjectService;

/** The demo imports its samples even when the import roots that limit users' folder imports exclude them. */
@SpringBootTest
@ActiveProfiles("demo")
class DemoWithImportRootsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("truthline.data-dir", Files.createTempDirectory("truthline-demo-roots")::toString);
        registry.add("truthline.intake.import-roots",
                Files.createTempDirectory("truthline-only-root").toRealPath()::toString);
    }

    @Autowired
    ProjectService projects;
    @Autowired
    ImportService imports;

    @Test
    void demoSamples_importedDespiteImportRoots() throws Exception {
        long projectId = projects.findByName("Demo: finding severity").orElseThrow().id();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        List<ImportJob> jobs = imports.recent(projectId);
        while ((jobs.isEmpty() || "RUNNING".equals(jobs.get(0).status())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            jobs = imports.recent(projectId);
        }

        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).status()).isEqualTo("COMPLETED");
        assertThat(jobs.get(0).importedFiles()).isPositive();
    }
}
