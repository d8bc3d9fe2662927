package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Read-only DICOMweb (PS3.18) over the de-identified copies: QIDO-RS searches for studies, series and instances,
 * WADO-RS retrieval of whole studies, series or instances as {@code multipart/related; type="application/dicom"},
 * and instance metadata as DICOM JSON. Originals are never served. A request for a study, series or instance the
 * caller may not see returns 404, as if it did not exist.
 */
@RestController
@RequestMapping("/dicomweb")
class DicomwebController {

    static final String DICOM_JSON = "application/dicom+json";

    /** QIDO-RS match keys, by keyword and by tag. */
    private static final Map<String, String> MATCH_KEYS = Map.of(
            "StudyInstanceUID", "StudyInstanceUID", "0020000D", "StudyInstanceUID",
            "SeriesInstanceUID", "SeriesInstanceUID", "0020000E", "SeriesInstanceUID",
            "SOPInstanceUID", "SOPInstanceUID", "00080018", "SOPInstanceUID",
            "Modality", "Modality", "00080060", "Modality");

    /** Query parameters accepted without effect: every attribute is always returned and matching is exact. */
    private static final Set<String> IGNORED_PARAMETERS = Set.of("includefield", "fuzzymatching");

    private final DicomwebImages images;

    DicomwebController(DicomwebImages images) {
        this.images = images;
    }

    @GetMapping("/studies")
    ResponseEntity<ArrayNode> searchStudies(@RequestParam Map<String, String> query, Authentication authentication) {
        return search(query, null, null, authentication, this::studies);
    }

    @GetMapping("/studies/{study}/series")
    ResponseEntity<ArrayNode> searchSeries(@PathVariable String study, @RequestParam Map<String, String> query,
            Authentication authentication) {
        return search(query, study, null, authentication, this::series);
    }

    @GetMapping("/studies/{study}/series/{series}/instances")
    ResponseEntity<ArrayNode> searchInstances(@PathVariable String study, @PathVariable String series,
            @RequestParam Map<String, String> query, Authentication authentication) {
        return search(query, study, series, authentication, this::instances);
    }

    @GetMapping("/studies/{study}")
    ResponseEntity<StreamingResponseBody> retrieveStudy(@PathVariable String study,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication) {
        return multipart(accept, images.find(Viewer.of(authentication), DicomwebImages.Match.study(study)));
    }

    @GetMapping("/studies/{study}/series/{series}")
    ResponseEntity<StreamingResponseBody> retrieveSeries(@PathVariable String study, @PathVariable String series,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication) {
        return multipart(accept, images.find(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, null, null)));
    }

    @GetMapping("/studies/{study}/series/{series}/instances/{instance}")
    ResponseEntity<StreamingResponseBody> retrieveInstance(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        return multipart(accept, images.find(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, instance, null)));
    }

    @GetMapping("/studies/{study}/series/{series}/instances/{instance}/metadata")
    ResponseEntity<ArrayNode> instanceMetadata(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, Authentication authentication) throws IOException, DicomException {
        List<DicomwebInstance> found = images.find(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, instance, null));
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        AttributeList list = new AttributeList();
        list.read(found.get(0).deidentifiedFile().toFile(), TagFromName.PixelData);
        ArrayNode body = DicomJson.array();
        body.add(DicomJson.fromAttributeList(list));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DICOM_JSON)).body(body);
    }

    @ExceptionHandler(DicomException.class)
    ResponseEntity<Map<String, Object>> unreadable(DicomException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 500);
        body.put("error", "The de-identified file could not be read: " + e.getMessage());
        return ResponseEntity.internalServerError().body(body);
    }

    private ResponseEntity<ArrayNode> search(Map<String, String> query, String study, String series,
            Authentication authentication, Function<List<DicomwebInstance>, List<ObjectNode>> level) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        int limit = Integer.MAX_VALUE;
        int offset = 0;
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (name.equals("limit")) {
                limit = nonNegative(name, parameter.getValue());
            } else if (name.equals("offset")) {
                offset = nonNegative(name, parameter.getValue());
            } else if (MATCH_KEYS.containsKey(name)) {
                keys.put(MATCH_KEYS.get(name), parameter.getValue());
            } else if (!IGNORED_PARAMETERS.contains(name)) {
                ignored.add(name);
            }
        }
        DicomwebImages.Match match = new DicomwebImages.Match(
                study != null ? study : keys.get("StudyInstanceUID"),
                series != null ? series : keys.get("SeriesInstanceUID"),
                keys.get("SOPInstanceUID"), keys.get("Modality"));
        List<ObjectNode> results = level.apply(images.find(Viewer.of(authentication), match));
        ArrayNode body = DicomJson.array();
        results.stream().skip(offset).limit(limit).forEach(body::add);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(DICOM_JSON));
        if (!ignored.isEmpty()) {
            // The keys were not applied, so the 299 warning informs the client that its filter had no effect.
            response.header(HttpHeaders.WARNING, "299 truthline \"Query keys not supported and ignored: "
                    + String.join(", ", ignored) + "\"");
        }
        return response.body(body);
    }

    private List<ObjectNode> studies(List<DicomwebInstance> instances) {
        Map<String, List<DicomwebInstance>> byStudy = group(instances, DicomwebInstance::studyInstanceUid);
        List<ObjectNode> results = new ArrayList<>();
        byStudy.forEach((study, members) -> {
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", study);
            Set<String> modalities = new LinkedHashSet<>();
            members.stream().map(DicomwebInstance::modality).filter(m -> m != null && !m.isBlank())
                    .forEach(modalities::add);
            DicomJson.putStrings(object, TagFromName.ModalitiesInStudy, "CS", modalities);
            DicomJson.putNumber(object, TagFromName.NumberOfStudyRelatedSeries, "IS",
                    group(members, DicomwebInstance::seriesInstanceUid).size());
            DicomJson.putNumber(object, TagFromName.NumberOfStudyRelatedInstances, "IS", members.size());
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR", url("/dicomweb/studies/" + study));
            results.add(object);
        });
        return results;
    }

    private List<ObjectNode> series(List<DicomwebInstance> instances) {
        Map<String, List<DicomwebInstance>> bySeries = group(instances, DicomwebInstance::seriesInstanceUid);
        List<ObjectNode> results = new ArrayList<>();
        bySeries.forEach((series, members) -> {
            DicomwebInstance first = members.get(0);
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", first.studyInstanceUid());
            DicomJson.putString(object, TagFromName.SeriesInstanceUID, "UI", series);
            DicomJson.putString(object, TagFromName.Modality, "CS", first.modality());
            DicomJson.putNumber(object, TagFromName.NumberOfSeriesRelatedInstances, "IS", members.size());
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    url("/dicomweb/studies/" + first.studyInstanceUid() + "/series/" + series));
            results.add(object);
        });
        return results;
    }

    private List<ObjectNode> instances(List<DicomwebInstance> instances) {
        List<ObjectNode> results = new ArrayList<>();
        for (DicomwebInstance instance : instances) {
            ObjectNode object = DicomJson.object();
            DicomJson.putString(object, TagFromName.StudyInstanceUID, "UI", instance.studyInstanceUid());
            DicomJson.putString(object, TagFromName.SeriesInstanceUID, "UI", instance.seriesInstanceUid());
            DicomJson.putString(object, TagFromName.SOPInstanceUID, "UI", instance.sopInstanceUid());
            DicomJson.putString(object, TagFromName.SOPClassUID, "UI", instance.sopClassUid());
            DicomJson.putString(object, TagFromName.Modality, "CS", instance.modality());
            DicomJson.putNumber(object, TagFromName.Rows, "US", instance.rows());
            DicomJson.putNumber(object, TagFromName.Columns, "US", instance.columns());
            DicomJson.putNumber(object, TagFromName.NumberOfFrames, "IS", instance.frames());
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR", url(instancePath(instance)));
            results.add(object);
        }
        return results;
    }

    /**
     * Streams the files as {@code multipart/related; type="application/dicom"}, one part per instance, each in its
     * stored transfer syntax.
     */
    private ResponseEntity<StreamingResponseBody> multipart(String accept, List<DicomwebInstance> instances) {
        if (!acceptsDicomMultipart(accept)) {
            return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
        }
        if (instances.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String boundary = "truthline-" + UUID.randomUUID();
        StreamingResponseBody body = out -> {
            for (DicomwebInstance instance : instances) {
                writePart(out, boundary, instance);
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE,
                        "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body);
    }

    private static void writePart(OutputStream out, String boundary, DicomwebInstance instance) throws IOException {
        long length = Files.size(instance.deidentifiedFile());
        String transferSyntax = instance.transferSyntaxUid() == null ? ""
                : "; transfer-syntax=" + instance.transferSyntaxUid();
        String header = "--" + boundary + "\r\n"
                + "Content-Type: application/dicom" + transferSyntax + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + "Content-Location: " + instancePath(instance) + "\r\n\r\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        try {
            Files.copy(instance.deidentifiedFile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the de-identified copy of image " + instance.imageId(), e);
        }
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Checks the Accept header: absent, any type, or multipart/related with type application/dicom (or no type).
     * NOTE: files are served in their stored transfer syntax; a requested transfer-syntax parameter is not
     * checked, and nothing is transcoded.
     */
    static boolean acceptsDicomMultipart(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (MediaType mediaType : MediaType.parseMediaTypes(accept)) {
            if (mediaType.isWildcardType()) {
                return true;
            }
            if (mediaType.getType().equals("multipart")
                    && (mediaType.isWildcardSubtype() || mediaType.getSubtype().equals("related"))) {
                String type = mediaType.getParameter("type");
                if (type == null || unquote(type).equals("application/dicom")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String instancePath(DicomwebInstance instance) {
        return "/dicomweb/studies/" + instance.studyInstanceUid() + "/series/" + instance.seriesInstanceUid()
                + "/instances/" + instance.sopInstanceUid();
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }

    private static Map<String, List<DicomwebInstance>> group(List<DicomwebInstance> instances,
            Function<DicomwebInstance, String> key) {
        Map<String, List<DicomwebInstance>> groups = new LinkedHashMap<>();
        for (DicomwebInstance instance : instances) {
            groups.computeIfAbsent(String.valueOf(key.apply(instance)), k -> new ArrayList<>()).add(instance);
        }
        return groups;
    }

    private static int nonNegative(String name, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Query parameter " + name + " must be a whole number of at least 0, not '"
                + value + "'.");
    }
}
