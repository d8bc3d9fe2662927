package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truthline.intake.scp.TestPeers;

/** Copies written as Explicit VR Little Endian, checked with dcmdump (DCMTK) and against the source's pixels. */
class TranscodingTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            01-modalities/US_multiframe_palette_RLE_10f.dcm   | PALETTE COLOR
            02-transfer-syntaxes/MR_small_J2K_lossless.dcm    | MONOCHROME2
            02-transfer-syntaxes/NM_JPEG_lossless_SV1.dcm     | MONOCHROME2
            02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm | RGB
            02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm  | MONOCHROME2
            02-transfer-syntaxes/OT_deflated_image_dfl.dcm    | MONOCHROME2
            03-phi-deid/US_burned_in_PHI_RLE_YBR.dcm          | YBR_FULL
            """)
    void transcodedCopy_isExplicitLittleEndianWithSamePixels(String relative, String photometric) throws Exception {
        Path source = SampleCorpus.file(relative);
        Path copy = output.resolve("copy.dcm");

        toolkit.transcodeToExplicitVrLittleEndian(source, copy);

        Path dcmdump = TestPeers.executable("dcmdump");
        TestPeers.CommandResult dump = TestPeers.run(Duration.ofSeconds(60), List.of(dcmdump.toString(), "-q",
                copy.toString()));
        assertThat(dump.exitCode()).as("dcmdump exit code, output:%n%s", dump.output()).isZero();
        assertThat(dump.output()).doesNotContain("E: ");
        assertThat(dump.output()).contains("(0002,0010) UI =LittleEndianExplicit");
        AttributeList written = read(copy);
        assertThat(string(written, TagFromName.PhotometricInterpretation)).isEqualTo(photometric);
        assertThat(string(written, TagFromName.SOPInstanceUID)).isEqualTo(string(read(source),
                TagFromName.SOPInstanceUID));
        assertThat(string(written, TagFromName.MediaStorageSOPInstanceUID)).isEqualTo(string(written,
                TagFromName.SOPInstanceUID));
        List<byte[]> expected = PixelDataReference.decodedFrames(source);
        List<byte[]> actual = PixelDataReference.decodedFrames(copy);
        assertThat(actual).hasSameSizeAs(expected);
        for (int frame = 0; frame < expected.size(); frame++) {
            assertThat(actual.get(frame)).as("frame %d", frame).isEqualTo(expected.get(frame));
        }
    }

    @Test
    void lossySource_recordsLossyCompression() throws Exception {
        Path copy = output.resolve("jpeg.dcm");

        toolkit.transcodeToExplicitVrLittleEndian(SampleCorpus.file(
                "02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm"), copy);

        AttributeList written = read(copy);
        assertThat(string(written, TagFromName.LossyImageCompression)).isEqualTo("01");
        assertThat(string(written, TagFromName.LossyImageCompressionMethod)).isEqualTo("ISO_10918_1");
    }

    @Test
    void losslessSource_recordsNoLossyCompression() throws Exception {
        Path copy = output.resolve("rle.dcm");

        toolkit.transcodeToExplicitVrLittleEndian(SampleCorpus.file(
                "01-modalities/US_multiframe_palette_RLE_10f.dcm"), copy);

        assertThat(read(copy).get(TagFromName.LossyImageCompression)).isNull();
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }

    private static String string(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }
}
