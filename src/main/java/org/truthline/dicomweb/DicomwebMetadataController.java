package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.truthline.dicom.DicomElement;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomToolkit;

/**
 * WADO-RS metadata of studies, series and instances as DICOM JSON, one object per instance, and the bulk data
 * values their BulkDataURIs point to. Pixel Data's BulkDataURI is served by {@link DicomwebPixelController} as
 * all frames of the instance.
 */
@RestController
@RequestMapping("/dicomweb/studies/{study}")
class DicomwebMetadataController {

    private final DicomwebImages images;
    private final DicomToolkit dicom;

    DicomwebMetadataController(DicomwebImages images, DicomToolkit dicom) {
        this.images = images;
        this.dicom = dicom;
    }

    @GetMapping("/metadata")
    ResponseEntity<ArrayNode> studyMetadata(@PathVariable String study,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        return metadata(accept, images.retrieve(Viewer.of(authentication), DicomwebImages.Match.study(study)));
    }

    @GetMapping("/series/{series}/metadata")
    ResponseEntity<ArrayNode> seriesMetadata(@PathVariable String study, @PathVariable String series,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        return metadata(accept, images.retrieve(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, null, null)));
    }

    @GetMapping("/series/{series}/instances/{instance}/metadata")
    ResponseEntity<ArrayNode> instanceMetadata(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) throws DicomRejectedException {
        return metadata(accept, images.retrieve(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, instance, null)));
    }

    /**
     * Returns one bulk data value other than Pixel Data, little endian: as {@code multipart/related;
     * type="application/octet-stream"} with one part, or as a single application/octet-stream body when the Accept
     * header names that type.
     */
    @GetMapping("/series/{series}/instances/{instance}/bulkdata/{*path}")
    ResponseEntity<StreamingResponseBody> bulkData(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @PathVariable String path,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        boolean singlePart = DicomwebMediaTypes.bulkDataAsSinglePart(MediaRange.parseAccept(accept));
        DicomwebInstance found = images.instance(Viewer.of(authentication), study, series, instance);
        String bulkDataPath = path.startsWith("/") ? path.substring(1) : path;
        Optional<byte[]> value = dicom.readBulkData(found.deidentifiedFile(), bulkDataPath);
        if (value.isEmpty()) {
            throw DicomwebException.notFound("Instance " + instance + " has no bulk data at path '" + bulkDataPath
                    + "'; take BulkDataURI values from the instance's metadata.");
        }
        if (singlePart) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(out -> out.write(value.get()));
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingResponseBody body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            writer.part(DicomwebMediaTypes.OCTET_STREAM, DicomwebLinks.bulkDataPath(found, bulkDataPath),
                    value.get());
            writer.finish();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE,
                        MultipartWriter.contentType(DicomwebMediaTypes.OCTET_STREAM, boundary))
                .body(body);
    }

    private ResponseEntity<ArrayNode> metadata(String accept, List<DicomwebInstance> instances)
            throws DicomRejectedException {
        DicomwebMediaTypes.requireDicomJson(MediaRange.parseAccept(accept));
        if (instances.isEmpty()) {
            throw DicomwebException.notFound("No study, series or instance with these UIDs was found among the"
                    + " objects you may see.");
        }
        ArrayNode body = DicomJson.array();
        for (DicomwebInstance instance : instances) {
            List<DicomElement> elements = dicom.readAttributes(instance.deidentifiedFile());
            body.add(DicomJson.fromElements(elements,
                    path -> DicomwebLinks.url(DicomwebLinks.bulkDataPath(instance, path))));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DicomwebController.DICOM_JSON)).body(body);
    }
}
