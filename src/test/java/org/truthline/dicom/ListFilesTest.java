package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFilesTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @Test
    void dicomdirFolder_listsReferencedFilesSorted() {
        Path folder = SampleCorpus.root().resolve("06-dicomdir");

        List<Path> files = toolkit.listFiles(folder);

        assertThat(files).isNotEmpty().isSorted();
        assertThat(files).noneMatch(path -> path.getFileName().toString().equals("DICOMDIR"));
        assertThat(files).contains(folder.toAbsolutePath().normalize().resolve("77654033/CR1/6154"));
        assertThat(files).doesNotHaveDuplicates().allMatch(Files::isRegularFile);
    }

    @Test
    void hiddenFiles_areSkipped(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("series/.cache"));
        Files.writeString(folder.resolve("series/b.dcm"), "b");
        Files.writeString(folder.resolve("a.dcm"), "a");
        Files.writeString(folder.resolve(".DS_Store"), "x");
        Files.writeString(folder.resolve("series/.cache/c.dcm"), "c");

        List<Path> files = toolkit.listFiles(folder);

        Path root = folder.toAbsolutePath().normalize();
        assertThat(files).containsExactly(root.resolve("a.dcm"), root.resolve("series/b.dcm"));
    }
}
