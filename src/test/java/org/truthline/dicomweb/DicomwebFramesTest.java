package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truthline.dicom.PixelDataReference;
import org.truthline.intake.scp.TestPeers;

/**
 * WADO-RS frames over real HTTP: decoded frames against the Pixel Data PixelMed decodes from the source sample,
 * stored compressed frames against the fragments of the de-identified copy, and the error cases.
 */
class DicomwebFramesTest extends DicomwebTestBase {

    static final String UNCOMPRESSED_MULTIFRAME = "01-modalities/MR_enhanced_multiframe_emri_small.dcm";
    static final String RLE_MULTIFRAME = "01-modalities/US_multiframe_palette_RLE_10f.dcm";
    static final String JPEG_2000 = "02-transfer-syntaxes/MR_small_J2K_lossless.dcm";

    private static final String DECODED_PART = "application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1";
    /** What OHIF's dicomweb-client sends for frames, with the part type unquoted. */
    private static final String ANY_SYNTAX = "multipart/related; type=application/octet-stream; transfer-syntax=*";

    private static Map<String, ImageRow> images;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (images != null) {
            return;
        }
        images = importSamples("DICOMweb frames test", UNCOMPRESSED_MULTIFRAME, RLE_MULTIFRAME, JPEG_2000);
        clearBurnedIn(images.get(JPEG_2000));
        // contributor1 may see the JPEG 2000 image. The RLE image is assigned too but still held for review.
        assign(images.get(JPEG_2000), "contributor1");
        assign(images.get(RLE_MULTIFRAME), "contributor1");
    }

    @Test
    void uncompressedMultiframe_framesEqualDecodedPixels() throws Exception {
        ImageRow image = images.get(UNCOMPRESSED_MULTIFRAME);
        List<byte[]> expected = PixelDataReference.decodedFrames(TestPeers.sample(UNCOMPRESSED_MULTIFRAME));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/2,5", null);

        assertThat(response.statusCode()).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/related; type=\"application/octet-stream\"");
        List<Part> parts = multipartParts(contentType, response.body());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).contentType()).isEqualTo(DECODED_PART);
        assertThat(parts.get(0).headers().get("content-location")).endsWith(image.instancePath() + "/frames/2");
        assertThat(parts.get(0).body()).isEqualTo(expected.get(1));
        assertThat(parts.get(1).headers().get("content-location")).endsWith(image.instancePath() + "/frames/5");
        assertThat(parts.get(1).body()).isEqualTo(expected.get(4));
    }

    @Test
    void rleMultiframe_framesEqualDecodedPixels() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);
        List<byte[]> expected = PixelDataReference.decodedFrames(TestPeers.sample(RLE_MULTIFRAME));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/1,10",
                "multipart/related; type=\"application/octet-stream\"");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).contentType()).isEqualTo(DECODED_PART);
        assertThat(parts.get(0).body()).isEqualTo(expected.get(0));
        assertThat(parts.get(1).body()).isEqualTo(expected.get(9));
    }

    @Test
    void jpeg2000_frameEqualsDecodedPixels() throws Exception {
        ImageRow image = images.get(JPEG_2000);
        List<byte[]> expected = PixelDataReference.decodedFrames(TestPeers.sample(JPEG_2000));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/1",
                "multipart/related; type=\"application/octet-stream\"; transfer-syntax=1.2.840.10008.1.2.1");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo(DECODED_PART);
        assertThat(parts.get(0).body()).isEqualTo(expected.get(0));
    }

    @Test
    void anySyntax_returnsStoredRleFragments() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);
        List<byte[]> stored = PixelDataReference.compressedFrames(Files.readAllBytes(image.deidentifiedFile()), 10);

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/3,7", ANY_SYNTAX);

        assertThat(response.statusCode()).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/related; type=\"image/dicom-rle\"");
        List<Part> parts = multipartParts(contentType, response.body());
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).contentType()).isEqualTo("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
        assertThat(parts.get(0).body()).isEqualTo(stored.get(2));
        assertThat(parts.get(1).body()).isEqualTo(stored.get(6));
    }

    @Test
    void anySyntax_returnsStoredJpeg2000Codestream() throws Exception {
        ImageRow image = images.get(JPEG_2000);
        byte[] stored = PixelDataReference.withoutPaddingAfterEndMarker(
                PixelDataReference.compressedFrames(Files.readAllBytes(image.deidentifiedFile()), 1).get(0));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/1", ANY_SYNTAX);

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo("image/jp2; transfer-syntax=1.2.840.10008.1.2.4.90");
        assertThat(parts.get(0).body()).isEqualTo(stored);
    }

    @Test
    void anySyntax_decodesUncompressedCopy() throws Exception {
        ImageRow image = images.get(UNCOMPRESSED_MULTIFRAME);
        List<byte[]> expected = PixelDataReference.decodedFrames(TestPeers.sample(UNCOMPRESSED_MULTIFRAME));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/10", ANY_SYNTAX);

        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo(DECODED_PART);
        assertThat(parts.get(0).body()).isEqualTo(expected.get(9));
    }

    @Test
    void pixelDataBulkData_returnsEveryFrame() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);
        List<byte[]> expected = PixelDataReference.decodedFrames(TestPeers.sample(RLE_MULTIFRAME));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/bulkdata/7FE00010", null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(10);
        for (int frame = 0; frame < 10; frame++) {
            assertThat(parts.get(frame).body()).as("frame %d", frame + 1).isEqualTo(expected.get(frame));
        }
    }

    @Test
    void compressedTypeOfUncompressedCopy_isNotAcceptable() throws Exception {
        ImageRow image = images.get(UNCOMPRESSED_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/1",
                "multipart/related; type=\"image/jp2\"");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("image/jp2").contains("1.2.840.10008.1.2.1");
    }

    @Test
    void otherTransferSyntax_isNotAcceptable() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/1",
                "multipart/related; type=\"image/jpeg\"; transfer-syntax=1.2.840.10008.1.2.4.50");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("1.2.840.10008.1.2.4.50")
                .contains("image/dicom-rle");
    }

    @Test
    void invalidFrameList_isBadRequest() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> zero = get("lead", image.instancePath() + "/frames/0", null);
        HttpResponse<byte[]> letter = get("lead", image.instancePath() + "/frames/1,a", null);

        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(error(zero)).contains("'0'");
        assertThat(letter.statusCode()).isEqualTo(400);
        assertThat(error(letter)).contains("'1,a'");
    }

    @Test
    void frameBeyondImage_isNotFound() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/frames/2,11", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response)).contains("Frame 11").contains("numbered 1 to 10");
    }

    @Test
    void contributor_getsOnlyAssignedClearedFrames() throws Exception {
        String assigned = images.get(JPEG_2000).instancePath() + "/frames/1";
        String held = images.get(RLE_MULTIFRAME).instancePath() + "/frames/1";
        String unassigned = images.get(UNCOMPRESSED_MULTIFRAME).instancePath() + "/frames/1";

        assertThat(get("contributor1", assigned, null).statusCode()).isEqualTo(200);
        assertThat(get("contributor1", held, null).statusCode()).isEqualTo(404);
        assertThat(get("contributor1", unassigned, null).statusCode()).isEqualTo(404);
        assertThat(get("contributor2", assigned, null).statusCode()).isEqualTo(404);
        assertThat(get("contributor2", images.get(JPEG_2000).instancePath() + "/bulkdata/7FE00010", null)
                .statusCode()).isEqualTo(404);
    }
}
