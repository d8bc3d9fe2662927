package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.truthline.dicom.DicomToolkit;
import org.truthline.intake.ImportJob;
import org.truthline.intake.scp.ImportSpool;
import org.truthline.intake.scp.SpoolFileNames;

/**
 * Pulls studies from a project's PACS over DICOMweb: QIDO-RS finds the studies (unless one StudyInstanceUID is
 * given), WADO-RS retrieves each as {@code multipart/related; type="application/dicom"}, the instances are
 * spooled under the data directory and imported as one job (source "DICOMweb pull from &lt;url&gt;").
 *
 * <p>The download runs in the caller's thread; only the import is asynchronous.
 * TODO: PACS that require authentication are not supported yet; requests carry no credentials.
 */
@Service
public class DicomwebPullService {

    private static final Logger log = LoggerFactory.getLogger(DicomwebPullService.class);

    /** Accept header for WADO-RS: the PACS may send each instance in its stored transfer syntax. */
    static final String WADO_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern STUDY_DATE = Pattern.compile("[0-9]{8}(-[0-9]{8})?");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration RETRIEVE_TIMEOUT = Duration.ofMinutes(30);
    /** Suffix of a part being downloaded, before it is named after its object. */
    private static final String PART_SUFFIX = ".part";

    private final ProjectDicomwebUrls urls;
    private final ImportSpool spool;
    private final DicomToolkit dicom;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public DicomwebPullService(ProjectDicomwebUrls urls, ImportSpool spool, DicomToolkit dicom, ObjectMapper mapper) {
        this.urls = urls;
        this.spool = spool;
        this.dicom = dicom;
        this.mapper = mapper;
    }

    /**
     * Retrieves the requested studies and starts their import.
     *
     * @throws IllegalArgumentException when the project has no DICOMweb URL, the request names nothing to pull, a
     *     value is malformed, or no study matched
     * @throws DicomwebPullException when the PACS cannot be reached or returns an error
     */
    public ImportJob pull(long projectId, PullRequest request, String userId) {
        String baseUrl = urls.get(projectId).orElseThrow(() -> new IllegalArgumentException("Project " + projectId
                + " has no DICOMweb URL; set it with PUT /api/projects/" + projectId + "/dicomweb-url first."));
        List<String> studies = studiesToPull(baseUrl, request);
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("No study at " + baseUrl + " matches " + describe(request) + ".");
        }
        String source = "DICOMweb pull from " + baseUrl;
        Path folder = spool.newFolder(ImportSpool.DICOMWEB, projectId, source, userId);
        List<Path> files = new ArrayList<>();
        try {
            for (String study : studies) {
                retrieveStudy(baseUrl, study, folder, files);
            }
        } catch (RuntimeException e) {
            spool.delete(folder);
            throw e;
        }
        if (files.isEmpty()) {
            spool.delete(folder);
            throw new IllegalArgumentException("The PACS at " + baseUrl + " returned no instances for "
                    + describe(request) + ".");
        }
        ImportJob job = spool.importFiles(projectId, folder, files, source, userId);
        log.info("Pulled {} instance(s) of {} study(ies) from {} for project {}; import {} started", files.size(),
                studies.size(), baseUrl, projectId, job.id());
        return job;
    }

    private List<String> studiesToPull(String baseUrl, PullRequest request) {
        if (request.studyInstanceUid() != null && !request.studyInstanceUid().isBlank()) {
            String uid = request.studyInstanceUid().strip();
            if (!UID.matcher(uid).matches() || uid.length() > 64) {
                throw new IllegalArgumentException("studyInstanceUid '" + uid + "' is not a valid DICOM UID.");
            }
            return List.of(uid);
        }
        StringBuilder query = new StringBuilder();
        if (request.patientId() != null && !request.patientId().isBlank()) {
            query.append("&PatientID=").append(URLEncoder.encode(request.patientId().strip(), StandardCharsets.UTF_8));
        }
        if (request.studyDate() != null && !request.studyDate().isBlank()) {
            String date = request.studyDate().strip();
            if (!STUDY_DATE.matcher(date).matches()) {
                throw new IllegalArgumentException("studyDate '" + date + "' must be YYYYMMDD or YYYYMMDD-YYYYMMDD.");
            }
            query.append("&StudyDate=").append(date);
        }
        if (query.isEmpty()) {
            throw new IllegalArgumentException("Give a studyInstanceUid, or a patientId and/or studyDate to search "
                    + "for; pulling every study of the PACS is not supported.");
        }
        return searchStudies(baseUrl + "/studies?includefield=0020000D" + query);
    }

    private List<String> searchStudies(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(QUERY_TIMEOUT)
                .header("Accept", DicomwebController.DICOM_JSON + ", " + MediaType.APPLICATION_JSON_VALUE).GET().build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 204) {
            return List.of();
        }
        checkOk(url, response.statusCode());
        Set<String> studies = new LinkedHashSet<>();
        try {
            for (JsonNode result : mapper.readTree(response.body())) {
                String uid = result.at("/0020000D/Value/0").asText("");
                if (uid.isEmpty()) {
                    continue;
                }
                if (!UID.matcher(uid).matches() || uid.length() > 64) {
                    // The UID becomes part of the retrieve URL, so anything else could point the request elsewhere.
                    throw new DicomwebPullException("QIDO-RS response from " + url + " names Study Instance UID '"
                            + uid + "', which is not a valid DICOM UID; fix the PACS or pull a study by its UID.");
                }
                studies.add(uid);
            }
        } catch (IOException e) {
            throw new DicomwebPullException("QIDO-RS response from " + url + " is not DICOM JSON: " + e.getMessage(), e);
        }
        return List.copyOf(studies);
    }

    private void retrieveStudy(String baseUrl, String study, Path folder, List<Path> files) {
        String url = baseUrl + "/studies/" + study;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(RETRIEVE_TIMEOUT)
                .header("Accept", WADO_ACCEPT).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new IllegalArgumentException("Study " + study + " was not found at " + baseUrl + ".");
            }
            checkOk(url, response.statusCode());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            MultipartReader reader = new MultipartReader(body, boundary(url, contentType));
            int before = files.size();
            while (true) {
                Path part = folder.resolve(String.format("part-%05d%s", files.size() + 1, PART_SUFFIX));
                Map<String, String> headers;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part))) {
                    headers = reader.nextPart(out);
                }
                if (headers == null) {
                    Files.deleteIfExists(part);
                    break;
                }
                files.add(nameAfterInstance(part, files.size() + 1));
            }
            log.info("WADO-RS {}: {} instance(s)", url, files.size() - before);
        } catch (IOException e) {
            throw new DicomwebPullException("WADO-RS retrieval of study " + study + " from " + baseUrl + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Renames a downloaded part after the SOP Instance UID in its File Meta Information, so import results name the
     * object, or to {@code instance-<n>.dcm} when it has none.
     */
    private Path nameAfterInstance(Path part, int number) throws IOException {
        Path target = dicom.mediaStorageSopInstanceUid(part)
                .map(uid -> SpoolFileNames.instanceFile(part.getParent(), uid))
                .orElseGet(() -> part.getParent().resolve(String.format("instance-%05d.dcm", number)));
        return Files.move(part, target);
    }

    private static String boundary(String url, String contentType) {
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw new DicomwebPullException("WADO-RS response from " + url + " has an invalid Content-Type '"
                    + contentType + "'", e);
        }
        String boundary = mediaType.getParameter("boundary");
        if (!mediaType.getType().equals("multipart") || boundary == null) {
            throw new DicomwebPullException("WADO-RS response from " + url + " is '" + contentType
                    + "', not multipart/related with a boundary.");
        }
        return boundary.length() >= 2 && boundary.startsWith("\"") ? boundary.substring(1, boundary.length() - 1)
                : boundary;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new DicomwebPullException("Cannot reach the PACS at " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicomwebPullException("Interrupted while waiting for " + request.uri(), e);
        }
    }

    private static void checkOk(String url, int status) {
        if (status != 200) {
            throw new DicomwebPullException("The PACS returned HTTP " + status + " for GET " + url + ".");
        }
    }

    private static String describe(PullRequest request) {
        List<String> parts = new ArrayList<>();
        if (request.studyInstanceUid() != null) {
            parts.add("StudyInstanceUID " + request.studyInstanceUid());
        }
        if (request.patientId() != null) {
            parts.add("the given PatientID");
        }
        if (request.studyDate() != null) {
            parts.add("StudyDate " + request.studyDate());
        }
        return String.join(", ", parts);
    }
}
