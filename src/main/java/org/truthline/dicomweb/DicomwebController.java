package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only DICOMweb (PS3.18) over the de-identified copies: QIDO-RS searches for studies, series and instances
 * here, WADO-RS in {@link DicomwebRetrieveController}, {@link DicomwebMetadataController} and
 * {@link DicomwebPixelController}. Originals are never served. A request for a study, series or instance the
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
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    DicomwebLinks.url(DicomwebLinks.studyPath(study)));
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
                    DicomwebLinks.url(DicomwebLinks.seriesPath(first.studyInstanceUid(), series)));
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
            DicomJson.putString(object, DicomJson.RETRIEVE_URL, "UR",
                    DicomwebLinks.url(DicomwebLinks.instancePath(instance)));
            results.add(object);
        }
        return results;
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
