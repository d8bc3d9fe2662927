package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * Imports MR_small, then other files with its SOP Instance UID, each into a fresh project, and checks which
 * count as the same object and which reason a conflict gives the lead.
 */
@SpringBootTest
class DuplicateDetectionTest {

    private static final Path MR_SMALL = Path.of("samples", "MR_small.dcm").toAbsolutePath();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("truthline.data-dir", Files.createTempDirectory("truthline-duplicate-test")::toString);
    }

    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;

    @Test
    void otherSourceAeTitle_isDuplicate(@TempDir Path folder) throws Exception {
        long projectId = projectWithMrSmall();
        AttributeList list = read(MR_SMALL);
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "OTHER_PACS");
        Path resent = folder.resolve("resent.dcm");
        list.write(resent.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        ImportFileResult result = importOne(projectId, resent);

        assertThat(result.outcome()).isEqualTo("DUPLICATE");
        assertThat(result.reason()).contains("same data set as image", "only the File Meta Information");
        assertThat(jdbc.sql("SELECT original_dataset_sha256 FROM image WHERE project_id = ?").param(projectId)
                .query(String.class).single()).as("stored data set digest").hasSize(64);
    }

    @Test
    void implicitVrCopy_isDuplicateNamingBothSyntaxes() throws Exception {
        long projectId = projectWithMrSmall();

        ImportFileResult result = importOne(projectId,
                TestPeers.sample("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm").toAbsolutePath());

        assertThat(result.outcome()).isEqualTo("DUPLICATE");
        assertThat(result.reason()).contains("transfer syntax 1.2.840.10008.1.2 ", "stored one 1.2.840.10008.1.2.1 ");
    }

    @Test
    void rleCopy_isConflictNamingBothSyntaxes() throws Exception {
        long projectId = projectWithMrSmall();

        ImportFileResult result = importOne(projectId,
                TestPeers.sample("02-transfer-syntaxes/MR_small_RLE.dcm").toAbsolutePath());

        assertThat(result.outcome()).isEqualTo("QUARANTINED");
        assertThat(result.reasonCode()).isEqualTo("DUPLICATE_CONFLICT");
        assertThat(result.reason()).contains("in transfer syntax 1.2.840.10008.1.2.5 ",
                "the stored one is in 1.2.840.10008.1.2.1 ");
        assertFollowableAdvice(result.reason());
    }

    @Test
    void editedValue_isConflictWithFollowableAdvice(@TempDir Path folder) throws Exception {
        long projectId = projectWithMrSmall();
        AttributeList list = read(MR_SMALL);
        list.remove(TagFromName.SeriesDescription);
        list.putNewAttribute(TagFromName.SeriesDescription).addValue("edited after the first import");
        Path edited = folder.resolve("edited.dcm");
        list.write(edited.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        ImportFileResult result = importOne(projectId, edited);

        assertThat(result.reasonCode()).isEqualTo("DUPLICATE_CONFLICT");
        assertThat(result.reason()).contains("the same transfer syntax", "but a different data set");
        assertFollowableAdvice(result.reason());
        assertThat(imports.quarantine(projectId)).extracting(QuarantineEntry::reasonCode)
                .containsExactly("DUPLICATE_CONFLICT");
    }

    private static void assertFollowableAdvice(String reason) {
        assertThat(reason).contains("stays in use", "kept in quarantine for comparison", "new project");
        assertThat(reason).doesNotContain("removing the other");
    }

    /** Creates a project and imports MR_small into it; returns the project id. */
    private long projectWithMrSmall() throws InterruptedException {
        ProjectSummary project = projects.create(new NewProject("Duplicates " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
        ImportJob first = waitFor(imports.start(project.id(), MR_SMALL, "lead").id());
        assertThat(first.importedFiles()).as("MR_small imported").isEqualTo(1);
        return project.id();
    }

    private ImportFileResult importOne(long projectId, Path file) throws InterruptedException {
        ImportJob job = waitFor(imports.start(projectId, file, "lead").id());
        List<ImportFileResult> results = imports.files(job.id());
        assertThat(results).hasSize(1);
        return results.get(0);
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

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }
}
