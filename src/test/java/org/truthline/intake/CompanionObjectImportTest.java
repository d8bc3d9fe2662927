package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.audit.AuditLog;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.DeidentificationSettings;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * Imports a study of images with its SR, segmentation, presentation state and key object selection. The
 * non-image objects must be kept as de-identified companion objects, never as images to label. Their references
 * to the study's images must carry the images' new UIDs.
 *
 * <p>The corpus SR references CT_small. The corpus SEG and presentation state reference images the corpus lacks,
 * so the test writes those images itself: copies of corpus images given the referenced UIDs. The key object
 * selection is built here too and references CT_small.
 */
@SpringBootTest
class CompanionObjectImportTest {

    private static final String CT = "01-modalities/CT_small.dcm";
    private static final String DX = "01-modalities/DX_MONOCHROME1_dx_image.dcm";
    private static final String SR = "05-sr-seg-other/SR_TID1500_measurement_report.dcm";
    private static final String SEG = "05-sr-seg-other/SEG_binary_overlapping_segments.dcm";
    private static final String PR = "05-sr-seg-other/PR_GSPS_Issue168.dcm";
    private static final String PDF = "03-phi-deid/OT_encapsulated_PDF.dcm";
    private static final String MR_WITHOUT_PIXELS = "03-phi-deid/MR_same_PatientID_name_FOO.dcm";

    private static final String KEY_OBJECT_SELECTION = "1.2.840.10008.5.1.4.1.1.88.59";
    private static final List<String> IMAGE_FILES = List.of("CT_small.dcm", "seg-source.dcm", "pr-source.dcm");
    private static final List<String> COMPANION_FILES = List.of("sr.dcm", "seg.dcm", "pr.dcm", "ko.dcm");
    /** Attributes that reference another object when they appear inside a sequence. */
    private static final Set<AttributeTag> REFERENCE_TAGS = Set.of(TagFromName.ReferencedSOPInstanceUID,
            TagFromName.SeriesInstanceUID, TagFromName.StudyInstanceUID);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("truthline.data-dir", Files.createTempDirectory("truthline-companion-test")::toString);
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
    ObjectMapper mapper;

    static ProjectSummary project;
    static ImportJob study;
    static Path studyFolder;

    @BeforeEach
    synchronized void importStudyOnce() throws Exception {
        if (study != null) {
            return;
        }
        studyFolder = Files.createTempDirectory("truthline-companion-study");
        Files.copy(TestPeers.sample(CT), studyFolder.resolve("CT_small.dcm"));
        Files.copy(TestPeers.sample(SR), studyFolder.resolve("sr.dcm"));
        Files.copy(TestPeers.sample(SEG), studyFolder.resolve("seg.dcm"));
        Files.copy(TestPeers.sample(PR), studyFolder.resolve("pr.dcm"));
        writeReferencedImage(TestPeers.sample(CT), read(TestPeers.sample(SEG)), TagFromName.ReferencedInstanceSequence,
                studyFolder.resolve("seg-source.dcm"));
        writeReferencedImage(TestPeers.sample(DX), read(TestPeers.sample(PR)), TagFromName.ReferencedImageSequence,
                studyFolder.resolve("pr-source.dcm"));
        writeKeyObjectSelection(read(TestPeers.sample(CT)), studyFolder.resolve("ko.dcm"));

        project = projects.create(new NewProject("Companion objects " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
        study = waitFor(imports.start(project.id(), studyFolder, "lead").id());
    }

    @Test
    void study_imagesAndCompanionObjectsGetOwnOutcomes() {
        Map<String, ImportFileResult> results = resultsByFile(study);

        assertThat(study.status()).isEqualTo("COMPLETED");
        assertThat(study.importedFiles()).as("images imported").isEqualTo(IMAGE_FILES.size());
        assertThat(study.companionFiles()).as("companion objects stored").isEqualTo(COMPANION_FILES.size());
        assertThat(study.quarantinedFiles()).isZero();
        for (String image : IMAGE_FILES) {
            assertThat(results.get(image).outcome()).as(image).isIn("IMPORTED", "HELD");
            assertThat(results.get(image).imageId()).as(image).isNotNull();
            assertThat(results.get(image).companionObjectId()).as(image).isNull();
        }
        for (String companion : COMPANION_FILES) {
            assertThat(results.get(companion).outcome()).as(companion).isEqualTo("COMPANION");
            assertThat(results.get(companion).companionObjectId()).as(companion).isNotNull();
            assertThat(results.get(companion).imageId()).as(companion).isNull();
        }
    }

    @Test
    void companionObjects_areNeverImagesToLabel() {
        List<String> imageSources = jdbc.sql("SELECT source_name FROM image WHERE project_id = ?")
                .param(project.id()).query(String.class).list();
        List<Long> imageIds = jdbc.sql("SELECT id FROM image WHERE project_id = ?").param(project.id())
                .query(Long.class).list();
        List<Long> labeled = jdbc.sql("""
                SELECT image_id FROM audit_event WHERE project_id = ? AND event_type = 'LABELING_STARTED'""")
                .param(project.id()).query(Long.class).list();

        assertThat(imageSources).containsExactlyInAnyOrderElementsOf(IMAGE_FILES);
        assertThat(projects.progress(project.id()).images()).isEqualTo(IMAGE_FILES.size());
        assertThat(labeled).as("images whose labeling started").isSubsetOf(imageIds);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companion_object WHERE project_id = ?").param(project.id())
                .query(Integer.class).single()).isEqualTo(COMPANION_FILES.size());
    }

    @Test
    void companionCopies_areDeidentifiedWithAudit() throws Exception {
        Map<String, StoredCompanion> stored = storedCompanions();

        assertThat(stored).containsOnlyKeys(COMPANION_FILES);
        for (StoredCompanion companion : stored.values()) {
            AttributeList copy = read(companion.deidentifiedPath());
            assertThat(text(copy, TagFromName.PatientIdentityRemoved)).as(companion.sourceName()).isEqualTo("YES");
            assertThat(text(copy, TagFromName.PatientName)).as(companion.sourceName()).startsWith("ANONYMOUS^TL");
            assertThat(companion.sopInstanceUid()).as(companion.sourceName()).startsWith("2.25.")
                    .isEqualTo(text(copy, TagFromName.SOPInstanceUID));
            assertThat(companion.sopInstanceUid()).isNotEqualTo(companion.originalSopInstanceUid());
            assertThat(Files.readAllBytes(companion.originalPath()))
                    .isEqualTo(Files.readAllBytes(studyFolder.resolve(companion.sourceName())));
            assertThat(companion.deidentification()).contains("PS3.15 Annex E Basic");
            assertThat(auditTypes(companion.id())).as("audit events of %s", companion.sourceName())
                    .containsExactly("COMPANION_OBJECT_STORED", "COMPANION_OBJECT_DEIDENTIFIED");
        }
        assertThat(stored.get("sr.dcm").sopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.34");
        assertThat(read(stored.get("sr.dcm").deidentifiedPath()).get(TagFromName.ContentSequence))
                .as("Content Sequence of the SR copy under the default options").isNull();
        assertThat(stored.get("seg.dcm").frames()).as("Number of Frames of the SEG copy").isEqualTo(8);
        assertThat(stored.get("pr.dcm").frames()).as("no frames for a presentation state").isNull();
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void companionReferences_resolveToImageCopies() throws Exception {
        Map<String, String> imageUids = imageUidReplacements();
        Map<String, StoredCompanion> stored = storedCompanions();

        for (StoredCompanion companion : stored.values()) {
            Map<String, String> original = references(read(studyFolder.resolve(companion.sourceName())));
            Map<String, String> copy = references(read(companion.deidentifiedPath()));
            int resolved = 0;
            for (Map.Entry<String, String> reference : original.entrySet()) {
                String replacement = imageUids.get(reference.getValue());
                if (replacement != null) {
                    assertThat(copy).as("references in the copy of %s", companion.sourceName())
                            .containsEntry(reference.getKey(), replacement);
                    resolved++;
                }
            }
            assertThat(resolved).as("references of %s to imported images", companion.sourceName()).isPositive();
            String study = text(read(companion.deidentifiedPath()), TagFromName.StudyInstanceUID);
            assertThat(imageStudies()).as("study of %s", companion.sourceName()).contains(study);
        }
    }

    @Test
    void cleanStructuredContent_keepsReportImageReferences() throws Exception {
        ProjectSummary cleaned = projects.create(new NewProject("Companion objects, structured content "
                + UUID.randomUUID(), null, "finding-severity", 2, 0.0, 0), "lead");
        projects.updateDeidentification(cleaned.id(), new DeidentificationSettings(false, false, false, true), "lead");

        ImportJob job = waitFor(imports.start(cleaned.id(), studyFolder, "lead").id());

        assertThat(job.companionFiles()).isEqualTo(COMPANION_FILES.size());
        String ctCopy = jdbc.sql("SELECT sop_instance_uid FROM image WHERE project_id = ? AND source_name = ?")
                .params(cleaned.id(), "CT_small.dcm").query(String.class).single();
        Path reportCopy = Path.of(jdbc.sql("""
                SELECT deidentified_path FROM companion_object WHERE project_id = ? AND source_name = 'sr.dcm'""")
                .param(cleaned.id()).query(String.class).single());
        AttributeList report = read(reportCopy);
        assertThat(report.get(TagFromName.ContentSequence)).as("Content Sequence of the SR copy").isNotNull();
        List<String> referenced = referencedInstancesAtAnyDepth(report);
        assertThat(referenced).as("Referenced SOP Instance UIDs in the SR copy, content tree included").hasSize(2)
                .containsOnly(ctCopy);
    }

    @Test
    void sameCompanionAgain_isDuplicate() throws Exception {
        long companionId = storedCompanions().get("sr.dcm").id();

        ImportJob again = waitFor(imports.start(project.id(), studyFolder.resolve("sr.dcm"), "lead").id());

        ImportFileResult result = imports.files(again.id()).get(0);
        assertThat(again.duplicateFiles()).isEqualTo(1);
        assertThat(again.companionFiles()).isZero();
        assertThat(result.outcome()).isEqualTo("DUPLICATE");
        assertThat(result.companionObjectId()).isEqualTo(companionId);
        assertThat(result.reason()).contains("companion object " + companionId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companion_object WHERE project_id = ? AND source_name = 'sr.dcm'")
                .param(project.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void changedCompanionSameUid_isConflict(@TempDir Path folder) throws Exception {
        AttributeList changed = read(studyFolder.resolve("sr.dcm"));
        replace(changed, TagFromName.SeriesDescription, "edited after the first import");
        Path file = write(changed, folder.resolve("sr-edited.dcm"));

        ImportJob job = waitFor(imports.start(project.id(), file, "lead").id());

        ImportFileResult result = imports.files(job.id()).get(0);
        assertThat(result.outcome()).isEqualTo("QUARANTINED");
        assertThat(result.reasonCode()).isEqualTo("DUPLICATE_CONFLICT");
        assertThat(result.reason()).contains("companion object " + storedCompanions().get("sr.dcm").id());
        assertThat(result.reason()).contains("but a different data set", "stays in use", "new project");
    }

    @Test
    void companionFromOtherSender_isDuplicate(@TempDir Path folder) throws Exception {
        AttributeList resent = read(studyFolder.resolve("sr.dcm"));
        resent.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(resent, TransferSyntax.ExplicitVRLittleEndian, "OTHER_PACS");
        Path file = folder.resolve("sr-resent.dcm");
        resent.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        ImportJob job = waitFor(imports.start(project.id(), file, "lead").id());

        ImportFileResult result = imports.files(job.id()).get(0);
        assertThat(result.outcome()).isEqualTo("DUPLICATE");
        assertThat(result.companionObjectId()).isEqualTo(storedCompanions().get("sr.dcm").id());
        assertThat(result.reason()).contains("same data set as companion object");
    }

    @Test
    void encapsulatedPdf_isQuarantinedAsDocument() throws Exception {
        ImportJob job = waitFor(imports.start(project.id(), TestPeers.sample(PDF).toAbsolutePath(), "lead").id());

        ImportFileResult result = imports.files(job.id()).get(0);
        assertThat(job.quarantinedFiles()).isEqualTo(1);
        assertThat(result.outcome()).isEqualTo("QUARANTINED");
        assertThat(result.reasonCode()).isEqualTo("ENCAPSULATED_DOCUMENT");
        assertThat(result.reason()).contains("Encapsulated PDF Storage", "1.2.840.10008.5.1.4.1.1.104.1",
                "cannot de-identify");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companion_object WHERE source_name = 'OT_encapsulated_PDF.dcm'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void imageWithoutPixels_isNoPixelData() throws Exception {
        ImportJob job = waitFor(imports.start(project.id(), TestPeers.sample(MR_WITHOUT_PIXELS).toAbsolutePath(),
                "lead").id());

        ImportFileResult result = imports.files(job.id()).get(0);
        assertThat(result.outcome()).isEqualTo("QUARANTINED");
        assertThat(result.reasonCode()).isEqualTo("NO_PIXEL_DATA");
        assertThat(result.reason()).contains("MR Image Storage", "structured reports", "presentation states",
                "segmentations");
    }

    /** One companion_object row. */
    private record StoredCompanion(long id, String sourceName, String sopInstanceUid, String originalSopInstanceUid,
            String sopClassUid, Integer frames, Path originalPath, Path deidentifiedPath, String deidentification) {
    }

    private Map<String, StoredCompanion> storedCompanions() {
        return jdbc.sql("""
                SELECT id, source_name, sop_instance_uid, original_sop_instance_uid, sop_class_uid, frame_count,
                       original_path, deidentified_path, deidentification
                FROM companion_object WHERE project_id = ? AND import_id = ?""")
                .params(project.id(), study.id())
                .query((rs, n) -> new StoredCompanion(rs.getLong("id"), rs.getString("source_name"),
                        rs.getString("sop_instance_uid"), rs.getString("original_sop_instance_uid"),
                        rs.getString("sop_class_uid"), rs.getObject("frame_count", Integer.class),
                        Path.of(rs.getString("original_path")), Path.of(rs.getString("deidentified_path")),
                        rs.getString("deidentification")))
                .list().stream().collect(Collectors.toMap(StoredCompanion::sourceName, c -> c));
    }

    /**
     * Maps each original SOP Instance, Series Instance and Study Instance UID of the imported images to the UID
     * of the image's de-identified copy, read from both files.
     */
    private Map<String, String> imageUidReplacements() throws Exception {
        Map<String, String> replacements = new LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT original_path, deidentified_path FROM image WHERE project_id = ?""")
                .param(project.id()).query().listOfRows();
        for (Map<String, Object> row : rows) {
            AttributeList original = read(Path.of((String) row.get("original_path")));
            AttributeList copy = read(Path.of((String) row.get("deidentified_path")));
            for (AttributeTag tag : REFERENCE_TAGS) {
                AttributeTag own = tag.equals(TagFromName.ReferencedSOPInstanceUID) ? TagFromName.SOPInstanceUID : tag;
                replacements.put(text(original, own), text(copy, own));
            }
        }
        return replacements;
    }

    private List<String> imageStudies() {
        return jdbc.sql("SELECT study_instance_uid FROM image WHERE project_id = ?").param(project.id())
                .query(String.class).list();
    }

    /** Returns the types of the store and de-identification audit events that name the companion object. */
    private List<String> auditTypes(long companionObjectId) throws Exception {
        List<Map<String, Object>> events = jdbc.sql("""
                SELECT event_type, details FROM audit_event WHERE project_id = ?
                    AND event_type IN ('COMPANION_OBJECT_STORED', 'COMPANION_OBJECT_DEIDENTIFIED') ORDER BY id""")
                .param(project.id()).query().listOfRows();
        List<String> types = new ArrayList<>();
        for (Map<String, Object> event : events) {
            JsonNode details = mapper.readTree((String) event.get("details"));
            if (details.path("companionObjectId").asLong() == companionObjectId) {
                types.add((String) event.get("event_type"));
            }
        }
        return types;
    }

    /**
     * Returns the reference UIDs found inside standard sequences at any depth, keyed by their path such as
     * "(0008,1115)[0](0008,114a)[1](0008,1155)". Private sequences and Content Sequence are left out, because
     * the default de-identification removes both.
     */
    private static Map<String, String> references(AttributeList list) throws DicomException {
        Map<String, String> found = new LinkedHashMap<>();
        collect(list, "", 0, found);
        return found;
    }

    private static void collect(AttributeList list, String path, int depth, Map<String, String> found)
            throws DicomException {
        for (Attribute attribute : list.values()) {
            AttributeTag tag = attribute.getTag();
            if (tag.isPrivate() || tag.equals(TagFromName.ContentSequence)) {
                continue;
            }
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    collect(sequence.getItem(i).getAttributeList(), path + tag + "[" + i + "]", depth + 1, found);
                }
            } else if (depth > 0 && REFERENCE_TAGS.contains(tag) && attribute.getVM() > 0) {
                found.put(path + tag, attribute.getSingleStringValueOrEmptyString().trim());
            }
        }
    }

    /** Returns every Referenced SOP Instance UID value at any depth, Content Sequence included. */
    private static List<String> referencedInstancesAtAnyDepth(AttributeList list) throws DicomException {
        List<String> found = new ArrayList<>();
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    found.addAll(referencedInstancesAtAnyDepth(sequence.getItem(i).getAttributeList()));
                }
            } else if (attribute.getTag().equals(TagFromName.ReferencedSOPInstanceUID)) {
                found.add(attribute.getSingleStringValueOrEmptyString().trim());
            }
        }
        return found;
    }

    /**
     * Writes a copy of {@code image} as the first instance that {@code referrer} names in its Referenced Series
     * Sequence, under {@code instanceSequence}, in the referrer's study.
     */
    private static void writeReferencedImage(Path image, AttributeList referrer, AttributeTag instanceSequence,
            Path target) throws Exception {
        AttributeList series = ((SequenceAttribute) referrer.get(TagFromName.ReferencedSeriesSequence)).getItem(0)
                .getAttributeList();
        AttributeList instance = ((SequenceAttribute) series.get(instanceSequence)).getItem(0).getAttributeList();
        AttributeList list = read(image);
        list.removeMetaInformationHeaderAttributes();
        replace(list, TagFromName.StudyInstanceUID, text(referrer, TagFromName.StudyInstanceUID));
        replace(list, TagFromName.SeriesInstanceUID, text(series, TagFromName.SeriesInstanceUID));
        replace(list, TagFromName.SOPInstanceUID, text(instance, TagFromName.ReferencedSOPInstanceUID));
        write(list, target);
    }

    /** Writes a key object selection in CT_small's study that selects CT_small. */
    private static void writeKeyObjectSelection(AttributeList ct, Path target) throws Exception {
        AttributeList reference = new AttributeList();
        replace(reference, TagFromName.ReferencedSOPClassUID, text(ct, TagFromName.SOPClassUID));
        replace(reference, TagFromName.ReferencedSOPInstanceUID, text(ct, TagFromName.SOPInstanceUID));
        AttributeList series = new AttributeList();
        replace(series, TagFromName.SeriesInstanceUID, text(ct, TagFromName.SeriesInstanceUID));
        series.put(sequenceOf(TagFromName.ReferencedSOPSequence, reference));
        AttributeList evidence = new AttributeList();
        replace(evidence, TagFromName.StudyInstanceUID, text(ct, TagFromName.StudyInstanceUID));
        evidence.put(sequenceOf(TagFromName.ReferencedSeriesSequence, series));

        AttributeList ko = new AttributeList();
        replace(ko, TagFromName.SOPClassUID, KEY_OBJECT_SELECTION);
        replace(ko, TagFromName.SOPInstanceUID, newUid());
        replace(ko, TagFromName.StudyInstanceUID, text(ct, TagFromName.StudyInstanceUID));
        replace(ko, TagFromName.SeriesInstanceUID, newUid());
        replace(ko, TagFromName.Modality, "KO");
        replace(ko, TagFromName.PatientName, text(ct, TagFromName.PatientName));
        replace(ko, TagFromName.PatientID, text(ct, TagFromName.PatientID));
        replace(ko, TagFromName.ValueType, "CONTAINER");
        ko.put(sequenceOf(TagFromName.CurrentRequestedProcedureEvidenceSequence, evidence));
        write(ko, target);
    }

    private static SequenceAttribute sequenceOf(AttributeTag tag, AttributeList item) {
        SequenceAttribute sequence = new SequenceAttribute(tag);
        sequence.addItem(item);
        return sequence;
    }

    private static String newUid() {
        UUID uuid = UUID.randomUUID();
        return "2.25." + new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    private static void replace(AttributeList list, AttributeTag tag, String value) throws DicomException {
        list.remove(tag);
        list.putNewAttribute(tag).addValue(value);
    }

    private static Path write(AttributeList list, Path target) throws Exception {
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, text(list, TagFromName.SOPClassUID),
                text(list, TagFromName.SOPInstanceUID), TransferSyntax.ExplicitVRLittleEndian, "TRUTHLINE_TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    private static AttributeList read(Path file) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private Map<String, ImportFileResult> resultsByFile(ImportJob job) {
        return imports.files(job.id()).stream().collect(Collectors.toMap(ImportFileResult::fileName, r -> r));
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
}
