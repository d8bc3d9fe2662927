package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurnedInAnnotationTest {

    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final String MASKED_UID = "2.25.329800735698586629295641978511506172918";
    private static final String US_BURNED_IN = "03-phi-deid/US_burned_in_PHI_RLE_YBR.dcm";

    /**
     * The two text lines at the top of US_burned_in_PHI_RLE_YBR.dcm (clinic, patient name and ID, birth date,
     * exam date and time) lie within rows 0 to 84, found on a rendered preview.
     */
    private static final Rectangle US_TEXT_BAND = new Rectangle(0, 0, 1260, 85);

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0} with BurnedInAnnotation [{1}] -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            CT, YES,  true
            CT, NO,   false
            CT, null, true
            CT, '',   true
            US, null, true
            US, NO,   false
            US, YES,  true
            SC, null, true
            OT, no,   false
            XC, MAYBE, true
            ES, null, true
            MR, null, true
            """)
    void likelyBurnedIn_followsFlagAndModality(String modality, String flag, boolean expected) {
        assertThat(toolkit.likelyBurnedIn(summary(modality, flag, true, "1.2.840.10008.5.1.4.1.1.2")))
                .isEqualTo(expected);
    }

    @Test
    void withoutPixels_needsYesFlag() {
        String comprehensiveSr = "1.2.840.10008.5.1.4.1.1.88.33";
        String encapsulatedPdf = "1.2.840.10008.5.1.4.1.1.104.1";

        assertThat(toolkit.likelyBurnedIn(summary("SR", null, false, comprehensiveSr))).isFalse();
        assertThat(toolkit.likelyBurnedIn(summary("SR", "YES", false, comprehensiveSr))).isTrue();
        assertThat(toolkit.likelyBurnedIn(summary("OT", null, false, encapsulatedPdf))).isTrue();
        assertThat(toolkit.likelyBurnedIn(summary("OT", "NO", false, encapsulatedPdf))).isFalse();
    }

    @Test
    void likelyBurnedIn_usSampleFromFile() throws Exception {
        assertThat(toolkit.likelyBurnedIn(toolkit.read(SampleCorpus.file(US_BURNED_IN)))).isTrue();
    }

    @Test
    void maskRectangles_usYbrRle_blanksTextBand() throws Exception {
        Path deidentified = output.resolve("us-deid.dcm");
        toolkit.deidentify(SampleCorpus.file(US_BURNED_IN), deidentified, new TestRemapper(),
                DeidentificationOptions.BASIC);
        BufferedImage before = render(deidentified);
        Path masked = output.resolve("us-masked.dcm");

        toolkit.maskRectangles(deidentified, masked, List.of(US_TEXT_BAND), MASKED_UID);

        BufferedImage after = render(masked);
        assertThat(before.getWidth()).isEqualTo(after.getWidth());
        assertThat(brightPixels(before, US_TEXT_BAND)).as("text pixels before masking").isGreaterThan(1000);
        assertThat(brightPixels(after, US_TEXT_BAND)).as("non-black pixels after masking").isZero();
        Rectangle below = new Rectangle(0, 85, 1260, 910 - 85);
        assertThat(meanDifference(before, after, below)).as("change outside the mask").isLessThan(1.0);

        DicomSummary summary = toolkit.read(masked);
        assertThat(summary.transferSyntaxUid()).isEqualTo(TransferSyntax.ExplicitVRLittleEndian);
        assertThat(summary.photometricInterpretation()).isEqualTo("RGB");
        assertThat(summary.burnedInAnnotation()).isEqualTo("NO");
        assertThat(toolkit.likelyBurnedIn(summary)).isFalse();
        AttributeList list = readHeader(masked);
        assertThat(Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, -1)).isZero();
        assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID))
                .isEqualTo(TransferSyntax.ExplicitVRLittleEndian);
        assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID))
                .as("a masked copy is a new object").isEqualTo(MASKED_UID);
        assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPInstanceUID))
                .isEqualTo(MASKED_UID);
        assertThat(summary.studyInstanceUid()).isEqualTo(toolkit.read(deidentified).studyInstanceUid());
        assertThat(summary.seriesInstanceUid()).isEqualTo(toolkit.read(deidentified).seriesInstanceUid());
        assertThat(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Manufacturer)).isEqualTo("MINDRAY");
        assertThat(list.get(TagFromName.SequenceOfUltrasoundRegions)).isNotNull();
        assertDcmdumpParses(masked);
    }

    @Test
    void maskRectangles_monochrome2Ct_blanksRegion() throws Exception {
        Path deidentified = output.resolve("ct-deid.dcm");
        toolkit.deidentify(SampleCorpus.file("07-rendering/CT_signed_pixels.dcm"), deidentified, new TestRemapper(),
                DeidentificationOptions.BASIC);
        String transferSyntax = toolkit.read(deidentified).transferSyntaxUid();
        BufferedImage before = render(deidentified);
        Rectangle region = new Rectangle(200, 180, 100, 60);
        Path masked = output.resolve("ct-masked.dcm");

        toolkit.maskRectangles(deidentified, masked, List.of(region), MASKED_UID);

        BufferedImage after = render(masked);
        assertThat(brightPixels(before, region)).as("non-black pixels before masking").isPositive();
        assertThat(brightPixels(after, region)).as("non-black pixels after masking").isZero();
        assertThat(meanDifference(before, after, new Rectangle(0, 0, 512, 180))).isZero();
        DicomSummary summary = toolkit.read(masked);
        assertThat(summary.photometricInterpretation()).isEqualTo("MONOCHROME2");
        assertThat(summary.transferSyntaxUid()).as("native Pixel Data keeps its transfer syntax")
                .isEqualTo(transferSyntax);
        assertThat(summary.bitsAllocated()).isEqualTo(16);
        assertThat(summary.burnedInAnnotation()).isEqualTo("NO");
        assertDcmdumpParses(masked);
    }

    @Test
    void maskRectangles_outsideImage_namesRectangleAndSize() throws Exception {
        Path deidentified = output.resolve("mr-deid.dcm");
        toolkit.deidentify(SampleCorpus.file("01-modalities/MR_small.dcm"), deidentified, new TestRemapper(),
                DeidentificationOptions.BASIC);

        assertThatThrownBy(() -> toolkit.maskRectangles(deidentified, output.resolve("x.dcm"),
                List.of(new Rectangle(60, 10, 10, 10)), MASKED_UID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x=60, y=10, width=10, height=10")
                .hasMessageContaining("64 columns x 64 rows");
        assertThat(output.resolve("x.dcm")).doesNotExist();
    }

    @Test
    void maskRectangles_original_isRejected() {
        Path original = SampleCorpus.file("01-modalities/MR_small.dcm");

        assertThatThrownBy(() -> toolkit.maskRectangles(original, output.resolve("x.dcm"),
                List.of(new Rectangle(0, 0, 10, 10)), MASKED_UID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mask the de-identified copy");
    }

    @Test
    void maskRectangles_sourceUid_isRejected() throws Exception {
        Path deidentified = output.resolve("mr-deid.dcm");
        toolkit.deidentify(SampleCorpus.file("01-modalities/MR_small.dcm"), deidentified, new TestRemapper(),
                DeidentificationOptions.BASIC);
        String sourceUid = toolkit.read(deidentified).sopInstanceUid();

        assertThatThrownBy(() -> toolkit.maskRectangles(deidentified, output.resolve("x.dcm"),
                List.of(new Rectangle(0, 0, 10, 10)), sourceUid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a new SOP Instance UID");
        assertThat(output.resolve("x.dcm")).doesNotExist();
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(nullValues = "null", textBlock = """
            null
            ''
            1.2.03
            1..2
            2.25.abc
            1.2.3.
            2.25.1234567890123456789012345678901234567890123456789012345678901
            """)
    void maskRectangles_invalidUid_isRejected(String uid) throws Exception {
        Path deidentified = output.resolve("mr-deid.dcm");
        toolkit.deidentify(SampleCorpus.file("01-modalities/MR_small.dcm"), deidentified, new TestRemapper(),
                DeidentificationOptions.BASIC);

        assertThatThrownBy(() -> toolkit.maskRectangles(deidentified, output.resolve("x.dcm"),
                List.of(new Rectangle(0, 0, 10, 10)), uid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid SOP Instance UID");
    }

    private static DicomSummary summary(String modality, String flag, boolean hasPixelData, String sopClass) {
        return new DicomSummary("2.25.1", sopClass, "2.25.2", "2.25.3", modality,
                TransferSyntax.ExplicitVRLittleEndian, hasPixelData ? "MONOCHROME2" : null, 8, 8,
                hasPixelData ? 1 : 0, 16, List.of(), flag, hasPixelData);
    }

    private BufferedImage render(Path file) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(toolkit.renderPng(file, 0, null)));
    }

    /** Counts pixels in the region whose brightest channel is above 16 of 255. */
    private static int brightPixels(BufferedImage image, Rectangle region) {
        int count = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                int rgb = image.getRGB(x, y);
                int brightest = Math.max(rgb >> 16 & 0xFF, Math.max(rgb >> 8 & 0xFF, rgb & 0xFF));
                if (brightest > 16) {
                    count++;
                }
            }
        }
        return count;
    }

    private static double meanDifference(BufferedImage a, BufferedImage b, Rectangle region) {
        long total = 0;
        for (int y = region.y; y < region.y + region.height; y++) {
            for (int x = region.x; x < region.x + region.width; x++) {
                int first = a.getRGB(x, y);
                int second = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    total += Math.abs((first >> shift & 0xFF) - (second >> shift & 0xFF));
                }
            }
        }
        return total / (3.0 * region.width * region.height);
    }

    private static AttributeList readHeader(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return list;
    }

    private static void assertDcmdumpParses(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCMDUMP), "dcmdump (dcmtk) is not installed; parse check skipped");
        Process process = new ProcessBuilder(DCMDUMP.toString(), "-q", file.toString())
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("dcmdump did not finish within 60 s on " + file);
        }
        assertThat(process.exitValue()).as("dcmdump exit code, output:%n%s", text).isZero();
        assertThat(text).doesNotContain("E: ");
        assertThat(text).contains("(0028,0301) CS [NO]");
    }
}
