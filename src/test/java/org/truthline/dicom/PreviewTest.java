package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the thumbnails that {@code renderThumbnail} returns against full-size renders of the same frame, scaled
 * down here by averaging whole source areas, and that {@code renderPng} always keeps the full size.
 */
class PreviewTest {

    private static final String LARGE_JPEG_2000 = "01-modalities/VL_colour_photo_3340x2670_J2K.dcm";

    /** Mean absolute difference per colour channel, in 8-bit grey levels, allowed between preview and reference. */
    private static final double TOLERANCE = 8.0;

    private static final int PREVIEW_MAX_SIZE = 1024;

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @Test
    void jpeg2000Preview_fitsMaxSize() throws Exception {
        Path file = SampleCorpus.file(LARGE_JPEG_2000);
        PixelGeometry geometry = new HeaderReader(DicomLimits.DEFAULTS).read(file).geometry();

        BufferedImage preview = image(toolkit.renderThumbnail(file, PREVIEW_MAX_SIZE));

        assertThat(Math.max(preview.getWidth(), preview.getHeight()))
                .isLessThanOrEqualTo(PREVIEW_MAX_SIZE);
        // Two dropped resolution levels give a quarter of each side, rounded up.
        assertThat(preview.getWidth()).isEqualTo((geometry.columns() + 3) / 4);
        assertThat(preview.getHeight()).isEqualTo((geometry.rows() + 3) / 4);
    }

    @Test
    void jpeg2000Preview_matchesScaledFullRender() throws Exception {
        Path file = SampleCorpus.file(LARGE_JPEG_2000);

        BufferedImage preview = image(toolkit.renderThumbnail(file, PREVIEW_MAX_SIZE));
        BufferedImage full = image(toolkit.renderPng(file, 0, null));

        BufferedImage reference = areaAverage(full, preview.getWidth(), preview.getHeight());
        assertThat(meanAbsoluteDifference(preview, reference)).isLessThan(TOLERANCE);
    }

    @Test
    void explicitWindow_keepsFullSize() throws Exception {
        Path file = SampleCorpus.file(LARGE_JPEG_2000);
        PixelGeometry geometry = new HeaderReader(DicomLimits.DEFAULTS).read(file).geometry();

        BufferedImage windowed = image(toolkit.renderPng(file, 0, new WindowSetting(128, 256, null)));

        assertThat(windowed.getWidth()).isEqualTo(geometry.columns());
        assertThat(windowed.getHeight()).isEqualTo(geometry.rows());
    }

    @Test
    void grayscalePreview_matchesScaledFullRender() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CR_MONOCHROME1_chest.dcm");
        BufferedImage preview = image(toolkit.renderThumbnail(file, 150));
        BufferedImage full = image(toolkit.renderPng(file, 0, null));

        assertThat(preview.getWidth()).isEqualTo(150);
        assertThat(preview.getHeight()).isEqualTo(150);
        assertThat(meanAbsoluteDifference(preview, areaAverage(full, 150, 150))).isLessThan(TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "01-modalities/US_multiframe_palette_RLE_10f.dcm",
            "02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm",
            "02-transfer-syntaxes/OT_deflated_image_dfl.dcm",
            "02-transfer-syntaxes/NM_JPEG_lossless_SV1.dcm",
            "01-modalities/MR_siemens_mosaic_0051.dcm",
    })
    void subsampledThumbnail_matchesScaledFullRender(String sample) throws Exception {
        Path file = SampleCorpus.file(sample);

        BufferedImage thumbnail = image(toolkit.renderThumbnail(file, 64));
        BufferedImage full = image(toolkit.renderPng(file, 0, null));

        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(64);
        BufferedImage reference = areaAverage(full, thumbnail.getWidth(), thumbnail.getHeight());
        assertThat(meanAbsoluteDifference(thumbnail, reference)).isLessThan(TOLERANCE);
    }

    @Test
    void smallFrame_keepsFullSize() throws Exception {
        Path file = SampleCorpus.file("02-transfer-syntaxes/MR_small_J2K_lossless.dcm");

        BufferedImage preview = image(toolkit.renderThumbnail(file, PREVIEW_MAX_SIZE));

        assertThat(preview.getWidth()).isEqualTo(64);
        assertThat(preview.getHeight()).isEqualTo(64);
    }

    @Test
    void renderPngWithoutWindow_keepsFullSize() throws Exception {
        Path file = SampleCorpus.file(LARGE_JPEG_2000);
        PixelGeometry geometry = new HeaderReader(DicomLimits.DEFAULTS).read(file).geometry();

        BufferedImage rendered = image(toolkit.renderPng(file, 0, null));

        assertThat(rendered.getWidth()).isEqualTo(geometry.columns());
        assertThat(rendered.getHeight()).isEqualTo(geometry.rows());
    }

    @ParameterizedTest(name = "thumbnail size {0} is rejected")
    @CsvSource({"0", "15", "4097", "-1"})
    void thumbnailSizeOutOfRange_isRejected(int size) {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        assertThatThrownBy(() -> toolkit.renderThumbnail(file, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(size))
                .hasMessageContaining("thumbnail-size");
    }

    @ParameterizedTest(name = "longest side {0}, max {1}, {2} levels: drop {3}")
    @CsvSource({
            "3340, 1024, 5, 2",
            "3340, 1024, 1, 1",
            "3340, 1024, 0, 0",
            "1024, 1024, 5, 0",
            "1025, 1024, 5, 1",
            "2049, 1024, 5, 2",
    })
    void levelsToDiscard_fitsOrStopsAtLevels(int longestSide, int maxSize, int levels, int expected) {
        assertThat(PreviewScaler.levelsToDiscard(longestSide, maxSize, levels)).isEqualTo(expected);
    }

    @Test
    void decompositionLevels_readsCodMarker() {
        byte[] codestream = {
                (byte) 0xFF, 0x4F,
                (byte) 0xFF, 0x64, 0x00, 0x04, 0x00, 0x01,
                (byte) 0xFF, 0x52, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x01, 0x01, 0x05, 0x04, 0x04, 0x00, 0x00,
                (byte) 0xFF, (byte) 0x90};

        assertThat(PreviewScaler.decompositionLevels(codestream)).isEqualTo(5);
    }

    @Test
    void decompositionLevels_withoutCodestreamStart_isZero() {
        byte[] jp2Signature = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};

        assertThat(PreviewScaler.decompositionLevels(jp2Signature)).isZero();
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Scales down by averaging, per channel, every source pixel whose area maps into each target pixel. */
    private static BufferedImage areaAverage(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            int top = y * source.getHeight() / height;
            int bottom = Math.max(top + 1, (y + 1) * source.getHeight() / height);
            for (int x = 0; x < width; x++) {
                int left = x * source.getWidth() / width;
                int right = Math.max(left + 1, (x + 1) * source.getWidth() / width);
                long red = 0;
                long green = 0;
                long blue = 0;
                for (int sy = top; sy < bottom; sy++) {
                    for (int sx = left; sx < right; sx++) {
                        int rgb = source.getRGB(sx, sy);
                        red += rgb >> 16 & 0xFF;
                        green += rgb >> 8 & 0xFF;
                        blue += rgb & 0xFF;
                    }
                }
                long count = (long) (bottom - top) * (right - left);
                target.setRGB(x, y, (int) (red / count) << 16 | (int) (green / count) << 8 | (int) (blue / count));
            }
        }
        return target;
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).as("width").isEqualTo(b.getWidth());
        assertThat(a.getHeight()).as("height").isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
