package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single frames read through the toolkit, checked against PixelMed's full decoding and the file's own bytes. */
class FrameAccessTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {
            "01-modalities/MR_enhanced_multiframe_emri_small.dcm",
            "01-modalities/SM_slide_microscopy_rgb.dcm",
            "01-modalities/US_multiframe_palette_RLE_10f.dcm",
            "02-transfer-syntaxes/MR_small_J2K_lossless.dcm",
            "02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm",
            "02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm",
            "03-phi-deid/US_burned_in_PHI_RLE_YBR.dcm",
            "05-sr-seg-other/SEG_binary_overlapping_segments.dcm",
            "07-rendering/OT_YBR_FULL_422_uncompressed.dcm"})
    void decodedFrames_equalPixelMedDecoding(String relative) throws Exception {
        Path file = SampleCorpus.file(relative);
        List<byte[]> expected = PixelDataReference.decodedFrames(file);
        List<Integer> frames = IntStream.range(0, expected.size()).boxed().toList();

        List<byte[]> decoded = collect(frames, consumer -> toolkit.decodeFrames(file, frames, consumer));

        assertThat(decoded).hasSameSizeAs(expected);
        for (int frame = 0; frame < expected.size(); frame++) {
            assertThat(decoded.get(frame)).as("frame %d", frame).isEqualTo(expected.get(frame));
        }
    }

    @Test
    void decodedFrames_keepRequestedOrder() throws Exception {
        Path file = SampleCorpus.file("01-modalities/MR_enhanced_multiframe_emri_small.dcm");
        List<byte[]> expected = PixelDataReference.decodedFrames(file);
        List<Integer> order = new ArrayList<>();

        List<byte[]> decoded = collect(List.of(7, 2), consumer -> toolkit.decodeFrames(file, List.of(7, 2),
                (frame, pixels) -> {
                    order.add(frame);
                    consumer.accept(frame, pixels);
                }));

        assertThat(order).containsExactly(7, 2);
        assertThat(decoded.get(0)).isEqualTo(expected.get(7));
        assertThat(decoded.get(1)).isEqualTo(expected.get(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "01-modalities/US_multiframe_palette_RLE_10f.dcm",
            "02-transfer-syntaxes/MR_small_J2K_lossless.dcm",
            "01-modalities/VL_colour_photo_3340x2670_J2K.dcm",
            "02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm"})
    void compressedFrames_equalStoredFragments(String relative) throws Exception {
        Path file = SampleCorpus.file(relative);
        int count = toolkit.read(file).frames();
        List<byte[]> expected = PixelDataReference.compressedFrames(Files.readAllBytes(file), count);
        List<Integer> frames = IntStream.range(0, count).boxed().toList();

        List<byte[]> stored = collect(frames, consumer -> toolkit.readCompressedFrames(file, frames, consumer));

        assertThat(expected).hasSize(count);
        assertThat(stored).hasSize(count);
        for (int frame = 0; frame < count; frame++) {
            assertThat(stored.get(frame)).as("frame %d", frame)
                    .isEqualTo(PixelDataReference.withoutPaddingAfterEndMarker(expected.get(frame)));
        }
    }

    @Test
    void compressedFrames_rejectNativePixelData() {
        Path file = SampleCorpus.file("01-modalities/MR_enhanced_multiframe_emri_small.dcm");

        assertThatThrownBy(() -> toolkit.readCompressedFrames(file, List.of(0), (frame, pixels) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.840.10008.1.2.1")
                .hasMessageContaining("not compressed");
    }

    @Test
    void frameBeyondImage_isRejectedWithRange() {
        Path file = SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm");

        assertThatThrownBy(() -> toolkit.decodeFrames(file, List.of(10), (frame, pixels) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame 10")
                .hasMessageContaining("0 to 9");
        assertThatThrownBy(() -> toolkit.readCompressedFrames(file, List.of(-1), (frame, pixels) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame -1");
    }

    @Test
    void objectWithoutPixelData_hasNoFrames() {
        Path file = SampleCorpus.file("05-sr-seg-other/SR_TID1500_measurement_report.dcm");

        assertThatThrownBy(() -> toolkit.decodeFrames(file, List.of(0), (frame, pixels) -> { }))
                .isInstanceOf(DicomRejectedException.class)
                .extracting(e -> ((DicomRejectedException) e).reason())
                .isEqualTo(QuarantineReason.NO_PIXEL_DATA);
    }

    @Test
    void transcodedCopy_hasDecodedFramesOfSource() throws Exception {
        Path file = SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm");
        Path copy = Files.createTempFile("truthline-transcoded", ".dcm");
        try {
            toolkit.transcodeToExplicitVrLittleEndian(file, copy);

            AttributeList transcoded = new AttributeList();
            transcoded.read(copy.toFile());
            assertThat(Attribute.getSingleStringValueOrEmptyString(transcoded, TagFromName.TransferSyntaxUID))
                    .isEqualTo("1.2.840.10008.1.2.1");
            List<byte[]> expected = PixelDataReference.decodedFrames(file);
            List<byte[]> actual = PixelDataReference.decodedFrames(copy);
            assertThat(actual).hasSameSizeAs(expected);
            for (int frame = 0; frame < expected.size(); frame++) {
                assertThat(actual.get(frame)).as("frame %d", frame).isEqualTo(expected.get(frame));
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private interface Reader {
        void read(DicomToolkit.FrameConsumer consumer) throws Exception;
    }

    private static List<byte[]> collect(List<Integer> frames, Reader reader) throws Exception {
        List<byte[]> collected = new ArrayList<>();
        reader.read((frame, pixels) -> collected.add(pixels));
        return collected;
    }
}
