package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.DicomDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.audit.AuditLog;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/** Imports the bundled samples folder into a fresh project and checks every file's outcome and the stores. */
@SpringBootTest
class ImportServiceTest {

    private static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("truthline-intake-test");
        registry.add("truthline.data-dir", dataDir::toString);
    }

    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    StorageLayout storage;

    static ProjectSummary project;
    static ImportJob firstImport;

    @BeforeAll
    static void requireSamples() {
        assertThat(SAMPLES.resolve("CT_small.dcm")).exists();
    }

    private synchronized ImportJob importSamplesOnce() throws InterruptedException {
        if (firstImport == null) {
            project = projects.create(new NewProject("Intake test", null, "finding-severity", 2, 0.0, 0), "lead");
            firstImport = waitFor(imports.start(project.id(), SAMPLES, "lead").id());
        }
        return firstImport;
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

    @Test
    void samplesFolder_importsImagesAndQuarantinesTheRest() throws Exception {
        ImportJob job = importSamplesOnce();

        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.totalFiles()).isEqualTo(8);
        assertThat(job.processedFiles()).isEqualTo(8);
        assertThat(job.importedFiles()).isEqualTo(6);
        assertThat(job.quarantinedFiles()).isEqualTo(2);
        Map<String, ImportFileResult> byFile = imports.files(job.id()).stream()
                .collect(Collectors.toMap(ImportFileResult::fileName, r -> r));
        assertThat(byFile).hasSize(8);
        assertThat(byFile.get("NOTICE").reasonCode()).isEqualTo("NOT_DICOM");
        ImportFileResult truncated = byFile.get("MR_truncated_pixeldata.dcm");
        assertThat(truncated.outcome()).isEqualTo("QUARANTINED");
        assertThat(truncated.reasonCode()).isEqualTo("TRUNCATED");
        assertThat(truncated.reason()).contains("MR_truncated_pixeldata.dcm");
    }

    @Test
    void quarantinedFile_isKeptWithItsReason() throws Exception {
        importSamplesOnce();

        List<QuarantineEntry> quarantine = imports.quarantine(project.id());
        assertThat(quarantine).extracting(QuarantineEntry::fileName)
                .containsExactlyInAnyOrder("MR_truncated_pixeldata.dcm", "NOTICE");
        long truncatedId = quarantine.stream().filter(q -> q.fileName().equals("MR_truncated_pixeldata.dcm"))
                .findFirst().orElseThrow().id();
        String keptPath = jdbc.sql("SELECT kept_path FROM quarantine_item WHERE id = ?")
                .param(truncatedId).query(String.class).single();
        assertThat(Files.readAllBytes(Path.of(keptPath)))
                .isEqualTo(Files.readAllBytes(SAMPLES.resolve("MR_truncated_pixeldata.dcm")));
    }

    @Test
    void importedImage_hasOriginalDeidentifiedCopyAndPreview() throws Exception {
        importSamplesOnce();

        var row = jdbc.sql("""
                SELECT sop_instance_uid, original_sop_instance_uid, original_path, deidentified_path, preview_path
                FROM image WHERE project_id = ? AND source_name = 'CT_small.dcm'""").param(project.id())
                .query().singleRow();
        assertThat(row.get("sop_instance_uid")).isNotEqualTo(row.get("original_sop_instance_uid"));
        assertThat((String) row.get("sop_instance_uid")).startsWith("2.25.");
        assertThat(Files.readAllBytes(Path.of((String) row.get("original_path"))))
                .isEqualTo(Files.readAllBytes(SAMPLES.resolve("CT_small.dcm")));
        byte[] deidentified = Files.readAllBytes(Path.of((String) row.get("deidentified_path")));
        assertThat(new String(deidentified, StandardCharsets.ISO_8859_1)).doesNotContain("CompressedSamples^CT1");
        byte[] png = Files.readAllBytes(Path.of((String) row.get("preview_path")));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).as("thumbnail size").isLessThanOrEqualTo(256);
    }

    @Test
    void sameFileAgain_isRecordedAsDuplicate() throws Exception {
        importSamplesOnce();

        ImportJob again = waitFor(imports.start(project.id(), SAMPLES.resolve("CT_small.dcm"), "lead").id());

        assertThat(again.duplicateFiles()).isEqualTo(1);
        assertThat(imports.files(again.id()).get(0).outcome()).isEqualTo("DUPLICATE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM image WHERE project_id = ? AND source_name = 'CT_small.dcm'")
                .param(project.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void repeatedUnreadableFile_addsAttempt() throws Exception {
        ProjectSummary repeatProject = projects.create(new NewProject("Intake repeat test", null,
                "finding-severity", 2, 0.0, 0), "lead");
        Path truncated = SAMPLES.resolve("MR_truncated_pixeldata.dcm");

        ImportJob first = waitFor(imports.start(repeatProject.id(), truncated, "lead").id());
        ImportJob second = waitFor(imports.start(repeatProject.id(), truncated, "lead").id());

        for (ImportJob job : List.of(first, second)) {
            ImportFileResult result = imports.files(job.id()).get(0);
            assertThat(job.quarantinedFiles()).isEqualTo(1);
            assertThat(result.outcome()).isEqualTo("QUARANTINED");
            assertThat(result.reasonCode()).isEqualTo("TRUNCATED");
            assertThat(result.reason()).contains("MR_truncated_pixeldata.dcm");
        }
        List<QuarantineEntry> quarantine = imports.quarantine(repeatProject.id());
        assertThat(quarantine).hasSize(1);
        QuarantineEntry entry = quarantine.get(0);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.reasonCode()).isEqualTo("TRUNCATED");
        assertThat(entry.contentSha256()).isEqualTo(sha256(truncated));
        assertThat(entry.lastAttemptAt()).isAfter(entry.createdAt());
        assertThat(quarantineIds(first)).isEqualTo(List.of(entry.id()));
        assertThat(quarantineIds(second)).isEqualTo(List.of(entry.id()));
        try (var kept = Files.list(storage.quarantine(repeatProject.id()))) {
            assertThat(kept.toList()).as("files kept in quarantine").hasSize(1);
        }
        assertThat(projects.progress(repeatProject.id()).quarantined()).isEqualTo(1);
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void sameNameOtherContent_isSeparateEntry() throws Exception {
        ProjectSummary contentProject = projects.create(new NewProject("Intake content test", null,
                "finding-severity", 2, 0.0, 0), "lead");
        Path folderA = Files.createTempDirectory("truthline-content-a");
        Path folderB = Files.createTempDirectory("truthline-content-b");
        Files.writeString(folderA.resolve("notes.txt"), "first text, not DICOM");
        Files.writeString(folderB.resolve("notes.txt"), "second text, not DICOM");

        waitFor(imports.start(contentProject.id(), folderA, "lead").id());
        waitFor(imports.start(contentProject.id(), folderB, "lead").id());

        List<QuarantineEntry> quarantine = imports.quarantine(contentProject.id());
        assertThat(quarantine).extracting(QuarantineEntry::fileName).containsExactly("notes.txt", "notes.txt");
        assertThat(quarantine).extracting(QuarantineEntry::attempts).containsExactly(1, 1);
        assertThat(quarantine).extracting(QuarantineEntry::reasonCode).containsExactly("NOT_DICOM", "NOT_DICOM");
    }

    private List<Long> quarantineIds(ImportJob job) {
        return jdbc.sql("SELECT quarantine_id FROM import_file WHERE import_id = ?").param(job.id())
                .query(Long.class).list();
    }

    private static String sha256(Path file) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return java.util.HexFormat.of().formatHex(digest);
    }

    @Test
    void missingFolder_isRejectedWithThePath() {
        ProjectSummary any = projects.list().get(0);

        assertThatThrownBy(() -> imports.start(any.id(), Path.of("/no/such/folder"), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/no/such/folder")
                .hasMessageContaining("does not exist");
    }

    @Test
    void relativePath_isRejected() {
        ProjectSummary any = projects.list().get(0);

        assertThatThrownBy(() -> imports.start(any.id(), Path.of("samples"), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'samples' is relative");
    }

    @Test
    void symbolicLink_isRecordedNotFollowed() throws Exception {
        ProjectSummary linkProject = projects.create(new NewProject("Intake link test", null, "finding-severity", 2,
                0.0, 0), "lead");
        Path folder = Files.createTempDirectory("truthline-link-test");
        Path outside = Files.createTempFile("truthline-outside", ".txt");
        Files.writeString(outside, "SECRET");
        Files.createSymbolicLink(folder.resolve("link.dcm"), outside);
        Files.createSymbolicLink(folder.resolve("linked-folder"), outside.getParent());

        ImportJob job = waitFor(imports.start(linkProject.id(), folder, "lead").id());

        List<ImportFileResult> results = imports.files(job.id());
        assertThat(results).extracting(ImportFileResult::fileName).containsExactly("link.dcm", "linked-folder");
        for (ImportFileResult result : results) {
            assertThat(result.outcome()).isEqualTo("QUARANTINED");
            assertThat(result.reasonCode()).isEqualTo("SYMBOLIC_LINK");
            assertThat(result.reason()).doesNotContain("SECRET");
        }
        List<QuarantineEntry> quarantine = imports.quarantine(linkProject.id());
        assertThat(quarantine).extracting(QuarantineEntry::reasonCode).containsOnly("SYMBOLIC_LINK");
        assertThat(quarantine).extracting(QuarantineEntry::contentSha256).containsOnlyNulls();
        assertThat(job.quarantinedFiles()).isEqualTo(quarantine.size());
    }

    @Test
    void devicePath_isRejectedUpFront() {
        ProjectSummary any = projects.create(new NewProject("Intake device path test", null, "finding-severity", 2,
                0.0, 0), "lead");

        assertThatThrownBy(() -> imports.start(any.id(), Path.of("/dev/zero"), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/dev/zero' is a character device")
                .hasMessageContaining("give the absolute path of a folder");
    }

    @Test
    void fifoPath_isRejectedUpFront() throws Exception {
        ProjectSummary any = projects.create(new NewProject("Intake FIFO path test", null, "finding-severity", 2,
                0.0, 0), "lead");
        Path fifo = mkfifo(Files.createTempDirectory("truthline-fifo-path").resolve("pipe"));

        assertThatThrownBy(() -> imports.start(any.id(), fifo, "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a FIFO (named pipe), not a folder or a regular file");
    }

    @Test
    void fifoInFolder_isRecordedNotRead() throws Exception {
        ProjectSummary fifoProject = projects.create(new NewProject("Intake FIFO test", null, "finding-severity", 2,
                0.0, 0), "lead");
        Path folder = Files.createTempDirectory("truthline-fifo-folder");
        Files.copy(SAMPLES.resolve("CT_small.dcm"), folder.resolve("CT_small.dcm"));
        mkfifo(folder.resolve("pipe"));

        ImportJob job = waitFor(imports.start(fifoProject.id(), folder, "lead").id());

        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.totalFiles()).isEqualTo(2);
        assertThat(job.quarantinedFiles()).isEqualTo(1);
        ImportFileResult pipe = imports.files(job.id()).stream().filter(r -> r.fileName().equals("pipe"))
                .findFirst().orElseThrow();
        assertThat(pipe.outcome()).isEqualTo("QUARANTINED");
        assertThat(pipe.reasonCode()).isEqualTo("NOT_REGULAR_FILE");
        assertThat(pipe.reason()).contains("FIFO");
        assertThat(imports.quarantine(fifoProject.id())).extracting(QuarantineEntry::reasonCode)
                .containsExactly("NOT_REGULAR_FILE");
    }

    @Test
    void dicomdirPath_importsWhatItLists() throws Exception {
        ProjectSummary dicomdirProject = projects.create(new NewProject("Intake DICOMDIR path test", null,
                "finding-severity", 2, 0.0, 0), "lead");
        Path folder = dicomdirFolder();

        ImportJob job = waitFor(imports.start(dicomdirProject.id(), folder.resolve("DICOMDIR"), "lead").id());

        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.quarantinedFiles()).isZero();
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName)
                .containsExactly("SERIES1/IM0001", "SERIES1/IM0002");
        assertThat(job.importedFiles()).isEqualTo(2);
    }

    @Test
    void missingDicomdirReference_isReported() throws Exception {
        ProjectSummary dicomdirProject = projects.create(new NewProject("Intake DICOMDIR missing test", null,
                "finding-severity", 2, 0.0, 0), "lead");
        Path folder = dicomdirFolder();
        Files.delete(folder.resolve("SERIES1/IM0002"));

        ImportJob job = waitFor(imports.start(dicomdirProject.id(), folder, "lead").id());

        assertThat(job.totalFiles()).isEqualTo(2);
        assertThat(job.importedFiles()).isEqualTo(1);
        assertThat(job.quarantinedFiles()).isEqualTo(1);
        ImportFileResult missing = imports.files(job.id()).stream()
                .filter(r -> r.fileName().equals("SERIES1/IM0002")).findFirst().orElseThrow();
        assertThat(missing.reasonCode()).isEqualTo("MISSING_REFERENCED_FILE");
        assertThat(missing.reason()).contains("listed in DICOMDIR but missing");
    }

    private static Path mkfifo(Path path) throws Exception {
        Process process = new ProcessBuilder("mkfifo", path.toString()).start();
        assertThat(process.waitFor()).as("mkfifo exit code").isZero();
        return path;
    }

    /** Returns a new folder with CT_small and MR_small under SERIES1 and a DICOMDIR that lists both. */
    private static Path dicomdirFolder() throws Exception {
        Path folder = Files.createTempDirectory("truthline-dicomdir");
        Files.createDirectories(folder.resolve("SERIES1"));
        Files.copy(SAMPLES.resolve("CT_small.dcm"), folder.resolve("SERIES1/IM0001"));
        Files.copy(SAMPLES.resolve("MR_small.dcm"), folder.resolve("SERIES1/IM0002"));
        new DicomDirectory(folder.toFile(), new String[] {"SERIES1/IM0001", "SERIES1/IM0002"})
                .write(folder.resolve("DICOMDIR").toString());
        return folder;
    }

    @Test
    void retainedDates_areShiftedAndRecorded() throws Exception {
        ProjectSummary datedProject = projects.create(new NewProject("Intake dates test", null, "finding-severity", 2,
                0.0, 0), "lead");
        projects.updateDeidentification(datedProject.id(),
                new org.truthline.project.DeidentificationSettings(true, true, false, false), "lead");

        ImportJob job = waitFor(imports.start(datedProject.id(), SAMPLES.resolve("CT_small.dcm"), "lead").id());

        assertThat(job.importedFiles()).isEqualTo(1);
        var row = jdbc.sql("SELECT deidentified_path, deidentification FROM image WHERE project_id = ?")
                .param(datedProject.id()).query().singleRow();
        assertThat((String) row.get("deidentification"))
                .contains("Retain Longitudinal Temporal Information with Modified Dates")
                .contains("Retain Patient Characteristics");
        java.time.LocalDate original = studyDate(SAMPLES.resolve("CT_small.dcm"));
        java.time.LocalDate shifted = studyDate(Path.of((String) row.get("deidentified_path")));
        long days = java.time.temporal.ChronoUnit.DAYS.between(original, shifted);
        assertThat(days).isBetween(-365L, 365L).isNotZero();
    }

    @Test
    void cleanStructuredContent_isStoredAndRecorded() throws Exception {
        ProjectSummary srProject = projects.create(new NewProject("Intake structured content test", null,
                "finding-severity", 2, 0.0, 0), "lead");
        assertThat(projects.deidentification(srProject.id()).cleanStructuredContent()).as("default").isFalse();

        projects.updateDeidentification(srProject.id(),
                new org.truthline.project.DeidentificationSettings(false, false, false, true), "lead");
        ImportJob job = waitFor(imports.start(srProject.id(), SAMPLES.resolve("CT_small.dcm"), "lead").id());

        assertThat(projects.deidentification(srProject.id()).cleanStructuredContent()).isTrue();
        assertThat(job.importedFiles()).isEqualTo(1);
        var row = jdbc.sql("SELECT deidentified_path, deidentification FROM image WHERE project_id = ?")
                .param(srProject.id()).query().singleRow();
        assertThat((String) row.get("deidentification")).contains("\"options\":[\"Clean Structured Content\"]");
        com.pixelmed.dicom.AttributeList copy = new com.pixelmed.dicom.AttributeList();
        copy.read(Path.of((String) row.get("deidentified_path")).toFile());
        assertThat(copy.get(com.pixelmed.dicom.TagFromName.DeidentificationMethod).getStringValues())
                .endsWith("Clean Structured Content");
    }

    private static java.time.LocalDate studyDate(Path file) throws Exception {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.read(file.toFile());
        String value = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list,
                com.pixelmed.dicom.TagFromName.StudyDate);
        return java.time.LocalDate.parse(value, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void auditChain_staysIntactAfterImport() throws Exception {
        importSamplesOnce();

        assertThat(audit.verify()).isEmpty();
    }
}
