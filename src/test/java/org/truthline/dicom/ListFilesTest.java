package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.pixelmed.dicom.DicomDirectory;
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
    void referencedFiles_includeMissingFiles(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("SERIES1"));
        Files.copy(Path.of("samples", "CT_small.dcm"), folder.resolve("SERIES1/IM0001"));
        Files.copy(Path.of("samples", "MR_small.dcm"), folder.resolve("SERIES1/IM0002"));
        new DicomDirectory(folder.toFile(), new String[] {"SERIES1/IM0001", "SERIES1/IM0002"})
                .write(folder.resolve("DICOMDIR").toString());
        Files.delete(folder.resolve("SERIES1/IM0002"));

        Path root = folder.toAbsolutePath().normalize();
        assertThat(toolkit.referencedFiles(folder.resolve("DICOMDIR")))
                .containsExactly(root.resolve("SERIES1/IM0001"), root.resolve("SERIES1/IM0002"));
        assertThat(toolkit.listFiles(folder)).containsExactly(root.resolve("SERIES1/IM0001"));
    }

    @Test
    void missingReferences_areListedWithTheirDicomdir(@TempDir Path folder) throws Exception {
        writeDicomdirWithTwoImages(folder);
        Files.delete(folder.resolve("SERIES1/IM0002"));

        FolderListing listing = toolkit.listFolder(folder);

        Path root = folder.toAbsolutePath().normalize();
        assertThat(listing.files()).containsExactly(root.resolve("SERIES1/IM0001"));
        assertThat(listing.missingReferences())
                .containsExactly(entry(root.resolve("SERIES1/IM0002"), root.resolve("DICOMDIR")));
    }

    @Test
    void dicomdirFile_listsWhatItReferences(@TempDir Path folder) throws Exception {
        writeDicomdirWithTwoImages(folder);
        Files.writeString(folder.resolve("unlisted.txt"), "not in the DICOMDIR");

        FolderListing listing = toolkit.listFolder(folder.resolve("DICOMDIR"));

        Path root = folder.toAbsolutePath().normalize();
        assertThat(listing.files()).containsExactly(root.resolve("SERIES1/IM0001"), root.resolve("SERIES1/IM0002"));
        assertThat(listing.missingReferences()).isEmpty();
    }

    @Test
    void specialFilesAndLinks_areListedNotSkipped(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.dcm"), "a");
        Path fifo = folder.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).as("mkfifo exit code").isZero();
        Files.createSymbolicLink(folder.resolve("link"), folder.resolve("a.dcm"));

        List<Path> files = toolkit.listFiles(folder);

        Path root = folder.toAbsolutePath().normalize();
        assertThat(files).containsExactly(root.resolve("a.dcm"), root.resolve("link"), root.resolve("pipe"));
    }

    private static void writeDicomdirWithTwoImages(Path folder) throws Exception {
        Files.createDirectories(folder.resolve("SERIES1"));
        Files.copy(Path.of("samples", "CT_small.dcm"), folder.resolve("SERIES1/IM0001"));
        Files.copy(Path.of("samples", "MR_small.dcm"), folder.resolve("SERIES1/IM0002"));
        new DicomDirectory(folder.toFile(), new String[] {"SERIES1/IM0001", "SERIES1/IM0002"})
                .write(folder.resolve("DICOMDIR").toString());
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
