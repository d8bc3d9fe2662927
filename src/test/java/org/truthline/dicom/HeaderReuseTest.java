package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** De-identification reuses the header that {@code read} parsed only while the file is unchanged. */
class HeaderReuseTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path folder;

    @Test
    void fileReplacedAfterRead_isParsedAgain() throws Exception {
        Path file = folder.resolve("incoming.dcm");
        Files.copy(SampleCorpus.file("01-modalities/CT_small.dcm"), file);
        assertThat(toolkit.read(file).modality()).isEqualTo("CT");
        Files.copy(SampleCorpus.file("01-modalities/MR_small.dcm"), file, StandardCopyOption.REPLACE_EXISTING);

        DeidentificationReport report = toolkit.deidentify(file, folder.resolve("copy.dcm"), new Remapper(),
                DeidentificationOptions.BASIC);

        assertThat(report.deidentified().modality()).isEqualTo("MR");
        assertThat(toolkit.read(folder.resolve("copy.dcm")).modality()).isEqualTo("MR");
    }

    @Test
    void readThenDeidentifyAnotherFile_usesThatFile() throws Exception {
        toolkit.read(SampleCorpus.file("01-modalities/CT_small.dcm"));

        DeidentificationReport report = toolkit.deidentify(SampleCorpus.file("01-modalities/MR_small.dcm"),
                folder.resolve("copy.dcm"), new Remapper(), DeidentificationOptions.BASIC);

        assertThat(report.deidentified().modality()).isEqualTo("MR");
    }

    @Test
    void readThenDeidentify_sameCopy() throws Exception {
        Path source = SampleCorpus.file("01-modalities/CT_small.dcm");
        toolkit.read(source);
        DeidentificationReport afterRead = toolkit.deidentify(source, folder.resolve("a.dcm"), new Remapper(),
                DeidentificationOptions.BASIC);
        DeidentificationReport alone = toolkit.deidentify(source, folder.resolve("b.dcm"), new Remapper(),
                DeidentificationOptions.BASIC);

        assertThat(afterRead.deidentified()).isEqualTo(alone.deidentified());
        assertThat(Files.readAllBytes(folder.resolve("a.dcm"))).isEqualTo(Files.readAllBytes(folder.resolve("b.dcm")));
    }

    private static final class Remapper implements UidRemapper {
        private final Map<String, String> uids = new HashMap<>();

        @Override
        public String remap(String originalUid) {
            return uids.computeIfAbsent(originalUid, uid -> "2.25." + (100 + uids.size()));
        }
    }
}
