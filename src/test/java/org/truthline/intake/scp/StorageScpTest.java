package org.truthline.intake.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.dicom.DicomToolkit;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * Sends the modality and transfer-syntax samples to the C-STORE receiver with dcmtk's storescu, one association
 * and one project per file. The MR_small transfer-syntax variants share one SOP Instance UID, so in a shared
 * project all but the first would be recorded as duplicates or conflicts of the first.
 */
@SpringBootTest(properties = {
        "truthline.scp.enabled=true",
        "truthline.scp.port=0",
        "truthline.scp.bind-address=127.0.0.1",
        "truthline.scp.ae-title=TRUTHLINE",
        "truthline.scp.default-project=" + StorageScpTest.DEFAULT_PROJECT})
class StorageScpTest {

    static final String DEFAULT_PROJECT = "C-STORE default project";
    private static final Duration PEER_TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicInteger AE_NUMBER = new AtomicInteger();

    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("truthline-scp-test");
        registry.add("truthline.data-dir", dataDir::toString);
    }

    @Autowired
    StorageScp scp;
    @Autowired
    ProjectAeTitles aeTitles;
    @Autowired
    ProjectService projects;
    @Autowired
    ImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DicomToolkit dicom;

    /**
     * Lists every sample with the storescu option that proposes its transfer syntax and the expected result:
     * IMPORTED or the quarantine reason code.
     */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("01-modalities/CR_MONOCHROME1_chest.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/CT_small.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/DX_MONOCHROME1_dx_image.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/MR_enhanced_multiframe_emri_small.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/MR_siemens_mosaic_0051.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/MR_small.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/SM_slide_microscopy_rgb.dcm", "-xe", "IMPORTED"),
                Arguments.of("01-modalities/US_multiframe_palette_RLE_10f.dcm", "-xr", "IMPORTED"),
                Arguments.of("01-modalities/VL_colour_photo_3340x2670_J2K.dcm", "-xw", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/MR_small_J2K_lossless.dcm", "-xv", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/MR_small_RLE.dcm", "-xr", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm", "-xb", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm", "-xi", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/NM_JPEG_lossless_SV1.dcm", "-xs", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/OT_RGB_RLE.dcm", "-xr", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/OT_deflated_image_dfl.dcm", "-xd", "IMPORTED"),
                Arguments.of("02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm", "-xy", "IMPORTED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void storescu_importsOrQuarantinesEachSample(String relative, String transferSyntaxOption, String expected)
            throws Exception {
        Path file = TestPeers.sample(relative);
        Path storescu = TestPeers.executable("storescu");
        String aeTitle = String.format("TLTEST%02d", AE_NUMBER.incrementAndGet());
        ProjectSummary project = projects.create(new NewProject("C-STORE " + relative, null, "finding-severity", 2,
                0.0, 0), "lead");
        aeTitles.assign(project.id(), aeTitle);

        TestPeers.CommandResult sent = TestPeers.run(PEER_TIMEOUT, List.of(storescu.toString(), "-aet", "MODALITY",
                "-aec", aeTitle, "-R", transferSyntaxOption, "127.0.0.1", String.valueOf(scp.port()), file.toString()));

        assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isZero();
        ImportJob job = waitForImport(project.id());
        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.source()).isEqualTo("C-STORE from MODALITY");
        assertThat(job.totalFiles()).isEqualTo(1);
        List<ImportFileResult> results = imports.files(job.id());
        assertThat(results).hasSize(1);
        ImportFileResult result = results.get(0);
        assertThat(result.fileName()).isEqualTo(sopInstanceUid(file) + ".dcm");
        // HELD means imported and waiting for the burned-in annotation review, which most samples get.
        String outcome = "IMPORTED".equals(result.outcome()) || "HELD".equals(result.outcome()) ? "IMPORTED"
                : result.reasonCode();
        assertThat(outcome).as("result of %s: %s", relative, result.reason()).isEqualTo(expected);
        String requestedBy = jdbc.sql("SELECT requested_by FROM import_job WHERE id = ?").param(job.id())
                .query(String.class).single();
        assertThat(requestedBy).isEqualTo(StorageScp.IMPORT_USER);
    }

    @Test
    void oneAssociation_isOneImportJob() throws Exception {
        Path storescu = TestPeers.executable("storescu");
        List<String> command = new ArrayList<>(List.of(storescu.toString(), "-aet", "PACS", "-aec", "TLSTUDY",
                "-R", "-xe", "127.0.0.1", String.valueOf(scp.port())));
        command.add(TestPeers.sample("01-modalities/CT_small.dcm").toString());
        command.add(TestPeers.sample("01-modalities/MR_small.dcm").toString());
        command.add(TestPeers.sample("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm").toString());
        ProjectSummary project = projects.create(new NewProject("C-STORE one association", null,
                "finding-severity", 2, 0.0, 0), "lead");
        aeTitles.assign(project.id(), "TLSTUDY");

        TestPeers.CommandResult sent = TestPeers.run(PEER_TIMEOUT, command);

        assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isZero();
        ImportJob job = waitForImport(project.id());
        assertThat(job.totalFiles()).isEqualTo(3);
        assertThat(job.importedFiles()).isEqualTo(2);
        // storescu converts the implicit VR copy of MR_small to the explicit VR syntax accepted for MR_small's
        // SOP class, so it arrives byte for byte equal to MR_small and is recorded as a duplicate.
        assertThat(imports.files(job.id())).extracting(ImportFileResult::outcome)
                .containsExactly("HELD", "HELD", "DUPLICATE");
        String mrSmall = sopInstanceUid(TestPeers.sample("01-modalities/MR_small.dcm"));
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName).containsExactly(
                sopInstanceUid(TestPeers.sample("01-modalities/CT_small.dcm")) + ".dcm", mrSmall + ".dcm",
                mrSmall + "-2.dcm");
        assertThat(imports.recent(project.id())).hasSize(1);
    }

    /**
     * PixelMed's own receiver names the spooled file after the Affected SOP Instance UID as sent, and deletes a
     * file already at that path. A UID with {@code ../} must neither reach nor delete a file outside the spool.
     */
    @Test
    void uidWithPathSegments_staysInSpool(@TempDir Path folder) throws Exception {
        Path storescu = TestPeers.executable("storescu");
        AttributeList list = new AttributeList();
        list.read(TestPeers.sample("01-modalities/CT_small.dcm").toFile());
        list.remove(TagFromName.SOPInstanceUID);
        list.putNewAttribute(TagFromName.SOPInstanceUID).addValue("../../outside");
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "CRAFTED");
        Path crafted = folder.resolve("crafted.dcm");
        list.write(crafted.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        Path outside = dataDir.resolve("spool").resolve("outside");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, "must survive");
        ProjectSummary project = projects.create(new NewProject("C-STORE crafted UID", null, "finding-severity", 2,
                0.0, 0), "lead");
        aeTitles.assign(project.id(), "TLCRAFTED");

        TestPeers.CommandResult sent = TestPeers.run(PEER_TIMEOUT, List.of(storescu.toString(), "-aet", "CRAFTER",
                "-aec", "TLCRAFTED", "127.0.0.1", String.valueOf(scp.port()), crafted.toString()));

        assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isZero();
        ImportJob job = waitForImport(project.id());
        assertThat(Files.readString(outside)).isEqualTo("must survive");
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName)
                .containsExactly("_.._.._outside.dcm");
    }

    /**
     * storescu proposes JPEG-LS and the uncompressed syntaxes. Without a JPEG-LS decoder the receiver accepts
     * only the uncompressed ones, so the image never gets Success and is then quarantined. dcmtk's
     * storescu 3.6.7 cannot decompress JPEG-LS itself, so it reports the failure to its user.
     */
    @Test
    void jpegLsWithoutDecoder_isRefusedAtNegotiation() throws Exception {
        Path file = TestPeers.sample("02-transfer-syntaxes/MR_small_JPEG-LS_lossless.dcm");
        Path storescu = TestPeers.executable("storescu");
        ProjectSummary project = projects.create(new NewProject("C-STORE JPEG-LS", null, "finding-severity", 2,
                0.0, 0), "lead");
        aeTitles.assign(project.id(), "TLJPEGLS");

        TestPeers.CommandResult sent = TestPeers.run(PEER_TIMEOUT, List.of(storescu.toString(), "-aet", "MODALITY",
                "-aec", "TLJPEGLS", "-xt", "127.0.0.1", String.valueOf(scp.port()), file.toString()));

        if (dicom.canDecode(TransferSyntax.JPEGLS)) {
            assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isZero();
            assertThat(imports.files(waitForImport(project.id()).id())).extracting(ImportFileResult::outcome)
                    .containsAnyOf("IMPORTED", "HELD");
            return;
        }
        assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isNotZero();
        assertThat(sent.output()).contains("unable to convert dataset from 'JPEG-LS Lossless'");
        Thread.sleep(1000);
        assertThat(imports.recent(project.id())).as("imports of objects answered with Success").isEmpty();
    }

    @Test
    void sameObjectFromOtherAe_isDuplicate() throws Exception {
        Path file = TestPeers.sample("01-modalities/DX_MONOCHROME1_dx_image.dcm");
        Path storescu = TestPeers.executable("storescu");
        ProjectSummary project = projects.create(new NewProject("C-STORE resent", null, "finding-severity", 2,
                0.0, 0), "lead");
        aeTitles.assign(project.id(), "TLRESENT");

        for (String callingAe : List.of("FIRST_PACS", "SECOND_PACS")) {
            TestPeers.CommandResult sent = TestPeers.run(PEER_TIMEOUT, List.of(storescu.toString(), "-aet",
                    callingAe, "-aec", "TLRESENT", "127.0.0.1", String.valueOf(scp.port()), file.toString()));
            assertThat(sent.exitCode()).as("storescu output:\n%s", sent.output()).isZero();
            waitForImports(project.id(), callingAe.equals("FIRST_PACS") ? 1 : 2);
        }
        ImportJob fromFile = waitForFolderImport(imports.start(project.id(), file.toAbsolutePath(), "lead").id());

        List<ImportJob> jobs = imports.recent(project.id());
        assertThat(jobs).hasSize(3);
        ImportJob resent = jobs.get(1);
        assertThat(resent.source()).isEqualTo("C-STORE from SECOND_PACS");
        assertThat(imports.files(resent.id())).extracting(ImportFileResult::outcome).containsExactly("DUPLICATE");
        assertThat(imports.files(fromFile.id())).extracting(ImportFileResult::outcome).containsExactly("DUPLICATE");
    }

    @Test
    void echoscu_succeedsOnDefaultAeTitle() throws Exception {
        Path echoscu = TestPeers.executable("echoscu");
        if (projects.findByName(DEFAULT_PROJECT).isEmpty()) {
            projects.create(new NewProject(DEFAULT_PROJECT, null, "finding-severity", 2, 0.0, 0), "lead");
        }

        TestPeers.CommandResult echo = TestPeers.run(PEER_TIMEOUT, List.of(echoscu.toString(), "-aet", "ECHOER",
                "-aec", "TRUTHLINE", "127.0.0.1", String.valueOf(scp.port())));

        assertThat(echo.exitCode()).as("echoscu output:\n%s", echo.output()).isZero();
    }

    @Test
    void unknownCalledAeTitle_isRejected() throws Exception {
        Path echoscu = TestPeers.executable("echoscu");

        TestPeers.CommandResult echo = TestPeers.run(PEER_TIMEOUT, List.of(echoscu.toString(), "-aet", "ECHOER",
                "-aec", "NOSUCHPROJECT", "127.0.0.1", String.valueOf(scp.port())));

        assertThat(echo.exitCode()).isNotZero();
        assertThat(echo.output()).containsIgnoringCase("Called AE Title Not Recognized");
    }

    @Test
    void aeTitleLongerThan16_isInvalid() {
        ProjectSummary project = projects.list().get(0);

        assertThatThrownBy(() -> aeTitles.assign(project.id(), "A_TITLE_TOO_LONG_1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 16");
    }

    private String sopInstanceUid(Path file) throws Exception {
        return dicom.read(file).sopInstanceUid();
    }

    /** Waits until the project has {@code count} imports and none of them is running. */
    private void waitForImports(long projectId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            List<ImportJob> jobs = imports.recent(projectId);
            if (jobs.size() >= count && jobs.stream().noneMatch(job -> "RUNNING".equals(job.status()))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Project " + projectId + " did not have " + count
                + " finished imports within 2 minutes");
    }

    private ImportJob waitForFolderImport(long importId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        ImportJob job = imports.get(importId);
        while ("RUNNING".equals(job.status()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = imports.get(importId);
        }
        return job;
    }

    /** Waits for the project's first import job to exist and finish; the receiver creates it at association end. */
    private ImportJob waitForImport(long projectId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Optional<ImportJob> job = imports.recent(projectId).stream().findFirst();
            if (job.isPresent() && !"RUNNING".equals(job.get().status())) {
                return job.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No finished import in project " + projectId + " within 2 minutes");
    }
}
