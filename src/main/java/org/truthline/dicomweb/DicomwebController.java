package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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

    private final DicomwebImages images;

    DicomwebController(DicomwebImages images) {
        this.images = images;
    }

    @GetMapping("/studies")
    ResponseEntity<ArrayNode> searchStudies(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        return search(QidoResults.Level.STUDY, QidoQuery.parse(query, null, null), accept, authentication);
    }

    @GetMapping("/studies/{study}/series")
    ResponseEntity<ArrayNode> searchSeries(@PathVariable String study,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        return search(QidoResults.Level.SERIES, QidoQuery.parse(query, study, null), accept, authentication);
    }

    @GetMapping("/studies/{study}/series/{series}/instances")
    ResponseEntity<ArrayNode> searchInstances(@PathVariable String study, @PathVariable String series,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) {
        return search(QidoResults.Level.INSTANCE, QidoQuery.parse(query, study, series), accept, authentication);
    }

    private ResponseEntity<ArrayNode> search(QidoResults.Level level, QidoQuery query, String accept,
            Authentication authentication) {
        DicomwebMediaTypes.requireDicomJson(MediaRange.parseAccept(accept));
        Viewer viewer = Viewer.of(authentication);
        QidoResults results = new QidoResults(level, viewer, query.includeFields());
        List<DicomwebInstance> found = images.find(viewer, query.match(), query.studyMatch());
        List<ObjectNode> matches = switch (level) {
            case STUDY -> results.studies(found);
            case SERIES -> results.series(found);
            case INSTANCE -> results.instances(found);
        };
        ArrayNode body = DicomJson.array();
        matches.stream().skip(query.offset()).limit(query.limit()).forEach(body::add);

        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(DICOM_JSON));
        // The client's filter or field had no effect, so a 299 warning reports it.
        List<String> warnings = new ArrayList<>();
        if (!query.ignoredKeys().isEmpty()) {
            warnings.add("299 truthline \"Query keys not supported and ignored: "
                    + String.join(", ", query.ignoredKeys()) + "\"");
        }
        if (!results.unsupportedFields().isEmpty()) {
            warnings.add("299 truthline \"includefield values or empty match keys that this level cannot return,"
                    + " ignored: " + String.join(", ", results.unsupportedFields()) + "\"");
        }
        if (!warnings.isEmpty()) {
            response.header(HttpHeaders.WARNING, warnings.toArray(String[]::new));
        }
        return response.body(body);
    }
}
