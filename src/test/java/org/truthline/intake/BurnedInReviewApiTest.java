package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.audit.AuditLog;
import org.truthline.audit.AuditRecord;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.training.TrainingService;

/**
 * The burned-in annotation review over the REST API, on copies of {@code samples/CT_small.dcm} whose Burned In
 * Annotation and SOP Instance UID each test sets. The demo users sign in with Basic authentication.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BurnedInReviewApiTest {

    private static final Path CT_SMALL = Path.of("samples", "CT_small.dcm").toAbsolutePath();
    private static final Path WORK = createTemporaryFolder("truthline-burned-in-files");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    TrainingService training;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", () -> createTemporaryFolder("truthline-burned-in-data").toString());
        // An empty samples folder: the demo seed imports nothing, and each test imports its own files.
        registry.add("truthline.demo.samples-dir", () -> createTemporaryFolder("truthline-burned-in-samples")
                .toString());
    }

    @Test
    void clearHeaderYes_withoutNote_rejected() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant("YES"));

        for (String note : new String[] {null, "", "   "}) {
            HttpResponse<String> response = post("lead", "/api/images/" + imageId + "/burned-in-review",
                    note == null ? Map.of("decision", "CLEAR") : Map.of("decision", "CLEAR", "note", note));

            assertThat(response.statusCode()).as("note %s", note).isEqualTo(400);
            JsonNode body = mapper.readTree(response.body());
            assertThat(body.at("/errors/note").asText()).as("note %s", note)
                    .contains("Burned In Annotation (0028,0301) is YES");
        }
        assertThat(status(imageId)).isEqualTo("PENDING");
        assertThat(events(imageId, "BURNED_IN_CLEARED")).isEmpty();
        assertThat(events(imageId, "LABELING_STARTED")).isEmpty();
    }

    @Test
    void clearHeaderYes_withNote_auditsNote() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant("YES"));

        HttpResponse<String> response = post("lead", "/api/images/" + imageId + "/burned-in-review",
                Map.of("decision", "CLEAR", "note", "Only the scanner name is burned in"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(status(imageId)).isEqualTo("CLEARED");
        JsonNode details = mapper.readTree(events(imageId, "BURNED_IN_CLEARED").get(0).details());
        assertThat(details.path("note").asText()).isEqualTo("Only the scanner name is burned in");
        assertThat(details.path("originalBurnedInAnnotation").asText()).isEqualTo("YES");
    }

    @Test
    void clearHeaderAbsent_withoutNote_accepted() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));

        HttpResponse<String> response = post("lead", "/api/images/" + imageId + "/burned-in-review",
                Map.of("decision", "CLEAR"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        JsonNode details = mapper.readTree(events(imageId, "BURNED_IN_CLEARED").get(0).details());
        assertThat(details.path("originalBurnedInAnnotation").asText()).isEqualTo("absent");
    }

    @Test
    void decisionOnClearedImage_conflict() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));
        assertThat(post("lead", "/api/images/" + imageId + "/burned-in-review", Map.of("decision", "CLEAR"))
                .statusCode()).isEqualTo(204);

        HttpResponse<String> again = post("lead", "/api/images/" + imageId + "/burned-in-review",
                Map.of("decision", "MASK", "rectangles", List.of(Map.of("x", 0, "y", 0, "width", 8, "height", 8))));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(again.body()).path("error").asText()).contains("status CLEARED");
    }

    @Test
    void reopenBeforeReadersOpen_holdsAgain() throws Exception {
        long projectId = projectWithCertifiedReaders();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);
        awaitAssignments(imageId, 2);
        String firstInstance = runningLabeling(imageId).get(0);

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Text in the lower corner, missed at first"));

        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(204);
        assertThat(status(imageId)).isEqualTo("PENDING");
        assertThat(assignments(imageId)).isZero();
        assertThat(runningLabeling(imageId)).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceId(firstInstance).count()).isZero();
        assertThat(get("contributor1", "/api/images/" + imageId + "/preview").statusCode()).isEqualTo(403);
        JsonNode details = mapper.readTree(events(imageId, "BURNED_IN_REOPENED").get(0).details());
        assertThat(details.path("note").asText()).isEqualTo("Text in the lower corner, missed at first");
        assertThat(details.path("previousDecision").asText()).isEqualTo("CLEARED");
        assertThat(details.path("withdrawnProcessInstances").get(0).asText()).isEqualTo(firstInstance);
        assertThat(details.path("withdrawnContributors")).hasSize(2);
        assertThat(get("lead", "/api/projects/" + projectId + "/burned-in-queue").body()).contains(
                "\"imageId\":" + imageId);

        clear(imageId);

        assertThat(runningLabeling(imageId)).hasSize(1).doesNotContain(firstInstance);
        awaitAssignments(imageId, 2);
    }

    @Test
    void reopenBeforeReadersAssigned_deletesWaitingLabeling() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);
        assertThat(runningLabeling(imageId)).hasSize(1);

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Wrong image cleared"));

        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(204);
        assertThat(runningLabeling(imageId)).isEmpty();
        assertThat(status(imageId)).isEqualTo("PENDING");
    }

    @Test
    void reopenAfterContributorOpened_conflict() throws Exception {
        long projectId = projectWithCertifiedReaders();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);
        awaitAssignments(imageId, 2);
        assertThat(get("contributor1", "/api/images/" + imageId + "/preview").statusCode()).isEqualTo(200);

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Too late"));

        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(reopened.body()).path("error").asText()).contains("contributor1 opened it");
        assertThat(status(imageId)).isEqualTo("CLEARED");
        assertThat(assignments(imageId)).isEqualTo(2);
        assertThat(runningLabeling(imageId)).hasSize(1);
        assertThat(events(imageId, "BURNED_IN_REOPENED")).isEmpty();
    }

    @Test
    void reopenAfterDicomwebRetrieve_conflict() throws Exception {
        long projectId = projectWithCertifiedReaders();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);
        awaitAssignments(imageId, 2);
        Map<String, Object> uids = jdbc.sql("""
                SELECT study_instance_uid, series_instance_uid, sop_instance_uid FROM image WHERE id = ?""")
                .param(imageId).query().singleRow();
        String rendered = "/dicomweb/studies/" + uids.get("STUDY_INSTANCE_UID") + "/series/"
                + uids.get("SERIES_INSTANCE_UID") + "/instances/" + uids.get("SOP_INSTANCE_UID") + "/rendered";
        assertThat(get("contributor2", rendered).statusCode()).isEqualTo(200);

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Too late"));

        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(reopened.body()).path("error").asText()).contains("contributor2 opened it");
    }

    @Test
    void reopenGoldCase_conflict() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);
        training.addGoldCase(projectId, imageId, 2, "good", "expert");

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Too late"));

        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(reopened.body()).path("error").asText()).contains("gold-standard case");
    }

    @Test
    void reopenWithoutNote_rejected() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));
        clear(imageId);

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", " "));

        assertThat(reopened.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(reopened.body()).at("/errors/note").asText()).contains("note is required");
        assertThat(status(imageId)).isEqualTo("CLEARED");
    }

    @Test
    void reopenHeldImage_conflict() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));

        HttpResponse<String> reopened = post("lead", "/api/images/" + imageId + "/burned-in-review/reopen",
                Map.of("note", "Nothing to reopen"));

        assertThat(reopened.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(reopened.body()).path("error").asText()).contains("status PENDING");
    }

    @Test
    void decisions_listNewestFirst() throws Exception {
        long projectId = newProject();
        long first = importHeld(projectId, ctVariant(null));
        long second = importHeld(projectId, ctVariant(null));
        clear(first);
        clear(second);

        JsonNode decisions = mapper.readTree(get("lead", "/api/projects/" + projectId + "/burned-in-decisions")
                .body());

        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).path("imageId").asLong()).isEqualTo(second);
        assertThat(decisions.get(0).path("decision").asText()).isEqualTo("CLEARED");
        assertThat(decisions.get(0).path("decidedBy").asText()).isEqualTo("lead");
        assertThat(decisions.get(1).path("imageId").asLong()).isEqualTo(first);
        assertThat(get("expert", "/api/projects/" + projectId + "/burned-in-decisions").statusCode())
                .isEqualTo(403);
    }

    @Test
    void mask_givesCopyNewSopInstanceUid() throws Exception {
        long projectId = newProject();
        Path source = ctVariant(null);
        long imageId = importHeld(projectId, source);
        Map<String, Object> before = imageRow(imageId);
        String oldUid = (String) before.get("SOP_INSTANCE_UID");
        Path oldCopy = Path.of((String) before.get("DEIDENTIFIED_PATH"));
        Path oldPreview = Path.of((String) before.get("PREVIEW_PATH"));
        // The lead looks first, which caches the full-size rendering of the unmasked copy.
        assertThat(get("lead", "/api/images/" + imageId + "/preview").statusCode()).isEqualTo(200);
        assertThat(org.truthline.image.ImageService.firstFrameCache(oldPreview)).exists();

        HttpResponse<String> masked = post("lead", "/api/images/" + imageId + "/burned-in-review", Map.of(
                "decision", "MASK", "rectangles", List.of(Map.of("x", 0, "y", 0, "width", 32, "height", 16))));

        assertThat(masked.statusCode()).as(masked.body()).isEqualTo(204);
        Map<String, Object> after = imageRow(imageId);
        String newUid = (String) after.get("SOP_INSTANCE_UID");
        assertThat(newUid).isNotEqualTo(oldUid).startsWith("2.25.");
        Path newCopy = Path.of((String) after.get("DEIDENTIFIED_PATH"));
        assertThat(newCopy.getFileName().toString()).isEqualTo(newUid + ".dcm");
        assertThat(Path.of((String) after.get("PREVIEW_PATH")).getFileName().toString()).isEqualTo(newUid + ".png");
        AttributeList copy = new AttributeList();
        copy.read(newCopy.toFile());
        assertThat(Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.SOPInstanceUID)).isEqualTo(newUid);
        assertThat(Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.MediaStorageSOPInstanceUID))
                .isEqualTo(newUid);
        assertThat(Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.BurnedInAnnotation))
                .isEqualTo("NO");
        assertThat(oldCopy).doesNotExist();
        assertThat(oldPreview).doesNotExist();
        assertThat(org.truthline.image.ImageService.firstFrameCache(oldPreview)).doesNotExist();
        String originalUid = (String) after.get("ORIGINAL_SOP_INSTANCE_UID");
        assertThat(jdbc.sql("SELECT mapped_uid FROM uid_map WHERE project_id = ? AND original_uid = ?")
                .params(projectId, originalUid).query(String.class).single()).isEqualTo(newUid);
        JsonNode details = mapper.readTree(events(imageId, "BURNED_IN_MASKED").get(0).details());
        assertThat(details.path("previousSopInstanceUid").asText()).isEqualTo(oldUid);
        assertThat(details.path("sopInstanceUid").asText()).isEqualTo(newUid);

        String series = "/dicomweb/studies/" + after.get("STUDY_INSTANCE_UID") + "/series/"
                + after.get("SERIES_INSTANCE_UID");
        assertThat(get("lead", series + "/instances/" + oldUid + "/rendered").statusCode()).isEqualTo(404);
        assertThat(get("lead", series + "/instances/" + newUid + "/rendered").statusCode()).isEqualTo(200);
        JsonNode instances = mapper.readTree(get("expert", series + "/instances").body());
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).at("/00080018/Value/0").asText()).isEqualTo(newUid);
    }

    @Test
    void bulkClearSeries_skipsHeaderYes() throws Exception {
        long projectId = newProject();
        long first = importHeld(projectId, ctVariant(null));
        long second = importHeld(projectId, ctVariant(null));
        long marked = importHeld(projectId, ctVariant("YES"));
        long otherSeries = importHeld(projectId, ctVariant(null, "2.25." + uuidDigits()));
        Map<String, Object> row = imageRow(first);

        HttpResponse<String> response = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", row.get("STUDY_INSTANCE_UID"), "seriesInstanceUid",
                        row.get("SERIES_INSTANCE_UID"), "note", "Looked through every slice: no text"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = mapper.readTree(response.body());
        assertThat(outcome.path("cleared")).extracting(JsonNode::asLong).containsExactly(first, second);
        assertThat(outcome.path("needIndividualDecision")).hasSize(1);
        JsonNode skipped = outcome.path("needIndividualDecision").get(0);
        assertThat(skipped.path("imageId").asLong()).isEqualTo(marked);
        assertThat(skipped.path("reason").asText()).contains("Burned In Annotation (0028,0301) is YES")
                .contains("its own decision");
        assertThat(outcome.path("notHeld").asInt()).isZero();
        assertThat(status(first)).isEqualTo("CLEARED");
        assertThat(status(second)).isEqualTo("CLEARED");
        assertThat(status(marked)).isEqualTo("PENDING");
        assertThat(status(otherSeries)).isEqualTo("PENDING");
        for (long imageId : List.of(first, second)) {
            JsonNode details = mapper.readTree(events(imageId, "BURNED_IN_CLEARED").get(0).details());
            assertThat(details.path("note").asText()).isEqualTo("Looked through every slice: no text");
            assertThat(details.path("bulk").asBoolean()).isTrue();
            assertThat(details.path("seriesInstanceUid").asText()).isEqualTo(row.get("SERIES_INSTANCE_UID"));
            assertThat(events(imageId, "LABELING_STARTED")).hasSize(1);
        }
        assertThat(events(marked, "BURNED_IN_CLEARED")).isEmpty();
    }

    @Test
    void bulkClearStudy_clearsEverySeries() throws Exception {
        long projectId = newProject();
        long first = importHeld(projectId, ctVariant(null));
        long otherSeries = importHeld(projectId, ctVariant(null, "2.25." + uuidDigits()));
        Map<String, Object> row = imageRow(first);
        assertThat(imageRow(otherSeries).get("SERIES_INSTANCE_UID")).isNotEqualTo(row.get("SERIES_INSTANCE_UID"));
        JsonNode series = mapper.readTree(get("lead", "/api/projects/" + projectId + "/burned-in-queue/series")
                .body());
        assertThat(series).hasSize(2);
        assertThat(series.get(0).path("heldImages").asInt()).isEqualTo(1);
        assertThat(series.get(0).path("modality").asText()).isEqualTo("CT");

        HttpResponse<String> response = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", row.get("STUDY_INSTANCE_UID"), "note", "Whole study checked"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).path("cleared")).extracting(JsonNode::asLong)
                .containsExactly(first, otherSeries);
        assertThat(mapper.readTree(get("lead", "/api/projects/" + projectId + "/burned-in-queue/series").body()))
                .isEmpty();

        HttpResponse<String> again = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", row.get("STUDY_INSTANCE_UID"), "note", "Whole study checked"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(again.body()).path("cleared")).isEmpty();
        assertThat(mapper.readTree(again.body()).path("notHeld").asInt()).isEqualTo(2);
    }

    @Test
    void bulkClearWithoutNote_rejected() throws Exception {
        long projectId = newProject();
        long imageId = importHeld(projectId, ctVariant(null));

        HttpResponse<String> response = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", imageRow(imageId).get("STUDY_INSTANCE_UID")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()).at("/errors/note").asText()).contains("note is required");
        assertThat(status(imageId)).isEqualTo("PENDING");
    }

    @Test
    void bulkClearUnknownStudy_rejected() throws Exception {
        long projectId = newProject();
        importHeld(projectId, ctVariant(null));

        HttpResponse<String> response = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", "2.25.1", "note", "Checked"));
        HttpResponse<String> missing = post("lead", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("note", "Checked"));
        HttpResponse<String> expert = post("expert", "/api/projects/" + projectId + "/burned-in-review/bulk-clear",
                Map.of("studyInstanceUid", "2.25.1", "note", "Checked"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()).path("error").asText()).contains("has no image in study 2.25.1");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("studyInstanceUid");
        assertThat(expert.statusCode()).isEqualTo(403);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    Map<String, Object> imageRow(long imageId) {
        return jdbc.sql("""
                SELECT sop_instance_uid, original_sop_instance_uid, study_instance_uid, series_instance_uid,
                       deidentified_path, preview_path
                FROM image WHERE id = ?""").param(imageId).query().singleRow();
    }

    long projectWithCertifiedReaders() {
        long projectId = newProject();
        training.certifyDirectly(projectId, "contributor1", "lead", "Certified for the burned-in review test");
        training.certifyDirectly(projectId, "contributor2", "lead", "Certified for the burned-in review test");
        return projectId;
    }

    void clear(long imageId) throws Exception {
        HttpResponse<String> cleared = post("lead", "/api/images/" + imageId + "/burned-in-review",
                Map.of("decision", "CLEAR", "note", "No text in the pixels"));
        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(204);
    }

    int assignments(long imageId) {
        return jdbc.sql("SELECT COUNT(*) FROM assignment WHERE image_id = ?").param(imageId).query(Integer.class)
                .single();
    }

    /** Waits until the job executor has assigned the readers. */
    void awaitAssignments(long imageId, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (assignments(imageId) < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(assignments(imageId)).as("assignments of image %d", imageId).isEqualTo(expected);
    }

    List<String> runningLabeling(long imageId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("image-labeling")
                .processInstanceBusinessKey(String.valueOf(imageId)).list().stream().map(p -> p.getId()).toList();
    }


    long newProject() {
        return projects.create(new NewProject("Burned-in review " + UUID.randomUUID(), null, "finding-severity", 2,
                0.0, 0), "lead").id();
    }

    /** Imports one file, checks that intake held it for review and returns its image id. */
    long importHeld(long projectId, Path file) throws InterruptedException {
        ImportJob job = waitFor(imports.start(projectId, file, "lead").id());
        List<ImportFileResult> results = imports.files(job.id());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).outcome()).as(results.get(0).reason()).isEqualTo("HELD");
        return results.get(0).imageId();
    }

    /** Writes a copy of CT_small with a new SOP Instance UID and the given Burned In Annotation (null: absent). */
    static Path ctVariant(String burnedInAnnotation) throws Exception {
        return ctVariant(burnedInAnnotation, null);
    }

    /** Writes a copy of CT_small as {@link #ctVariant(String)} does, in another series unless that is null. */
    static Path ctVariant(String burnedInAnnotation, String seriesInstanceUid) throws Exception {
        String sopInstanceUid = "2.25." + uuidDigits();
        AttributeList list = new AttributeList();
        list.read(CT_SMALL.toFile());
        replace(list, TagFromName.SOPInstanceUID, sopInstanceUid);
        replace(list, TagFromName.MediaStorageSOPInstanceUID, sopInstanceUid);
        if (seriesInstanceUid != null) {
            replace(list, TagFromName.SeriesInstanceUID, seriesInstanceUid);
        }
        if (burnedInAnnotation == null) {
            list.remove(TagFromName.BurnedInAnnotation);
        } else {
            replace(list, TagFromName.BurnedInAnnotation, burnedInAnnotation);
        }
        Path file = WORK.resolve(sopInstanceUid + ".dcm");
        list.write(file.toFile(), Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID),
                true, true);
        return file;
    }

    private static void replace(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute attribute = list.get(tag);
        if (attribute == null) {
            attribute = list.putNewAttribute(tag);
        }
        attribute.removeValues();
        attribute.addValue(value);
    }

    static String uuidDigits() {
        UUID uuid = UUID.randomUUID();
        return new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array()).toString();
    }

    String status(long imageId) {
        return jdbc.sql("SELECT burned_in_status FROM image WHERE id = ?").param(imageId).query(String.class)
                .single();
    }

    List<AuditRecord> events(long imageId, String type) {
        return audit.eventsForImage(imageId).stream().filter(e -> e.type().equals(type)).toList();
    }

    ImportJob waitFor(long importId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        ImportJob job = imports.get(importId);
        while ("RUNNING".equals(job.status()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = imports.get(importId);
        }
        return job;
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String user, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials);
    }

    static Path createTemporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder", e);
        }
    }
}
