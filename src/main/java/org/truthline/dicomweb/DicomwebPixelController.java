package org.truthline.dicomweb;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.truthline.dicom.DicomElement;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomSummary;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.ObjectKind;

/**
 * WADO-RS pixels of one instance: frames as {@code multipart/related} (decoded, or the stored compressed bytes on
 * request), Pixel Data's BulkDataURI as all frames, and rendered frames as PNG or JPEG. A segmentation's frames
 * are served like an image's. Companion objects are not rendered, and one without Pixel Data has no frames.
 */
@RestController
@RequestMapping("/dicomweb/studies/{study}/series/{series}/instances/{instance}")
class DicomwebPixelController {

    private final DicomwebImages images;
    private final DicomToolkit dicom;

    DicomwebPixelController(DicomwebImages images, DicomToolkit dicom) {
        this.images = images;
        this.dicom = dicom;
    }

    @GetMapping("/frames/{frameList}")
    ResponseEntity<StreamingResponseBody> frames(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @PathVariable String frameList,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException {
        List<MediaRange> ranges = MediaRange.parseAccept(accept);
        List<Integer> numbers = FrameNumbers.parse(frameList);
        DicomwebInstance found = images.instance(Viewer.of(authentication), study, series, instance);
        DicomSummary summary = imageSummary(found);
        FrameNumbers.checkWithin(numbers, summary.frames(), found.sopInstanceUid());
        return frameParts(found, numbers, DicomwebMediaTypes.frameEncoding(ranges, summary.transferSyntaxUid()));
    }

    /** Returns every frame of the instance, the value of Pixel Data's BulkDataURI in its metadata. */
    @GetMapping("/bulkdata/" + DicomElement.PIXEL_DATA_PATH)
    ResponseEntity<StreamingResponseBody> pixelData(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication authentication) throws DicomRejectedException {
        List<MediaRange> ranges = MediaRange.parseAccept(accept);
        DicomwebInstance found = images.instance(Viewer.of(authentication), study, series, instance);
        DicomSummary summary = imageSummary(found);
        List<Integer> numbers = IntStream.rangeClosed(1, summary.frames()).boxed().toList();
        return frameParts(found, numbers, DicomwebMediaTypes.frameEncoding(ranges, summary.transferSyntaxUid()));
    }

    /** Renders the first frame. Other frames of a multi-frame instance are rendered by frame number. */
    @GetMapping("/rendered")
    ResponseEntity<byte[]> renderedInstance(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @RequestParam Map<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException, IOException {
        return rendered(study, series, instance, 1, query, accept, authentication);
    }

    @GetMapping("/frames/{frameList}/rendered")
    ResponseEntity<byte[]> renderedFrame(@PathVariable String study, @PathVariable String series,
            @PathVariable String instance, @PathVariable String frameList, @RequestParam Map<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Authentication authentication)
            throws DicomRejectedException, IOException {
        List<Integer> numbers = FrameNumbers.parse(frameList);
        if (numbers.size() != 1) {
            throw DicomwebException.badRequest("A rendered frame takes one frame number, not '" + frameList
                    + "'; request each frame separately.");
        }
        return rendered(study, series, instance, numbers.get(0), query, accept, authentication);
    }

    private ResponseEntity<byte[]> rendered(String study, String series, String instance, int frameNumber,
            Map<String, String> query, String accept, Authentication authentication)
            throws DicomRejectedException, IOException {
        String mediaType = DicomwebMediaTypes.renderedType(MediaRange.parseAccept(accept));
        RenderingParameters parameters = RenderingParameters.parse(query);
        DicomwebInstance found = images.instance(Viewer.of(authentication), study, series, instance);
        if (found.companion()) {
            throw DicomwebException.notFound("Instance " + found.sopInstanceUid() + " ("
                    + ObjectKind.describeSopClass(found.sopClassUid()) + ") is a companion object of its study, and"
                    + " Truthline does not render companion objects; retrieve the instance, or its frames when it"
                    + " has Pixel Data.");
        }
        DicomSummary summary = imageSummary(found);
        FrameNumbers.checkWithin(List.of(frameNumber), summary.frames(), found.sopInstanceUid());

        byte[] png = dicom.renderPng(found.deidentifiedFile(), frameNumber - 1, parameters.window());
        byte[] body = mediaType.equals(DicomwebMediaTypes.JPEG) ? jpeg(png, parameters.quality()) : png;
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType));
        if (!parameters.ignored().isEmpty()) {
            response.header(HttpHeaders.WARNING, "299 truthline \"Query parameters not supported and ignored: "
                    + String.join(", ", parameters.ignored()) + "\"");
        }
        return response.body(body);
    }

    /** Reads the copy's header, whose transfer syntax and frame count are those of the file as served. */
    private DicomSummary imageSummary(DicomwebInstance instance) throws DicomRejectedException {
        DicomSummary summary = dicom.read(instance.deidentifiedFile());
        if (!summary.hasPixelData()) {
            throw DicomwebException.notFound("Instance " + instance.sopInstanceUid() + " has no Pixel Data, so it"
                    + " has no frames to retrieve or render.");
        }
        return summary;
    }

    /** Streams frames, one part per frame number in the order given, with Content-Location naming the frame. */
    private ResponseEntity<StreamingResponseBody> frameParts(DicomwebInstance instance, List<Integer> numbers,
            DicomwebMediaTypes.FrameEncoding encoding) {
        String boundary = MultipartWriter.newBoundary();
        List<Integer> indexes = FrameNumbers.zeroBased(numbers);
        StreamingResponseBody body = out -> {
            MultipartWriter writer = new MultipartWriter(out, boundary);
            DicomToolkit.FrameConsumer part = (frame, pixels) -> writer.part(encoding.partContentType(),
                    DicomwebLinks.framePath(instance, frame + 1), pixels);
            try {
                if (encoding.compressed()) {
                    dicom.readCompressedFrames(instance.deidentifiedFile(), indexes, part);
                } else {
                    dicom.decodeFrames(instance.deidentifiedFile(), indexes, part);
                }
            } catch (DicomRejectedException e) {
                throw new IOException("Frames of " + instance.describe() + " could not be read: "
                        + e.getMessage(), e);
            }
            writer.finish();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, MultipartWriter.contentType(encoding.mediaType(),
                        encoding.transferSyntax(), boundary))
                .body(body);
    }

    /** Re-encodes a rendered PNG as baseline JPEG at the given quality (1 to 100). */
    private static byte[] jpeg(byte[] png, int quality) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return jpeg.toByteArray();
    }
}
