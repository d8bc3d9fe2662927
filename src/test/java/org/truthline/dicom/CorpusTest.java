package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample of 01-modalities and 02-transfer-syntaxes: read, de-identified and rendered, or rejected. */
class CorpusTest {

    /** Samples this build rejects, with the reason; every other sample must pass all three steps. */
    private static final Map<String, QuarantineReason> REJECTED = Map.of(
            // Debian's pixelmed_imageio 20200328 has no JPEG-LS reader.
            "02-transfer-syntaxes/MR_small_JPEG-LS_lossless.dcm", QuarantineReason.UNSUPPORTED_TRANSFER_SYNTAX);

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    static Stream<Arguments> samples() {
        return Stream.of(
                        "01-modalities/CR_MONOCHROME1_chest.dcm",
                        "01-modalities/CT_small.dcm",
                        "01-modalities/DX_MONOCHROME1_dx_image.dcm",
                        "01-modalities/MR_enhanced_multiframe_emri_small.dcm",
                        "01-modalities/MR_siemens_mosaic_0051.dcm",
                        "01-modalities/MR_small.dcm",
                        "01-modalities/SM_slide_microscopy_rgb.dcm",
                        "01-modalities/US_multiframe_palette_RLE_10f.dcm",
                        "01-modalities/VL_colour_photo_3340x2670_J2K.dcm",
                        "02-transfer-syntaxes/MR_small_J2K_lossless.dcm",
                        "02-transfer-syntaxes/MR_small_JPEG-LS_lossless.dcm",
                        "02-transfer-syntaxes/MR_small_RLE.dcm",
                        "02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm",
                        "02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm",
                        "02-transfer-syntaxes/NM_JPEG_lossless_SV1.dcm",
                        "02-transfer-syntaxes/OT_RGB_RLE.dcm",
                        "02-transfer-syntaxes/OT_deflated_image_dfl.dcm",
                        "02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm")
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sample_isUsableOrRejectedForItsReason(String relative) throws Exception {
        Path file = SampleCorpus.file(relative);
        QuarantineReason expected = REJECTED.get(relative);

        if (expected != null) {
            DicomRejectedException e = catchThrowableOfType(DicomRejectedException.class, () -> toolkit.read(file));
            assertThat(e).as("rejection of %s", relative).isNotNull();
            assertThat(e.reason()).isEqualTo(expected);
            assertThat(e.getMessage()).startsWith(file.getFileName() + ": ").contains("1.2.840.10008.1.2.4.80");
            return;
        }

        DicomSummary original = toolkit.read(file);
        assertThat(original.hasPixelData()).isTrue();

        Path copy = output.resolve("deid.dcm");
        DeidentificationReport report = toolkit.deidentify(file, copy, new TestRemapper(),
                DeidentificationOptions.BASIC);
        assertThat(report.deidentified().transferSyntaxUid()).isEqualTo(original.transferSyntaxUid());
        assertThat(report.deidentified().sopInstanceUid()).isNotEqualTo(original.sopInstanceUid());
        assertThat(report.deidentified().rows()).isEqualTo(original.rows());

        for (Path image : new Path[] {file, copy}) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(image, 0, null)));
            assertThat(png.getWidth()).isEqualTo(original.columns());
            assertThat(png.getHeight()).isEqualTo(original.rows());
        }
    }
}
