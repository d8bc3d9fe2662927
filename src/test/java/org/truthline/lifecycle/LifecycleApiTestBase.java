package org.truthline.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.truthline.training.TrainingService;

/**
 * Drives demo images from import to a final label through the REST API only, along each path of the labeling
 * process, as a script would. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class LifecycleApiTestBase {

    static final String DEMO_PROJECT = "Demo: finding severity";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    TrainingService training;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient lead;
    ApiClient expert;
    ApiClient adjudicator;
    ApiClient contributor1;
    ApiClient contributor2;
    ApiClient auditor;
    ApiClient admin;

    /** Demo images reserved by a test, per test class: each class has its own database and image ids. */
    private static final Map<Class<?>, Set<Long>> reservedImages = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void clients() {
        lead = new ApiClient(port, "lead", "lead");
        expert = new ApiClient(port, "expert", "expert");
        adjudicator = new ApiClient(port, "adjudicator", "adjudicator");
        contributor1 = new ApiClient(port, "contributor1", "contributor1");
        contributor2 = new ApiClient(port, "contributor2", "contributor2");
        auditor = new ApiClient(port, "auditor", "auditor");
        admin = new ApiClient(port, "admin", "admin");
    }

    // ---- the four paths -------------------------------------------------------------------------------------

    @Test
    void readersAgree_notSampled_finalizedByConsensus() {
        long projectId = demoProject();
        setSamplingPlan(projectId, 0.0, 0);
        long imageId = pickDemoImage(projectId);

        annotate(contributor1, imageId, 1, "good");
        annotate(contributor2, imageId, 1, "good");

        JsonNode label = awaitLabel(projectId, imageId);
        assertThat(label.path("source").asText()).isEqualTo("CONSENSUS");
        assertThat(label.path("grade").asInt()).isEqualTo(1);
        List<JsonNode> events = history(label);
        assertThat(types(events)).containsSubsequence("IMAGE_IMPORTED", "IMAGE_DEIDENTIFIED", "READERS_ASSIGNED",
                "ANNOTATION_SUBMITTED", "ANNOTATION_SUBMITTED", "SAMPLING_DECIDED", "LABEL_FINALIZED");
        assertThat(types(events)).doesNotContain("REVIEW_SUBMITTED", "ADJUDICATION_SUBMITTED");
        assertThat(event(events, "SAMPLING_DECIDED").path("details").asText()).contains("\"reviewNeeded\":false");
        assertEveryProcessEventNamesItsDefinition(events);
    }

    @Test
    void readersAgree_sampled_reviewAccepts() {
        long projectId = demoProject();
        setSamplingPlan(projectId, 1.0, 0);
        long imageId = pickDemoImage(projectId);

        annotate(contributor1, imageId, 2, "adequate");
        annotate(contributor2, imageId, 2, "adequate");
        completeGroupTask(expert, "REVIEW", imageId, Map.of("outcome", "ACCEPT"));

        JsonNode label = awaitLabel(projectId, imageId);
        assertThat(label.path("source").asText()).isEqualTo("CONSENSUS");
        assertThat(label.path("grade").asInt()).isEqualTo(2);
        List<JsonNode> events = history(label);
        assertThat(types(events)).containsSubsequence("ANNOTATION_SUBMITTED", "ANNOTATION_SUBMITTED",
                "SAMPLING_DECIDED", "REVIEW_SUBMITTED", "LABEL_FINALIZED");
        assertThat(event(events, "SAMPLING_DECIDED").path("details").asText()).contains("\"reviewNeeded\":true");
        assertThat(event(events, "REVIEW_SUBMITTED").path("processDefinitionKey").asText()).isEqualTo("expert-review");
        assertEveryProcessEventNamesItsDefinition(events);
    }

    @Test
    void readersDisagree_adjudicated() {
        long projectId = demoProject();
        setSamplingPlan(projectId, 0.0, 0);
        long imageId = pickDemoImage(projectId);

        annotate(contributor1, imageId, 1, "good");
        annotate(contributor2, imageId, 3, "good");
        completeGroupTask(expert, "REVIEW", imageId,
                Map.of("outcome", "CORRECT", "grade", 2, "quality", "good", "reason", "Lesion is mild, not moderate."));
        completeGroupTask(adjudicator, "ADJUDICATE", imageId,
                Map.of("grade", 2, "quality", "good", "rationale", "Agree with the expert: margins are mild."));

        JsonNode label = awaitLabel(projectId, imageId);
        assertThat(label.path("source").asText()).isEqualTo("ADJUDICATION");
        assertThat(label.path("grade").asInt()).isEqualTo(2);
        List<JsonNode> events = history(label);
        assertThat(types(events)).containsSubsequence("ANNOTATION_SUBMITTED", "ANNOTATION_SUBMITTED",
                "SAMPLING_DECIDED", "REVIEW_SUBMITTED", "ADJUDICATION_SUBMITTED", "LABEL_FINALIZED");
        assertThat(event(events, "ADJUDICATION_SUBMITTED").path("processDefinitionKey").asText()).isEqualTo("adjudicate");
        assertEveryProcessEventNamesItsDefinition(events);
    }

    @Test
    void reviewRejects_adjudicated() {
        long projectId = demoProject();
        setSamplingPlan(projectId, 1.0, 0);
        long imageId = pickDemoImage(projectId);

        annotate(contributor1, imageId, 0, "poor");
        annotate(contributor2, imageId, 0, "poor");
        completeGroupTask(expert, "REVIEW", imageId,
                Map.of("outcome", "REJECT", "reason", "Both readers missed the nodule in the upper field."));
        completeGroupTask(adjudicator, "ADJUDICATE", imageId,
                Map.of("grade", 3, "quality", "adequate", "rationale", "Nodule confirmed on the full-resolution view."));

        JsonNode label = awaitLabel(projectId, imageId);
        assertThat(label.path("source").asText()).isEqualTo("ADJUDICATION");
        assertThat(label.path("grade").asInt()).isEqualTo(3);
        List<JsonNode> events = history(label);
        assertThat(types(events)).containsSubsequence("SAMPLING_DECIDED", "REVIEW_SUBMITTED",
                "ADJUDICATION_SUBMITTED", "LABEL_FINALIZED");
        assertThat(event(events, "REVIEW_SUBMITTED").path("details").asText()).contains("REJECT");
        assertEveryProcessEventNamesItsDefinition(events);
    }

    // ---- access rules ---------------------------------------------------------------------------------------

    @Test
    void contributor_isDeniedAnotherContributorsTask() {
        long projectId = demoProject();
        long imageId = peekDemoImage(projectId);
        String othersTask = annotateTaskId(contributor2, imageId);

        assertThat(contributor1.get("/api/tasks/" + othersTask).status()).isEqualTo(403);
        assertThat(contributor1.post("/api/tasks/" + othersTask + "/complete",
                Map.of("grade", 1, "quality", "good")).status()).isEqualTo(403);
        assertThat(contributor1.post("/api/tasks/" + othersTask + "/claim", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void contributor_isDeniedOriginalsAndLabels() {
        long projectId = demoProject();
        long imageId = peekDemoImage(projectId);

        assertThat(contributor1.get("/api/images/" + imageId + "/original").status()).isEqualTo(403);
        assertThat(contributor1.get("/api/labels").status()).isEqualTo(403);
        assertThat(admin.get("/api/images/" + imageId + "/original").status()).isEqualTo(200);
    }

    @Test
    void assignee_cannotBypassTruthlineThroughEngineRest() {
        long projectId = demoProject();
        long imageId = peekDemoImage(projectId);
        String task = annotateTaskId(contributor1, imageId);

        ApiClient.Response denied = contributor1.post("/engine-rest/task/" + task + "/complete", Map.of());
        ApiClient.Response variables = contributor1.post("/engine-rest/task/" + task + "/variables",
                Map.of("modifications", Map.of("readers", Map.of("value", "contributor1,contributor1"))));
        ApiClient.Response response = admin.post("/engine-rest/task/" + task + "/complete", Map.of());
        ApiClient.Response resolved = admin.post("/engine-rest/task/" + task + "/resolve", Map.of());
        ApiClient.Response delegated = admin.post("/engine-rest/task/" + task + "/delegate",
                Map.of("userId", "contributor2"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(variables.status()).isEqualTo(403);
        assertThat(resolved.status()).as("resolving strands the task").isEqualTo(403);
        assertThat(delegated.status()).as("delegating hands the reading to another contributor").isEqualTo(403);
        // Even an admin, whom Camunda lets complete any task, is stopped: Camunda's REST API wraps the task
        // listener's exception in HTTP 500, and the message carries the fix.
        assertThat(response.status()).as(response.text()).isIn(400, 500);
        assertThat(response.text()).contains("can only be completed in Truthline")
                .contains("/api/tasks/" + task + "/complete");
        assertThat(annotateTaskId(contributor1, imageId)).isEqualTo(task);
    }

    @Test
    void auditor_cannotCompleteOrChangeAnything() {
        long projectId = demoProject();
        long imageId = peekDemoImage(projectId);
        String task = annotateTaskId(contributor1, imageId);

        assertThat(auditor.post("/api/tasks/" + task + "/complete", Map.of("grade", 1, "quality", "good")).status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(403);
        assertThat(auditor.put("/api/projects/" + projectId + "/sampling-plan",
                Map.of("reviewRate", 1.0, "minReviewedItems", 0, "readersPerImage", 2)).status()).isEqualTo(403);
        assertThat(auditor.post("/api/projects", Map.of("name", "x", "taxonomyKey", "finding-severity")).status())
                .isEqualTo(403);
        assertThat(auditor.post("/api/projects/" + projectId + "/imports", Map.of("path", "/tmp")).status())
                .isEqualTo(403);
        assertThat(auditor.post("/engine-rest/task/" + task + "/complete", Map.of()).status()).isIn(401, 403);
        assertThat(auditor.get("/api/labels").status()).isEqualTo(200);
    }

    // ---- real DICOM files --------------------------------------------------------------------------------------

    @Test
    void corpusFiles_reachFinalLabelOrSpecificQuarantine() {
        Path samples = requireSamples();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String folder : List.of("01-modalities", "02-transfer-syntaxes")) {
            for (Path file : dicomFiles(samples.resolve(folder))) {
                String name = folder + "/" + file.getFileName();
                long projectId = projectWithCertifiedReaders("Corpus " + name);
                JsonNode result = importFile(projectId, file);
                String outcome = result.path("outcome").asText();
                if ("IMPORTED".equals(outcome) || "HELD".equals(outcome)) {
                    long imageId = result.path("imageId").asLong();
                    if ("HELD".equals(outcome)) {
                        assertThat(result.path("reasonCode").asText()).as(name).isEqualTo("BURNED_IN_ANNOTATION");
                        clearBurnedIn(imageId);
                    }
                    annotate(contributor1, imageId, 0, "good");
                    annotate(contributor2, imageId, 0, "good");
                    assertThat(awaitLabel(projectId, imageId).path("source").asText()).as(name).isEqualTo("CONSENSUS");
                    outcomes.put(name, "HELD".equals(outcome) ? "HELD_THEN_FINAL_LABEL" : "FINAL_LABEL");
                } else {
                    assertThat(outcome).as(name).isEqualTo("QUARANTINED");
                    assertThat(result.path("reason").asText()).as(name).contains(file.getFileName().toString());
                    outcomes.put(name, result.path("reasonCode").asText());
                }
            }
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(CorpusExpectations.OUTCOMES);
    }

    @Test
    void contributor_neverSeesOriginalPatientIdentity() {
        Path samples = requireSamples();
        for (Path file : List.of(samples.resolve("01-modalities/CT_small.dcm"),
                samples.resolve("03-phi-deid/PT_nested_PHI_in_sequences_GH610.dcm"))) {
            Set<String> identity = PatientIdentity.valuesIn(file);
            assertThat(identity).as("identifying values read from " + file.getFileName()).isNotEmpty();
            long projectId = projectWithCertifiedReaders("PHI " + file.getFileName());
            JsonNode result = importFile(projectId, file);
            long imageId = result.path("imageId").asLong();
            if ("HELD".equals(result.path("outcome").asText())) {
                assertThat(contributor1.get("/api/images/" + imageId + "/preview").status()).isEqualTo(403);
                assertThat(contributor1.get("/api/images/" + imageId + "/thumbnail").status()).isEqualTo(403);
                clearBurnedIn(imageId);
            } else {
                assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("IMPORTED");
            }
            String taskId = annotateTaskId(contributor1, imageId);

            List<ApiClient.Response> fetched = new ArrayList<>();
            fetched.add(contributor1.get("/api/tasks"));
            fetched.add(contributor1.get("/api/tasks/" + taskId));
            fetched.add(contributor1.get("/api/images/" + imageId));
            fetched.add(contributor1.get("/api/images/" + imageId + "/preview"));
            fetched.add(contributor1.get("/api/images/" + imageId + "/preview?frame=0&center=100&width=400"));
            fetched.add(contributor1.get("/api/images/" + imageId + "/thumbnail"));
            ApiClient.Response studies = contributor1.get("/dicomweb/studies");
            fetched.add(studies);
            assertThat(studies.status()).isEqualTo(200);
            for (JsonNode study : studies.json()) {
                String studyUid = study.at("/0020000D/Value/0").asText();
                ApiClient.Response retrieved = contributor1.get("/dicomweb/studies/" + studyUid);
                assertThat(retrieved.status()).as("WADO-RS of " + studyUid).isEqualTo(200);
                fetched.add(retrieved);
            }
            for (ApiClient.Response response : fetched) {
                String body = latin1(response.body());
                for (String value : identity) {
                    assertThat(body).as("a contributor's response from " + file.getFileName()).doesNotContain(value);
                }
            }
            assertThat(fetched.get(1).status()).isEqualTo(200);
            assertThat(fetched.get(3).status()).isEqualTo(200);
        }
    }

    @Test
    void deidentificationOptions_putAndGet() {
        long projectId = projectWithCertifiedReaders("De-identification options");
        String path = "/api/projects/" + projectId + "/deidentification";

        ApiClient.Response threeFields = lead.put(path, Map.of("retainLongitudinalTemporalInformationModifiedDates",
                true, "retainPatientCharacteristics", false, "cleanDescriptors", true));
        assertThat(threeFields.status()).as(threeFields.text()).isEqualTo(200);
        JsonNode stored = lead.getOk(path);
        assertThat(stored.path("retainLongitudinalTemporalInformationModifiedDates").asBoolean()).isTrue();
        assertThat(stored.path("cleanDescriptors").asBoolean()).isTrue();
        assertThat(stored.path("cleanStructuredContent").asBoolean()).isFalse();

        ApiClient.Response allFields = lead.put(path, Map.of("retainLongitudinalTemporalInformationModifiedDates",
                false, "retainPatientCharacteristics", true, "cleanDescriptors", false,
                "cleanStructuredContent", true));
        assertThat(allFields.status()).as(allFields.text()).isEqualTo(200);
        assertThat(lead.getOk(path).path("cleanStructuredContent").asBoolean()).isTrue();

        ApiClient.Response misspelt = lead.put(path, Map.of("retainLongitudinalTemporalInformationModifiedDates",
                false, "retainPatientCharacteristics", true, "cleanDescriptors", false,
                "cleanStructuredContents", true));
        assertThat(misspelt.status()).as(misspelt.text()).isEqualTo(400);
        assertThat(misspelt.json().path("error").asText()).contains("'cleanStructuredContents'")
                .contains("cleanStructuredContent");
        assertThat(lead.getOk(path).path("cleanStructuredContent").asBoolean()).as("unchanged by the rejected PUT")
                .isTrue();

        ApiClient.Response missing = lead.put(path, Map.of("retainPatientCharacteristics", true,
                "cleanDescriptors", false));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("retainLongitudinalTemporalInformationModifiedDates");
        assertThat(contributor1.put(path, Map.of("retainLongitudinalTemporalInformationModifiedDates", false,
                "retainPatientCharacteristics", false, "cleanDescriptors", false)).status()).isEqualTo(403);
    }

    @Test
    void burnedInUltrasound_reachesContributorsOnlyMasked() throws Exception {
        Path file = requireSamples().resolve("03-phi-deid/US_burned_in_PHI_RLE_YBR.dcm");
        long projectId = projectWithCertifiedReaders("Burned-in " + file.getFileName());
        JsonNode result = importFile(projectId, file);
        assertThat(result.path("outcome").asText()).as(result.toString()).isEqualTo("HELD");
        long imageId = result.path("imageId").asLong();

        assertThat(contributor1.get("/api/images/" + imageId + "/preview").status()).isEqualTo(403);
        assertThat(contributor1.get("/api/images/" + imageId + "/thumbnail").status()).isEqualTo(403);
        // A lead looks at the held image first, which caches its full-size first frame before masking.
        assertThat(lead.get("/api/images/" + imageId + "/preview").status()).isEqualTo(200);
        assertThat(findTask(contributor1, "ANNOTATE", imageId)).isEmpty();
        ApiClient.Response gold = expert.post("/api/projects/" + projectId + "/gold-cases",
                Map.of("imageId", imageId, "grade", 2, "quality", "good"));
        assertThat(gold.status()).as(gold.text()).isEqualTo(400);
        assertThat(gold.text()).contains("burned-in annotation review");
        assertThat(lead.getOk("/api/projects/" + projectId + "/burned-in-queue")).hasSize(1);
        int columns = lead.getOk("/api/images/" + imageId).path("columns").asInt();
        ApiClient.Response masked = lead.post("/api/images/" + imageId + "/burned-in-review", Map.of(
                "decision", "MASK", "rectangles", List.of(Map.of("x", 0, "y", 0, "width", columns, "height", 85))));
        assertThat(masked.status()).as(masked.text()).isEqualTo(204);
        // Masking decompresses the RLE YBR_FULL copy to Explicit VR Little Endian RGB, and the image row records it.
        assertThat(jdbc.sql("SELECT transfer_syntax_uid FROM image WHERE id = ?").param(imageId).query(String.class)
                .single()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(jdbc.sql("SELECT photometric_interpretation FROM image WHERE id = ?").param(imageId)
                .query(String.class).single()).isEqualTo("RGB");

        annotateTaskId(contributor1, imageId);
        ApiClient.Response preview = contributor1.get("/api/images/" + imageId + "/preview");
        assertThat(preview.status()).isEqualTo(200);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(preview.body()));
        assertThat(png.getWidth()).as("the preview is full size").isEqualTo(columns);
        for (int y = 0; y < 85; y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                assertThat(png.getRGB(x, y) & 0xFFFFFF).as("masked pixel " + x + "," + y).isZero();
            }
        }
        ApiClient.Response thumbnail = contributor1.get("/api/images/" + imageId + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(200);
        java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(256);
        int maskedRows = 85 * small.getHeight() / png.getHeight() - 1;
        for (int y = 0; y < maskedRows; y++) {
            for (int x = 0; x < small.getWidth(); x++) {
                assertThat(small.getRGB(x, y) & 0xFFFFFF).as("masked thumbnail pixel " + x + "," + y).isZero();
            }
        }
        assertThat(lead.getOk("/api/projects/" + projectId + "/burned-in-queue")).isEmpty();
    }

    void clearBurnedIn(long imageId) {
        ApiClient.Response cleared = lead.post("/api/images/" + imageId + "/burned-in-review",
                Map.of("decision", "CLEAR", "note", "Checked in the end-to-end test: no burned-in text"));
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(204);
    }

    @Test
    void openApiDescription_listsTheApi() {
        JsonNode paths = lead.getOk("/v3/api-docs").path("paths");

        assertThat(paths.has("/api/projects")).isTrue();
        assertThat(paths.has("/api/projects/{projectId}/imports")).isTrue();
        assertThat(paths.has("/api/imports/{importId}")).isTrue();
        assertThat(paths.has("/api/tasks")).isTrue();
        assertThat(paths.has("/api/tasks/{id}/claim")).isTrue();
        assertThat(paths.has("/api/tasks/{id}/complete")).isTrue();
        assertThat(paths.has("/api/images/{id}/preview")).isTrue();
        assertThat(paths.has("/api/images/{id}/thumbnail")).isTrue();
        assertThat(paths.has("/api/labels")).isTrue();
        assertThat(paths.has("/api/labels/{id}/history")).isTrue();
    }

    @Test
    void unknownApiPath_returns404Json() {
        ApiClient.Response response = lead.get("/api/no-such-endpoint");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asText()).contains("/api/no-such-endpoint");
    }

    @Test
    void malformedRequests_getJsonErrorsNamingTheProblem() {
        ApiClient.Response unknownDicomweb = lead.get("/dicomweb/no-such-resource");
        assertThat(unknownDicomweb.status()).isEqualTo(404);
        assertThat(unknownDicomweb.json().path("error").asText()).contains("/dicomweb/no-such-resource");

        ApiClient.Response noBoundary = lead.raw("POST", "/api/projects/1/imports", "multipart/form-data", "x");
        assertThat(noBoundary.status()).as(noBoundary.text()).isEqualTo(400);
        assertThat(noBoundary.json().path("error").asText()).contains("multipart/form-data");

        ApiClient.Response wrongMethod = lead.raw("DELETE", "/api/projects", "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.json().path("error").asText()).contains("DELETE /api/projects");

        ApiClient.Response badFrame = lead.get("/api/images/1/preview?frame=first");
        assertThat(badFrame.status()).isEqualTo(400);
        assertThat(badFrame.json().path("error").asText()).contains("'first'").contains("a whole number");

        ApiClient.Response wrongType = lead.raw("POST", "/api/projects", "text/csv", "a,b");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().path("error").asText()).contains("text/csv");
    }

    long projectWithCertifiedReaders(String name) {
        ApiClient.Response created = lead.post("/api/projects", Map.of("name", name, "taxonomyKey",
                "finding-severity", "readersPerImage", 2, "reviewRate", 0.0, "minReviewedItems", 0));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long projectId = created.json().path("id").asLong();
        training.certifyDirectly(projectId, "contributor1", "lead", "Certified for the end-to-end test");
        training.certifyDirectly(projectId, "contributor2", "lead", "Certified for the end-to-end test");
        return projectId;
    }

    /** Imports one file through the API, waits for the import and returns the file's result. */
    JsonNode importFile(long projectId, Path file) {
        JsonNode started = lead.postOk("/api/projects/" + projectId + "/imports",
                Map.of("path", file.toAbsolutePath().toString())).json();
        long importId = started.path("id").asLong();
        JsonNode done = await("import " + importId, () -> {
            JsonNode view = lead.getOk("/api/imports/" + importId);
            return "RUNNING".equals(view.path("status").asText()) ? Optional.empty() : Optional.of(view);
        });
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("files")).hasSize(1);
        return done.path("files").get(0);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    long demoProject() {
        JsonNode projects = await("the demo project", () -> {
            JsonNode list = lead.getOk("/api/projects");
            for (JsonNode p : list) {
                if (DEMO_PROJECT.equals(p.path("name").asText())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        });
        long projectId = projects.path("id").asLong();
        await("the demo import to finish", () -> {
            JsonNode imports = lead.getOk("/api/projects/" + projectId + "/imports");
            boolean done = imports.size() > 0;
            for (JsonNode job : imports) {
                done &= !"RUNNING".equals(job.path("status").asText());
            }
            return done ? Optional.of(imports) : Optional.empty();
        });
        return projectId;
    }

    void setSamplingPlan(long projectId, double reviewRate, int minReviewedItems) {
        ApiClient.Response response = lead.put("/api/projects/" + projectId + "/sampling-plan",
                Map.of("reviewRate", reviewRate, "minReviewedItems", minReviewedItems, "readersPerImage", 2));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    /** Reserves a demo image that both certified contributors are annotating and no other test has reserved. */
    synchronized long pickDemoImage(long projectId) {
        long imageId = peekDemoImage(projectId);
        reserved().add(imageId);
        return imageId;
    }

    private Set<Long> reserved() {
        return reservedImages.computeIfAbsent(getClass(), c -> java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** Returns an unreserved demo image with open annotate tasks, for tests that change nothing. */
    synchronized long peekDemoImage(long projectId) {
        return await("an image with annotate tasks for contributor1 and contributor2", () -> {
            Set<Long> first = annotateImages(contributor1, projectId);
            Set<Long> second = annotateImages(contributor2, projectId);
            return first.stream().filter(second::contains).filter(id -> !reserved().contains(id)).sorted()
                    .findFirst();
        });
    }

    private Set<Long> annotateImages(ApiClient contributor, long projectId) {
        Set<Long> images = new HashSet<>();
        for (JsonNode task : contributor.getOk("/api/tasks")) {
            if ("ANNOTATE".equals(task.path("kind").asText()) && task.path("projectId").asLong() == projectId) {
                images.add(task.path("imageId").asLong());
            }
        }
        return images;
    }

    String annotateTaskId(ApiClient contributor, long imageId) {
        return await(contributor.user + "'s annotate task for image " + imageId,
                () -> findTask(contributor, "ANNOTATE", imageId)).path("id").asText();
    }

    void annotate(ApiClient contributor, long imageId, int grade, String quality) {
        String taskId = annotateTaskId(contributor, imageId);
        contributor.getOk("/api/tasks/" + taskId);
        contributor.postOk("/api/tasks/" + taskId + "/complete",
                Map.of("grade", grade, "quality", quality, "comment", "Read by " + contributor.user));
    }

    void completeGroupTask(ApiClient user, String kind, long imageId, Map<String, Object> values) {
        JsonNode task = await(kind + " task for image " + imageId, () -> findTask(user, kind, imageId));
        String taskId = task.path("id").asText();
        if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
            user.postOk("/api/tasks/" + taskId + "/claim", Map.of());
        }
        user.getOk("/api/tasks/" + taskId);
        user.postOk("/api/tasks/" + taskId + "/complete", values);
    }

    private Optional<JsonNode> findTask(ApiClient user, String kind, long imageId) {
        for (JsonNode task : user.getOk("/api/tasks")) {
            if (kind.equals(task.path("kind").asText()) && task.path("imageId").asLong() == imageId) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    JsonNode awaitLabel(long projectId, long imageId) {
        return await("a final label for image " + imageId, () -> {
            for (JsonNode label : auditor.getOk("/api/labels?projectId=" + projectId)) {
                if (label.path("imageId").asLong() == imageId) {
                    return Optional.of(label);
                }
            }
            return Optional.empty();
        });
    }

    List<JsonNode> history(JsonNode label) {
        JsonNode response = auditor.getOk("/api/labels/" + label.path("id").asLong() + "/history");
        List<JsonNode> events = new ArrayList<>();
        response.path("events").forEach(events::add);
        assertThat(events).as("history events").isNotEmpty();
        for (JsonNode event : events) {
            assertThat(event.path("actor").asText()).as("actor of " + event).isNotBlank();
            assertThat(event.path("occurredAt").asText()).as("time of " + event).isNotBlank();
        }
        return events;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    static JsonNode event(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " event in " + types(events)));
    }

    /** Every event that a process step produced names the process definition key and version. */
    static void assertEveryProcessEventNamesItsDefinition(List<JsonNode> events) {
        Set<String> processEvents = Set.of("READERS_ASSIGNED", "ANNOTATION_SUBMITTED", "READERS_COMPARED",
                "SAMPLING_DECIDED", "REVIEW_SUBMITTED", "ADJUDICATION_SUBMITTED", "LABEL_FINALIZED");
        for (JsonNode event : events) {
            if (processEvents.contains(event.path("type").asText())) {
                assertThat(event.path("processDefinitionKey").asText()).as("definition key of " + event).isNotBlank();
                assertThat(event.path("processDefinitionVersion").asInt()).as("definition version of " + event)
                        .isPositive();
            }
        }
    }

    static <T> T await(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }

    static Optional<Path> samples() {
        Path folder = Path.of(Optional.ofNullable(System.getenv("TRUTHLINE_SAMPLES")).orElse("../shared/dicom"));
        return Files.isDirectory(folder) ? Optional.of(folder.toAbsolutePath().normalize()) : Optional.empty();
    }

    static Path requireSamples() {
        Optional<Path> folder = samples();
        assumeTrue(folder.isPresent(), "DICOM corpus not found: set TRUTHLINE_SAMPLES to the folder of the "
                + "shared samples (default ../shared/dicom)");
        return folder.get();
    }

    static List<Path> dicomFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            result.put((String) keyValues[i], keyValues[i + 1]);
        }
        return result;
    }
}
