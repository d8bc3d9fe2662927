package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares our PNGs with dcmj2pnm (DCMTK) output of the same frame and window. The tolerance is the mean
 * absolute difference per colour channel, in 8-bit grey levels; both images have the same size.
 */
class RenderingTest {

    private static final Path DCMJ2PNM = Path.of("/usr/bin/dcmj2pnm");
    private static final Path DCMODIFY = Path.of("/usr/bin/dcmodify");
    private static final Path OPJ_DECOMPRESS = Path.of("/usr/bin/opj_decompress");

    /** Mean absolute difference allowed against DCMTK: rounding and decoder differences stay well below it. */
    private static final double TOLERANCE = 8.0;

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0} frame {1} with dcmj2pnm {2}")
    @CsvSource(delimiter = '|', textBlock = """
            01-modalities/CR_MONOCHROME1_chest.dcm        | 0 | +Wi 1
            01-modalities/DX_MONOCHROME1_dx_image.dcm     | 0 | +Wi 1
            01-modalities/CT_small.dcm                    | 0 | +Wm
            01-modalities/MR_small.dcm                    | 0 | +Wi 1
            07-rendering/CT_signed_pixels.dcm             | 0 | +Wi 1
            07-rendering/CR_MONOCHROME1_JPEG_Issue44.dcm  | 0 | +Wi 1
            07-rendering/OT_VOI_LUT_sequence.dcm          | 0 | +Wl 1
            07-rendering/OT_modality_LUT_sequence.dcm     | 0 | +Wm
            07-rendering/US_palette_OBXXXX1A_RLE.dcm      | 0 |
            07-rendering/OT_YBR_FULL_422_uncompressed.dcm | 0 |
            01-modalities/US_multiframe_palette_RLE_10f.dcm | 4 |
            03-phi-deid/US_burned_in_PHI_RLE_YBR.dcm      | 0 |
            02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm | 0 |
            02-transfer-syntaxes/OT_RGB_RLE.dcm           | 0 |
            """)
    void fileWindow_matchesDcmtk(String relative, int frame, String options) throws Exception {
        Path file = SampleCorpus.file(relative);

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(file, frame, null)));

        BufferedImage reference = dcmj2pnm(file, frame, options == null ? "" : options);
        assertThat(meanAbsoluteDifference(ours, reference)).as("mean absolute difference to dcmj2pnm %s", options)
                .isLessThan(TOLERANCE);
    }

    @Test
    void givenWindow_matchesDcmtk() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        byte[] png = toolkit.renderPng(file, 0, new WindowSetting(40, 400, null));

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(meanAbsoluteDifference(ours, dcmj2pnm(file, 0, "+Ww 40 400"))).isLessThan(TOLERANCE);
    }

    @Test
    void sigmoidWindow_matchesDcmtk() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        byte[] png = toolkit.renderPng(file, 0, new WindowSetting(40, 400, null, VoiLutFunction.SIGMOID));

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(meanAbsoluteDifference(ours, dcmj2pnm(file, 0, "+Ww 40 400 +Wfs"))).isLessThan(TOLERANCE);
        assertThat(png).isNotEqualTo(toolkit.renderPng(file, 0, new WindowSetting(40, 400, null)));
    }

    /**
     * DCMTK 3.6.7 offers no LINEAR_EXACT. Its LINEAR ramp lies within about half a modality unit of the exact one,
     * so the two images stay close without being equal.
     */
    @Test
    void linearExactWindow_staysCloseToLinear() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        byte[] png = toolkit.renderPng(file, 0, new WindowSetting(40, 400, null, VoiLutFunction.LINEAR_EXACT));

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(meanAbsoluteDifference(ours, dcmj2pnm(file, 0, "+Ww 40 400"))).isLessThan(TOLERANCE);
        assertThat(png).isNotEqualTo(toolkit.renderPng(file, 0, new WindowSetting(40, 400, null)));
    }

    @Test
    void ctWithOwnWindow_usesIt() throws Exception {
        Path file = SampleCorpus.file("07-rendering/CT_signed_pixels.dcm");
        WindowSetting own = toolkit.read(file).windows().get(0);

        byte[] byDefault = toolkit.renderPng(file, 0, null);

        assertThat(byDefault).isEqualTo(toolkit.renderPng(file, 0, own));
        assertThat(byDefault).isNotEqualTo(toolkit.renderPng(file, 0, new WindowSetting(own.center() + 500,
                own.width(), null)));
    }

    @ParameterizedTest
    @CsvSource({"01-modalities/CR_MONOCHROME1_chest.dcm", "01-modalities/DX_MONOCHROME1_dx_image.dcm"})
    void monochrome1_matchesDcmtkPolarity(String relative) throws Exception {
        Path file = SampleCorpus.file(relative);
        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(file, 0, null)));
        BufferedImage reference = dcmj2pnm(file, 0, "+Wi 1");

        double direct = meanAbsoluteDifference(ours, reference);
        double inverted = meanAbsoluteDifference(ours, negative(reference));

        assertThat(direct).isLessThan(TOLERANCE);
        assertThat(inverted).as("difference to the inverted reference").isGreaterThan(10 * TOLERANCE);
    }

    /**
     * MR_per_frame_windowing.dcm stores 0, 16, 32, 48 in each 2x2 frame. Frame 0 has window 16/128 and rescale
     * 1/0 in its functional groups. Frame 3 has rescale 2/100 and no window, so its range 100..196 is stretched.
     * dcmj2pnm rejects this file because it lacks Pixel Representation. The expected grey levels are therefore
     * computed by hand with the linear window function of PS3.3 C.11.2.1.2.1.
     */
    @Test
    void perFrameWindowing_usesEachFramesGroups() throws Exception {
        Path file = SampleCorpus.file("07-rendering/MR_per_frame_windowing.dcm");

        assertThat(greyLevels(toolkit.renderPng(file, 0, null))).containsExactly(96, 129, 161, 193);
        assertThat(greyLevels(toolkit.renderPng(file, 3, null))).containsExactly(0, 85, 170, 255);
    }

    /**
     * Compares per-frame windowing with DCMTK. dcmj2pnm 3.6.7 ignores windows in per-frame functional groups and
     * rejects the file without Pixel Representation, so the test adds Pixel Representation 0 to a copy with
     * dcmodify and gives dcmj2pnm each frame's window (frame 0: 16/128), or the min-max window for frame 3, which
     * has none. Our render chooses the window from the frame's own groups, so a wrong choice shows as a difference.
     */
    @ParameterizedTest(name = "frame {0} with dcmj2pnm {1}")
    @CsvSource({"0, +Ww 16 128", "3, +Wm"})
    void perFrameWindowing_matchesDcmtkGivenTheFramesWindow(int frame, String options) throws Exception {
        Path file = SampleCorpus.file("07-rendering/MR_per_frame_windowing.dcm");
        assumeTrue(Files.isExecutable(DCMODIFY), "dcmodify (dcmtk) is not installed; reference comparison skipped");
        Path copy = output.resolve("per-frame-with-pixel-representation.dcm");
        Files.copy(file, copy);
        PeerJpeg2000.run(List.of(DCMODIFY.toString(), "-nb", "-i", "(0028,0103)=0", copy.toString()));

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(file, frame, null)));

        assertThat(meanAbsoluteDifference(ours, dcmj2pnm(copy, frame, options))).isLessThan(TOLERANCE);
    }

    /**
     * Compares JPEG 2000 renders with peers. DCMTK has no JPEG 2000 decoder, so OpenJPEG's opj_decompress decodes
     * the frame's codestream. The test stores those samples uncompressed with the file's own header (Explicit VR
     * Little Endian, RGB for colour), dcmj2pnm renders that copy with the file's window, and our render of the
     * JPEG 2000 file itself must match it.
     */
    @ParameterizedTest(name = "{0} with dcmj2pnm {1}")
    @CsvSource(delimiter = '|', textBlock = """
            07-rendering/MR_rescale_slope_window_J2K.dcm      | +Wi 1
            02-transfer-syntaxes/MR_small_J2K_lossless.dcm    | +Wi 1
            01-modalities/VL_colour_photo_3340x2670_J2K.dcm   |
            """)
    void jpeg2000_matchesOpenJpegDecodeRenderedByDcmtk(String relative, String options) throws Exception {
        Path file = SampleCorpus.file(relative);
        assumeTrue(Files.isExecutable(OPJ_DECOMPRESS),
                "opj_decompress (Debian libopenjp2-tools) is not installed; JPEG 2000 reference comparison skipped");
        Path uncompressed = PeerJpeg2000.decodeToUncompressedCopy(file, output, OPJ_DECOMPRESS);

        BufferedImage ours = ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(file, 0, null)));

        BufferedImage reference = dcmj2pnm(uncompressed, 0, options == null ? "" : options);
        assertThat(meanAbsoluteDifference(ours, reference)).as("mean absolute difference to OpenJPEG + dcmj2pnm")
                .isLessThan(TOLERANCE);
    }

    private static int[] greyLevels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }

    private static BufferedImage negative(BufferedImage image) {
        BufferedImage negative = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                negative.setRGB(x, y, ~image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return negative;
    }

    @Test
    void frameOutOfRange_namesValidRange() {
        Path file = SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm");

        assertThatThrownBy(() -> toolkit.renderPng(file, 10, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid frames are 0 to 9");
    }

    @Test
    void objectWithoutPixels_isNoPixelData() {
        Path file = SampleCorpus.file("05-sr-seg-other/SR_TID1500_measurement_report.dcm");

        assertThatThrownBy(() -> toolkit.renderPng(file, 0, null))
                .isInstanceOfSatisfying(DicomRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(QuarantineReason.NO_PIXEL_DATA));
    }

    @Test
    void objectWithoutSopClass_saysSo() {
        Path file = SampleCorpus.file("04-charsets/empty_SpecificCharacterSet.dcm");

        assertThatThrownBy(() -> toolkit.renderPng(file, 0, null))
                .isInstanceOf(DicomRejectedException.class)
                .hasMessageContaining("(no SOP Class UID)")
                .hasMessageNotContaining("SOP Class )");
    }

    private BufferedImage dcmj2pnm(Path file, int frame, String options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCMJ2PNM), "dcmj2pnm (dcmtk) is not installed; reference comparison skipped");
        Path png = output.resolve("reference-" + file.getFileName() + "-" + frame + ".png");
        List<String> command = new ArrayList<>(List.of(DCMJ2PNM.toString(), "--write-png", "+F",
                Integer.toString(frame + 1)));
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of(file.toString(), png.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("dcmj2pnm did not finish within 120 s on " + file);
        }
        assertThat(process.exitValue()).as("dcmj2pnm exit code, output:%n%s", text).isZero();
        return ImageIO.read(png.toFile());
    }

    private static double meanAbsoluteDifference(BufferedImage ours, BufferedImage reference) {
        assertThat(ours.getWidth()).isEqualTo(reference.getWidth());
        assertThat(ours.getHeight()).isEqualTo(reference.getHeight());
        long total = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                int a = ours.getRGB(x, y);
                int b = reference.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                }
            }
        }
        return total / (3.0 * ours.getWidth() * ours.getHeight());
    }
}
