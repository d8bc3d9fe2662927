package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Content Date and Content Time are Z/D in the Basic Profile and Type 1 in the Multi-frame Functional Groups
 * module, so copies of enhanced multi-frame objects keep a dummy value, and dicom3tools {@code dciodvfy} finds no
 * empty Type 1 Content Date or Time in them.
 */
class FunctionalGroupsDeidentificationTest {

    private static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest
    @ValueSource(strings = {"01-modalities/MR_enhanced_multiframe_emri_small.dcm",
            "01-modalities/SM_slide_microscopy_rgb.dcm", "05-sr-seg-other/SEG_fractional.dcm"})
    void contentDateAndTime_keepDummyValues(String relative) throws Exception {
        Path source = SampleCorpus.file(relative);
        AttributeList original = read(source);
        assumeTrue(!Attribute.getSingleStringValueOrEmptyString(original, TagFromName.ContentDate).isBlank(),
                relative + " has no Content Date");
        Path copy = output.resolve("copy.dcm");

        toolkit.deidentify(source, copy, new TestRemapper(), DeidentificationOptions.BASIC);

        AttributeList written = read(copy);
        String date = Attribute.getSingleStringValueOrEmptyString(written, TagFromName.ContentDate);
        String time = Attribute.getSingleStringValueOrEmptyString(written, TagFromName.ContentTime);
        assertThat(date).as("Content Date").isEqualTo("19000101");
        assertThat(time).as("Content Time").isEqualTo("000000");
        assertThat(date).isNotEqualTo(Attribute.getSingleStringValueOrEmptyString(original, TagFromName.ContentDate));
        assertThat(emptyContentDateOrTime(copy)).as("dciodvfy errors about Content Date or Time").isEmpty();
    }

    private static List<String> emptyContentDateOrTime(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCIODVFY), "dciodvfy is missing; install the Debian package dicom3tools");
        Process process = new ProcessBuilder(DCIODVFY.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dciodvfy finished").isTrue();
        return output.lines().filter(line -> line.startsWith("Error"))
                .filter(line -> line.contains("<ContentDate>") || line.contains("<ContentTime>")).toList();
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return list;
    }
}
