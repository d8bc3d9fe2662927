package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomDirectory;
import com.pixelmed.dicom.TagFromName;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;
import org.truthline.intake.scp.TestPeers;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.QuarantineEntry;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;
import org.truthline.ui.project.ProjectView;

class ProjectUploadTest extends KaribuTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.truthline.intake.BurnedInReviewService burnedInReviews;

    private static byte[] samplesZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String sample : List.of("CT_small.dcm", "MR_small.dcm")) {
                zip.putNextEntry(new ZipEntry("scans/" + sample));
                zip.write(Files.readAllBytes(Path.of("samples", sample)));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("Two sample images for the upload test.".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private ProjectSummary newProject() {
        return projects.create(new NewProject("Upload test " + UUID.randomUUID(), null, "finding-severity", 2, 0.0,
                0), "lead");
    }

    @Test
    void zipUploadBecomesOneImport() throws IOException {
        ProjectSummary project = newProject();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);
        Button importButton = _get(Button.class, spec -> spec.withId("upload-import"));
        assertThat(importButton.isEnabled()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-batch")).getText())
                .isEqualTo("No files uploaded yet.");

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), "samples.zip", samplesZip());
        MockVaadin.clientRoundtrip();

        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-batch")).getText())
                .startsWith("3 files ready to import").contains("samples/scans/CT_small.dcm")
                .contains("samples/README.txt");
        assertThat(importButton.getText()).isEqualTo("Import 3 uploaded files");
        _click(importButton);

        assertThat(_get(Span.class, spec -> spec.withId("import-status")).getText())
                .contains("upload of 3 files by lead");
        ImportJob job = await("the upload import to finish", () -> imports.recent(project.id()).stream()
                .filter(j -> !"RUNNING".equals(j.status())).findFirst());
        assertThat(job.source()).isEqualTo("upload of 3 files by lead");
        assertThat(job.status()).isEqualTo("COMPLETED");
        Map<String, ImportFileResult> results = imports.files(job.id()).stream()
                .collect(Collectors.toMap(ImportFileResult::fileName, r -> r));
        assertThat(results).containsOnlyKeys("samples/scans/CT_small.dcm", "samples/scans/MR_small.dcm",
                "samples/README.txt");
        // Both samples lack BurnedInAnnotation, so they wait for a burned-in annotation review.
        assertThat(results.get("samples/scans/CT_small.dcm").outcome()).isEqualTo("HELD");
        assertThat(results.get("samples/scans/MR_small.dcm").outcome()).isEqualTo("HELD");
        assertThat(results.get("samples/README.txt").outcome()).isEqualTo("QUARANTINED");
        assertThat(results.get("samples/README.txt").reasonCode()).isEqualTo("NOT_DICOM");
        assertThat(imports.quarantine(project.id())).extracting(q -> q.reasonCode()).containsExactly("NOT_DICOM");
        assertThat(importButton.isEnabled()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void structuredReportShowsAsCompanionObject() throws IOException {
        Path folder = Files.createTempDirectory("truthline-report-import");
        Path report = TestPeers.sample("05-sr-seg-other/SR_TID1500_measurement_report.dcm");
        Files.copy(report, folder.resolve("report.dcm"));
        ProjectSummary project = newProject();
        long importId = imports.start(project.id(), folder, "lead").id();
        ImportJob job = await("the report import to finish", () -> Optional.of(imports.get(importId))
                .filter(j -> !"RUNNING".equals(j.status())));

        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<ImportFileResult> files = _get(Grid.class, spec -> spec.withId("import-files"));
        long companionObjectId = imports.files(job.id()).get(0).companionObjectId();
        assertThat(job.companionFiles()).isEqualTo(1);
        assertThat(GridKt._getFormatted(files, 0, "outcome")).isEqualTo("Kept with its study, not labeled");
        assertThat(GridKt._getFormatted(files, 0, "object")).isEqualTo("companion object " + companionObjectId);
        assertThat(_get(Span.class, spec -> spec.withId("import-status")).getText())
                .contains("0 images imported, 1 companion objects stored");
    }

    @Test
    @SuppressWarnings("unchecked")
    void repeatedQuarantineShowsOneRow() throws IOException {
        ProjectSummary project = newProject();
        Path folder = Files.createTempDirectory("truthline-repeat-upload");
        Files.writeString(folder.resolve("report.txt"), "A text file, not a DICOM object.");
        for (int attempt = 1; attempt <= 2; attempt++) {
            long importId = imports.start(project.id(), folder, "lead").id();
            await("import " + importId + " to finish", () -> Optional.of(imports.get(importId))
                    .filter(j -> !"RUNNING".equals(j.status())));
        }

        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<org.truthline.intake.QuarantineEntry> quarantine = _get(Grid.class,
                spec -> spec.withId("quarantine-grid"));
        assertThat(GridKt._size(quarantine)).isEqualTo(1);
        assertThat(GridKt._getFormatted(quarantine, 0, "file")).isEqualTo("report.txt");
        assertThat(GridKt._getFormatted(quarantine, 0, "reasonCode")).isEqualTo("NOT_DICOM");
        assertThat(GridKt._getFormatted(quarantine, 0, "attempts")).isEqualTo("2");
    }

    @Test
    void unsafeZipIsRejectedWithReason() throws IOException {
        ProjectSummary project = newProject();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../outside.dcm"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }

        Optional<Throwable> failure = Optional.empty();
        try {
            UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), "evil.zip", bytes.toByteArray());
        } catch (Exception e) {
            failure = Optional.of(e);
        }
        MockVaadin.clientRoundtrip();

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("upload-errors")).getElement()
                .getTextRecursively()).contains("evil.zip contains the entry '../outside.dcm'");
        assertThat(_get(Button.class, spec -> spec.withId("upload-import")).isEnabled()).isFalse();
        assertThat(imports.recent(project.id())).isEmpty();
        assertThat(failure).as("the upload request fails, so the browser marks the file").isPresent();
    }

    /**
     * Writes a hospital-style export under a new temporary folder: {@code export/DICOMDIR} listing
     * {@code SERIES1/IM0001}, {@code SERIES2/IM0001} and {@code SERIES3/IM0001}, three different samples.
     */
    private static Path hospitalExport() throws Exception {
        Path export = Files.createTempDirectory("truthline-export").resolve("export");
        List<String> samples = List.of("CT_small.dcm", "MR_small.dcm", "OT_YBR_FULL_422_uncompressed.dcm");
        String[] referenced = new String[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            referenced[i] = "SERIES" + (i + 1) + "/IM0001";
            Files.createDirectories(export.resolve(referenced[i]).getParent());
            Files.copy(Path.of("samples", samples.get(i)), export.resolve(referenced[i]));
        }
        new DicomDirectory(export.toFile(), referenced).write(export.resolve("DICOMDIR").toString());
        return export;
    }

    private static void uploadFromFolder(Path export, String path) throws IOException {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), "export/" + path,
                Files.readAllBytes(export.resolve(path)));
    }

    private static String uploadErrors() {
        return _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("upload-errors")).getElement()
                .getTextRecursively();
    }

    @Test
    void folderUploadKeepsRelativePaths() throws Exception {
        ProjectSummary project = newProject();
        Path export = hospitalExport();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);
        assertThat(_get(Button.class, spec -> spec.withId("upload-folder-button")).getText())
                .isEqualTo("Upload folder...");

        uploadFromFolder(export, "DICOMDIR");
        uploadFromFolder(export, "SERIES1/IM0001");
        uploadFromFolder(export, "SERIES2/IM0001");
        MockVaadin.clientRoundtrip();

        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-batch")).getText())
                .startsWith("3 files ready to import").contains("export/SERIES1/IM0001")
                .contains("export/SERIES2/IM0001");
        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-dicomdir")).getText())
                .startsWith("A DICOMDIR lists 1 file that was not uploaded: export/SERIES3/IM0001.");
        _click(_get(Button.class, spec -> spec.withId("upload-import")));

        ImportJob job = await("the folder import to finish", () -> imports.recent(project.id()).stream()
                .filter(j -> !"RUNNING".equals(j.status())).findFirst());
        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.source()).isEqualTo("upload of 2 files by lead");
        Map<String, ImportFileResult> results = imports.files(job.id()).stream()
                .collect(Collectors.toMap(ImportFileResult::fileName, result -> result));
        assertThat(results).containsOnlyKeys("export/SERIES1/IM0001", "export/SERIES2/IM0001",
                "export/SERIES3/IM0001");
        assertThat(results.get("export/SERIES1/IM0001").outcome()).isEqualTo("HELD");
        assertThat(results.get("export/SERIES2/IM0001").outcome()).isEqualTo("HELD");
        assertThat(results.get("export/SERIES3/IM0001").reasonCode()).isEqualTo("MISSING_REFERENCED_FILE");
        assertThat(imports.quarantine(project.id())).extracting(QuarantineEntry::reasonCode)
                .containsExactly("MISSING_REFERENCED_FILE");
    }

    @Test
    void unsafeFolderPathsAreRejected() {
        ProjectSummary project = newProject();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        for (String path : List.of("../outside.dcm", "export/../../outside.dcm", "/etc/passwd", "C:/export/IM0001")) {
            try {
                UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), path, new byte[] {1, 2, 3});
            } catch (Exception e) {
                // The failed request marks the file in the browser's list; the reason is asserted below.
            }
        }
        MockVaadin.clientRoundtrip();

        assertThat(uploadErrors()).contains("The uploaded file path '../outside.dcm' contains '..'");
        assertThat(uploadErrors()).contains("The uploaded file path 'export/../../outside.dcm' contains '..'");
        assertThat(uploadErrors()).contains("The uploaded file path '/etc/passwd' is absolute");
        assertThat(uploadErrors()).contains("The uploaded file path 'C:/export/IM0001' starts with a drive letter");
        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-batch")).getText())
                .isEqualTo("No files uploaded yet.");
        assertThat(_get(Button.class, spec -> spec.withId("upload-import")).isEnabled()).isFalse();
    }

    @Test
    void importWaitsForRunningUploads() throws IOException {
        ProjectSummary project = newProject();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);
        Upload upload = _get(Upload.class, spec -> spec.withId("upload"));
        Button importButton = _get(Button.class, spec -> spec.withId("upload-import"));

        UploadKt._upload(upload, "export/a/IM0001", Files.readAllBytes(Path.of("samples", "CT_small.dcm")));
        reportCounts(upload, 2, 1, 0);

        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-counts")).getText())
                .isEqualTo("Uploading: 1 of 2 selected files uploaded.");
        assertThat(importButton.isEnabled()).as("import while a file is still uploading").isFalse();

        UploadKt._upload(upload, "export/b/IM0001", Files.readAllBytes(Path.of("samples", "MR_small.dcm")));
        reportCounts(upload, 3, 2, 1);

        assertThat(_get(Paragraph.class, spec -> spec.withId("upload-counts")).getText())
                .isEqualTo("2 of 3 selected files uploaded, 1 failed.");
        assertThat(importButton.isEnabled()).as("import once no file is queued or uploading").isTrue();
        assertThat(importButton.getText()).isEqualTo("Import 2 uploaded files");
    }

    /** Fires the counts event that the browser script sends, with the values it computes from the file list. */
    private static void reportCounts(Upload upload, int selected, int uploaded, int failed) {
        JsonObject detail = Json.createObject();
        detail.put("event.detail.selected", selected);
        detail.put("event.detail.uploaded", uploaded);
        detail.put("event.detail.failed", failed);
        BasicUtilsKt._fireDomEvent(upload, "truthline-upload-counts", detail);
        MockVaadin.clientRoundtrip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void heldImageIsClearedFromQueue() throws IOException {
        ProjectSummary project = newProject();
        ImportJob job = imports.start(project.id(), Path.of("samples", "CT_small.dcm").toAbsolutePath(), "lead");
        await("the import to finish", () -> Optional.of(imports.get(job.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<org.truthline.intake.HeldImage> held = _get(Grid.class, spec -> spec.withId("burned-in-grid"));
        assertThat(GridKt._size(held)).isEqualTo(1);
        held.select(GridKt._get(held, 0));
        _click(_get(Button.class, spec -> spec.withId("burned-in-clear")));

        assertThat(burnedInReviews.pending(project.id())).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withText(
                "No image is waiting for a burned-in annotation review.")).isVisible()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void maskWithoutRectangleShowsError() throws IOException {
        ProjectSummary project = newProject();
        ImportJob job = imports.start(project.id(), Path.of("samples", "MR_small.dcm").toAbsolutePath(), "lead");
        await("the import to finish", () -> Optional.of(imports.get(job.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<org.truthline.intake.HeldImage> held = _get(Grid.class, spec -> spec.withId("burned-in-grid"));
        held.select(GridKt._get(held, 0));
        _click(_get(Button.class, spec -> spec.withId("burned-in-mask")));

        assertThat(_get(Span.class, spec -> spec.withId("burned-in-message")).getText())
                .contains("at least one rectangle");
        assertThat(burnedInReviews.pending(project.id())).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void clearHeaderYes_asksForNote() throws Exception {
        ProjectSummary project = newProject();
        Path file = withBurnedInAnnotationYes(Path.of("samples", "CT_small.dcm"));
        ImportJob job = imports.start(project.id(), file, "lead");
        await("the import to finish", () -> Optional.of(imports.get(job.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<org.truthline.intake.HeldImage> held = _get(Grid.class, spec -> spec.withId("burned-in-grid"));
        held.select(GridKt._get(held, 0));
        TextField note = _get(TextField.class, spec -> spec.withId("burned-in-note"));
        assertThat(note.isRequiredIndicatorVisible()).isTrue();
        _get(IntegerField.class, spec -> spec.withLabel("x")).setValue(0);
        _get(IntegerField.class, spec -> spec.withLabel("y")).setValue(0);
        _get(IntegerField.class, spec -> spec.withLabel("Width")).setValue(16);
        _get(IntegerField.class, spec -> spec.withLabel("Height")).setValue(8);
        _click(_get(Button.class, spec -> spec.withText("Add rectangle")));
        _click(_get(Button.class, spec -> spec.withId("burned-in-clear")));

        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).contains("Burned In Annotation (0028,0301) is YES");
        assertThat(_get(Span.class, spec -> spec.withId("burned-in-message")).getText()).contains("note is required");
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Width")).getValue()).isEqualTo(16);
        assertThat(_get(Span.class, spec -> spec.withText("To mask: [(0, 0) 16 × 8]")).isVisible()).isTrue();
        assertThat(burnedInReviews.pending(project.id())).hasSize(1);

        note.setValue("Only the scanner name is burned in");
        _click(_get(Button.class, spec -> spec.withId("burned-in-clear")));

        assertThat(burnedInReviews.pending(project.id())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reopenDecision_returnsImageToQueue() throws Exception {
        ProjectSummary project = newProject();
        ImportJob job = imports.start(project.id(), Path.of("samples", "CT_small.dcm").toAbsolutePath(), "lead");
        await("the import to finish", () -> Optional.of(imports.get(job.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        long imageId = burnedInReviews.pending(project.id()).get(0).imageId();
        burnedInReviews.clear(imageId, "lead", "Cleared before the reopen test");
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        Grid<org.truthline.intake.DecidedImage> decisions = _get(Grid.class,
                spec -> spec.withId("burned-in-decision-grid"));
        assertThat(GridKt._size(decisions)).isEqualTo(1);
        Button reopen = (Button) GridKt._getCellComponent(decisions, 0, "reopen");
        TextField note = _get(TextField.class, spec -> spec.withId("burned-in-reopen-note"));
        _click(reopen);

        assertThat(note.isInvalid()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("burned-in-reopen-message")).getText())
                .contains("note is required");
        assertThat(burnedInReviews.pending(project.id())).isEmpty();

        note.setValue("The lower corner shows a name");
        _click(reopen);

        assertThat(burnedInReviews.pending(project.id())).extracting(h -> h.imageId()).containsExactly(imageId);
        assertThat(GridKt._size(decisions)).isZero();
        Grid<org.truthline.intake.HeldImage> held = _get(Grid.class, spec -> spec.withId("burned-in-grid"));
        assertThat(GridKt._size(held)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bulkClearSeries_leavesHeaderYesHeld() throws Exception {
        ProjectSummary project = newProject();
        Path folder = Files.createTempDirectory("truthline-bulk-clear");
        Files.copy(Path.of("samples", "CT_small.dcm"), folder.resolve("CT_small.dcm"));
        Path marked = withBurnedInAnnotationYes(Path.of("samples", "CT_small.dcm"), "2.25.1" + System.nanoTime());
        Files.move(marked, folder.resolve("CT_marked.dcm"));
        ImportJob job = imports.start(project.id(), folder, "lead");
        await("the import to finish", () -> Optional.of(imports.get(job.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        long markedId = imports.files(job.id()).stream().filter(f -> f.fileName().equals("CT_marked.dcm"))
                .findFirst().orElseThrow().imageId();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);

        _click(_get(Button.class, spec -> spec.withId("burned-in-bulk-clear-series")));

        TextField note = _get(TextField.class, spec -> spec.withId("burned-in-bulk-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(burnedInReviews.pending(project.id())).hasSize(2);

        note.setValue("Looked through the series: no text");
        _click(_get(Button.class, spec -> spec.withId("burned-in-bulk-clear-series")));

        assertThat(_get(Span.class, spec -> spec.withId("burned-in-bulk-message")).getText())
                .startsWith("Cleared 1 image(s). 1 image(s) stay held for their own decision: image " + markedId);
        assertThat(burnedInReviews.pending(project.id())).extracting(h -> h.imageId()).containsExactly(markedId);
        Grid<org.truthline.intake.HeldImage> held = _get(Grid.class, spec -> spec.withId("burned-in-grid"));
        assertThat(GridKt._size(held)).isEqualTo(1);
    }

    /** Writes a copy of a sample whose Burned In Annotation is YES into a new temporary folder. */
    private static Path withBurnedInAnnotationYes(Path sample) throws Exception {
        return withBurnedInAnnotationYes(sample, null);
    }

    /**
     * Writes a copy of a sample whose Burned In Annotation is YES into a new temporary folder, with another SOP
     * Instance UID unless that is null.
     */
    private static Path withBurnedInAnnotationYes(Path sample, String sopInstanceUid) throws Exception {
        AttributeList list = new AttributeList();
        list.read(sample.toFile());
        Attribute flag = list.get(TagFromName.BurnedInAnnotation);
        if (flag == null) {
            flag = list.putNewAttribute(TagFromName.BurnedInAnnotation);
        }
        flag.removeValues();
        flag.addValue("YES");
        if (sopInstanceUid != null) {
            for (com.pixelmed.dicom.AttributeTag tag : List.of(TagFromName.SOPInstanceUID,
                    TagFromName.MediaStorageSOPInstanceUID)) {
                Attribute uid = list.get(tag);
                uid.removeValues();
                uid.addValue(sopInstanceUid);
            }
        }
        Path file = Files.createTempDirectory("truthline-burned-in-yes").resolve(sample.getFileName());
        list.write(file.toFile(), Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID),
                true, true);
        return file;
    }
}
