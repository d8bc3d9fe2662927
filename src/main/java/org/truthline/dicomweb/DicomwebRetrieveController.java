package org.truthline.dicomweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomToolkit;

/**
 * WADO-RS retrieval of whole studies, series or instances as {@code multipart/related; type="application/dicom"},
 * one part per de-identified copy, companion objects (SR, presentation states, segmentations) included. Each copy
 * is sent in its stored transfer syntax, or decoded to Explicit VR Little Endian when the Accept header requests
 * transfer-syntax=1.2.840.10008.1.2.1.
 */
@RestController
@RequestMapping("/dicomweb")
class DicomwebRetrieveController {

    private static final Logger log = LoggerFactory.getLogger(DicomwebRetrieveController.class);

    private final DicomwebImages images;
    private final DicomToolkit dicom;

    DicomwebRetrieveController(DicomwebImages images, DicomToolkit dicom) {
        this.images = images;
        this.dicom = dicom;
    }

    @GetMapping("/studies/{study}")
    ResponseEntity<StreamingResponseBody> retrieveStudy(@PathVariable String study,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        return multipart(accept, images.retrieve(Viewer.of(authentication), DicomwebImages.Match.study(study)));
    }

    @GetMapping("/studies/{study}/series/{series}")
    ResponseEntity<StreamingResponseBody> retrieveSeries(@PathVariable String study, @PathVariable String series,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        return multipart(accept, images.retrieve(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, null, null)));
    }

    @GetMapping("/studies/{study}/series/{series}/instances/{instance}")
    ResponseEntity<StreamingResponseBody> retrieveInstance(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) throws DicomRejectedException {
        return multipart(accept, images.retrieve(Viewer.of(authentication),
                new DicomwebImages.Match(study, series, instance, null)));
    }

    /** One copy to send, with the transfer syntax its file is stored in. */
    private record Stored(DicomwebInstance instance, String transferSyntax) {
    }

    /**
     * Streams the copies as {@code multipart/related; type="application/dicom"}, one part per instance. The
     * stored transfer syntax is read from each file, because masking a compressed copy rewrites it as Explicit VR
     * Little Endian.
     */
    private ResponseEntity<StreamingResponseBody> multipart(String accept, List<DicomwebInstance> instances)
            throws DicomRejectedException {
        List<MediaRange> ranges = MediaRange.parseAccept(accept);
        if (instances.isEmpty()) {
            throw DicomwebException.notFound("No study, series or instance with these UIDs was found among the"
                    + " objects you may see.");
        }
        List<Stored> copies = new ArrayList<>();
        Set<String> storedSyntaxes = new LinkedHashSet<>();
        for (DicomwebInstance instance : instances) {
            String transferSyntax = dicom.read(instance.deidentifiedFile()).transferSyntaxUid();
            copies.add(new Stored(instance, transferSyntax));
            storedSyntaxes.add(transferSyntax);
        }
        String target = DicomwebMediaTypes.dicomTransferSyntax(ranges, storedSyntaxes);

        String boundary = MultipartWriter.newBoundary();
        StreamingResponseBody body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            for (Stored copy : copies) {
                writePart(writer, copy, target);
            }
            writer.finish();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, MultipartWriter.contentType(DicomwebMediaTypes.DICOM, boundary))
                .body(body);
    }

    private void writePart(MultipartWriter writer, Stored copy, String target) throws IOException {
        DicomwebInstance instance = copy.instance();
        String location = DicomwebLinks.instancePath(instance);
        boolean transcode = target.equals(DicomwebMediaTypes.EXPLICIT_VR_LITTLE_ENDIAN)
                && !copy.transferSyntax().equals(DicomwebMediaTypes.EXPLICIT_VR_LITTLE_ENDIAN);
        if (!transcode) {
            writer.part(DicomwebMediaTypes.DICOM + "; transfer-syntax=" + copy.transferSyntax(), location,
                    instance.deidentifiedFile());
            return;
        }
        Path transcoded = Files.createTempFile("truthline-dicomweb-", ".dcm");
        try {
            dicom.transcodeToExplicitVrLittleEndian(instance.deidentifiedFile(), transcoded);
            writer.part(DicomwebMediaTypes.DICOM + "; transfer-syntax=" + DicomwebMediaTypes.EXPLICIT_VR_LITTLE_ENDIAN,
                    location, transcoded);
        } catch (DicomRejectedException e) {
            // The response is already streaming, so the client receives a cut-off body. The log names the object.
            log.error("{} ({}) could not be transcoded for DICOMweb: {}", instance.describe(),
                    instance.sopInstanceUid(), e.getMessage());
            throw new UncheckedIOException(new IOException("Transcoding " + instance.describe()
                    + " to Explicit VR Little Endian failed: " + e.getMessage(), e));
        } finally {
            Files.deleteIfExists(transcoded);
        }
    }
}
