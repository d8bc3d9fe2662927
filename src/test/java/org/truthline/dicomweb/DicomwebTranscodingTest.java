package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truthline.dicom.PixelDataReference;
import org.truthline.intake.scp.TestPeers;

/** Transfer syntax negotiation of WADO-RS retrieve over real HTTP, with dcmdump reading transcoded copies. */
class DicomwebTranscodingTest extends DicomwebTestBase {

    static final String JPEG_2000 = "02-transfer-syntaxes/MR_small_J2K_lossless.dcm";
    static final String RLE_MULTIFRAME = "01-modalities/US_multiframe_palette_RLE_10f.dcm";
    static final String UNCOMPRESSED = "01-modalities/MR_enhanced_multiframe_emri_small.dcm";

    private static final String EXPLICIT = "1.2.840.10008.1.2.1";

    private static Map<String, ImageRow> images;

    @TempDir
    Path output;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (images != null) {
            return;
        }
        images = importSamples("DICOMweb transcoding test", JPEG_2000, RLE_MULTIFRAME, UNCOMPRESSED);
    }

    @Test
    void explicitLittleEndian_decodesJpeg2000Instance() throws Exception {
        ImageRow image = images.get(JPEG_2000);

        HttpResponse<byte[]> response = get("lead", image.instancePath(), dicomParts(EXPLICIT));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo("application/dicom; transfer-syntax=" + EXPLICIT);
        Path copy = output.resolve("jpeg2000.dcm");
        Files.write(copy, parts.get(0).body());
        assertExplicitLittleEndian(copy);
        assertThat(Attribute.getSingleStringValueOrEmptyString(readDicom(parts.get(0).body()),
                TagFromName.SOPInstanceUID)).isEqualTo(image.instance());
        assertSamePixels(copy, image.deidentifiedFile());
    }

    @Test
    void explicitLittleEndian_decodesRleSeries() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.seriesPath(), dicomParts(EXPLICIT));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        Path copy = output.resolve("rle.dcm");
        Files.write(copy, parts.get(0).body());
        assertExplicitLittleEndian(copy);
        assertSamePixels(copy, image.deidentifiedFile());
    }

    @Test
    void explicitLittleEndian_sendsUncompressedCopyAsStored() throws Exception {
        ImageRow image = images.get(UNCOMPRESSED);

        HttpResponse<byte[]> response = get("lead", image.studyPath(), dicomParts(EXPLICIT));

        List<byte[]> bodies = multipartBodies(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).isEqualTo(Files.readAllBytes(image.deidentifiedFile()));
    }

    @Test
    void anySyntax_sendsStoredCopy() throws Exception {
        ImageRow image = images.get(JPEG_2000);

        HttpResponse<byte[]> response = get("lead", image.instancePath(), dicomParts("*"));

        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.4.90");
        assertThat(parts.get(0).body()).isEqualTo(Files.readAllBytes(image.deidentifiedFile()));
    }

    @Test
    void noSyntax_sendsStoredCopy() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.instancePath(),
                "multipart/related; type=\"application/dicom\"");

        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.5");
        assertThat(parts.get(0).body()).isEqualTo(Files.readAllBytes(image.deidentifiedFile()));
    }

    @Test
    void storedSyntaxByName_sendsStoredCopy() throws Exception {
        ImageRow image = images.get(JPEG_2000);

        HttpResponse<byte[]> response = get("lead", image.instancePath(), dicomParts("1.2.840.10008.1.2.4.90"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(multipartBodies(response.headers().firstValue("Content-Type").orElseThrow(), response.body()))
                .singleElement().isEqualTo(Files.readAllBytes(image.deidentifiedFile()));
    }

    @Test
    void otherSyntax_isNotAcceptableWithOffer() throws Exception {
        ImageRow image = images.get(RLE_MULTIFRAME);

        HttpResponse<byte[]> response = get("lead", image.instancePath(), dicomParts("1.2.840.10008.1.2.4.50"));

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("1.2.840.10008.1.2.4.50").contains("1.2.840.10008.1.2.5")
                .contains("transfer-syntax=" + EXPLICIT);
    }

    private static String dicomParts(String transferSyntax) {
        return "multipart/related; type=\"application/dicom\"; transfer-syntax=" + transferSyntax;
    }

    private static void assertExplicitLittleEndian(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID))
                .isEqualTo(EXPLICIT);
        Path dcmdump = TestPeers.executable("dcmdump");
        TestPeers.CommandResult dump = TestPeers.run(Duration.ofSeconds(60), List.of(dcmdump.toString(), "-q",
                file.toString()));
        assertThat(dump.exitCode()).as("dcmdump exit code, output:%n%s", dump.output()).isZero();
        assertThat(dump.output()).contains("(0002,0010) UI =LittleEndianExplicit");
        assertThat(dump.output()).doesNotContain("E: ");
    }

    private static void assertSamePixels(Path transcoded, Path stored) throws Exception {
        List<byte[]> expected = PixelDataReference.decodedFrames(stored);
        List<byte[]> actual = PixelDataReference.decodedFrames(transcoded);
        assertThat(actual).hasSameSizeAs(expected);
        for (int frame = 0; frame < expected.size(); frame++) {
            assertThat(actual.get(frame)).as("frame %d", frame).isEqualTo(expected.get(frame));
        }
    }
}
