package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.DeidentificationSettings;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * The whole application on a random port with the demo users (password = user name), on H2 in a fresh temporary
 * folder, with an HTTP client that signs in with Basic authentication. Subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class DicomwebTestBase {

    static final String CT_ORIGINAL_PATIENT_NAME = "CompressedSamples^CT1";

    private static final Path DATA_DIR = createTemporaryFolder("truthline-dicomweb-test");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    ProjectService projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper mapper;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", DATA_DIR::toString);
        // An empty samples folder: these tests import exactly the files they check.
        registry.add("truthline.demo.samples-dir", () -> createTemporaryFolder("truthline-dicomweb-samples").toString());
    }

    HttpResponse<byte[]> get(String user, String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One imported image with its remapped UIDs and the path of its de-identified copy. */
    record ImageRow(long id, String study, String series, String instance, Path deidentifiedFile,
            String burnedInStatus) {

        String studyPath() {
            return "/dicomweb/studies/" + study;
        }

        String seriesPath() {
            return studyPath() + "/series/" + series;
        }

        String instancePath() {
            return seriesPath() + "/instances/" + instance;
        }
    }

    /** Imports corpus samples into a new project and returns their image rows, keyed by the sample's path. */
    Map<String, ImageRow> importSamples(String projectName, String... samples) throws InterruptedException {
        return importSamples(projectName, null, samples);
    }

    /**
     * Imports corpus samples into a new project with the given de-identification options (null keeps the
     * defaults) and returns their image rows, keyed by the sample's path.
     */
    Map<String, ImageRow> importSamples(String projectName, DeidentificationSettings options, String... samples)
            throws InterruptedException {
        ProjectSummary project = projects.create(new NewProject(projectName, null, "finding-severity", 2, 0.0, 0),
                "lead");
        if (options != null) {
            projects.updateDeidentification(project.id(), options, "lead");
        }
        List<Path> files = Arrays.stream(samples).map(TestPeers::sample).toList();
        ImportJob job = waitFor(imports.startFiles(project.id(), TestPeers.samples(), files, projectName, "lead").id());
        assertThat(job.importedFiles()).as("images imported for %s", projectName).isEqualTo(samples.length);
        Map<String, ImageRow> rows = new LinkedHashMap<>();
        for (String sample : samples) {
            rows.put(sample, jdbc.sql("""
                    SELECT id, study_instance_uid, series_instance_uid, sop_instance_uid, deidentified_path,
                           burned_in_status
                    FROM image WHERE project_id = ? AND source_name = ?""").params(project.id(), sample)
                    .query((rs, n) -> new ImageRow(rs.getLong("id"), rs.getString("study_instance_uid"),
                            rs.getString("series_instance_uid"), rs.getString("sop_instance_uid"),
                            Path.of(rs.getString("deidentified_path")), rs.getString("burned_in_status")))
                    .single());
        }
        return rows;
    }

    /** Marks an image as cleared by a lead, as if its burned-in annotation review had found no text. */
    void clearBurnedIn(ImageRow image) {
        jdbc.sql("UPDATE image SET burned_in_status = 'CLEARED' WHERE id = ? AND burned_in_status = 'PENDING'")
                .param(image.id()).update();
    }

    /** Gives a contributor an open assignment for the image, as the labeling process would. */
    void assign(ImageRow image, String contributor) {
        jdbc.sql("""
                INSERT INTO assignment (image_id, process_instance_id, contributor, status, created_at)
                VALUES (?, 'dicomweb-test', ?, 'OPEN', ?)""")
                .params(image.id(), contributor, OffsetDateTime.now()).update();
    }

    /** Returns the message of a JSON error response, checking that it is JSON. */
    String error(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return mapper.readTree(response.body()).path("error").asText();
    }

    /** Demo users have their user name as password. */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
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

    /** One part of a multipart body: its headers (names in lower case) and its bytes. */
    record Part(Map<String, String> headers, byte[] body) {

        String contentType() {
            return headers.get("content-type");
        }
    }

    /** Splits a multipart body at the boundary named in its Content-Type and returns each part's body. */
    static List<byte[]> multipartBodies(String contentType, byte[] body) {
        return multipartParts(contentType, body).stream().map(Part::body).toList();
    }

    /** Splits a multipart body at the boundary named in its Content-Type and returns each part. */
    static List<Part> multipartParts(String contentType, byte[] body) {
        String boundary = Arrays.stream(contentType.split(";")).map(String::strip)
                .filter(p -> p.startsWith("boundary=")).findFirst().orElseThrow()
                .substring("boundary=".length()).replace("\"", "");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int afterDelimiter = start + delimiter.length;
            if (body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), afterDelimiter);
            int next = indexOf(body, delimiter, headersEnd);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : new String(body, afterDelimiter, headersEnd - afterDelimiter,
                    StandardCharsets.US_ASCII).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            // The part body ends with CRLF before the next delimiter.
            parts.add(new Part(headers, Arrays.copyOfRange(body, headersEnd + 4, next - 2)));
            start = next;
        }
        return parts;
    }

    static AttributeList readDicom(byte[] file) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        list.read(new DicomInputStream(new ByteArrayInputStream(file)));
        return list;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static Path createTemporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary folder", e);
        }
    }
}
