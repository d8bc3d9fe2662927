package org.truthline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.DicomDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.util.unit.DataSize;
import org.truthline.dicom.DicomLimits;
import org.truthline.dicom.FolderListing;
import org.truthline.dicom.PixelMedDicomToolkit;

class UploadServiceTest {

    private static final UploadService.ArchiveLimits LIMITS = new UploadService.ArchiveLimits(10, 10_000, 10_000);

    @TempDir
    Path temp;

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path archive(Map<String, byte[]> entries) throws IOException {
        return Files.write(temp.resolve("upload.zip"), zip(entries));
    }

    private static Map<String, byte[]> entries(Object... nameAndContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            entries.put((String) nameAndContent[i], ((String) nameAndContent[i + 1]).getBytes());
        }
        return entries;
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Nested
    class Extract {

        @Test
        void keepsFoldersOfRelativeEntries() throws IOException {
            Path target = temp.resolve("out");
            List<Path> files = UploadService.extract(archive(entries("a.dcm", "A", "series/b", "B", "series/", "")),
                    "upload.zip", target, LIMITS);

            assertThat(files).containsExactly(target.resolve("a.dcm").toAbsolutePath(),
                    target.resolve("series/b").toAbsolutePath());
            assertThat(Files.readString(target.resolve("series/b"))).isEqualTo("B");
        }

        @Test
        void rejectsParentSegment() throws IOException {
            Path target = temp.resolve("out");
            Path zip = archive(entries("ok.dcm", "A", "series/../../evil.dcm", "X"));

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", target, LIMITS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("series/../../evil.dcm").hasMessageContaining("contains '..'");
            assertThat(fileCount(target)).isZero();
            assertThat(temp.resolve("evil.dcm")).doesNotExist();
        }

        @Test
        void rejectsBackslashParentSegment() throws IOException {
            Path zip = archive(entries("..\\evil.dcm", "X"));

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", temp.resolve("out"), LIMITS))
                    .hasMessageContaining("contains '..'");
        }

        @Test
        void rejectsAbsolutePath() throws IOException {
            Path zip = archive(entries("/tmp/evil.dcm", "X"));

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", temp.resolve("out"), LIMITS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is absolute");
        }

        @Test
        void rejectsWindowsDrivePath() throws IOException {
            Path zip = archive(entries("C:\\evil.dcm", "X"));

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", temp.resolve("out"), LIMITS))
                    .hasMessageContaining("is absolute");
        }

        @Test
        void rejectsTooManyEntries() throws IOException {
            Map<String, byte[]> many = new LinkedHashMap<>();
            for (int i = 0; i < 11; i++) {
                many.put("f" + i + ".dcm", new byte[] {1});
            }
            Path target = temp.resolve("out");
            Path zip = archive(many);

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", target, LIMITS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 11 entries").hasMessageContaining("at most 10");
            assertThat(fileCount(target)).isZero();
        }

        @Test
        void rejectsExtractedSizeOverLimit() throws IOException {
            Map<String, byte[]> large = new LinkedHashMap<>();
            large.put("first.dcm", new byte[6_000]);
            large.put("second.dcm", new byte[6_000]);
            Path target = temp.resolve("out");
            Path zip = archive(large);
            assertThat(Files.size(zip)).as("compressed size").isLessThan(10_000);

            assertThatThrownBy(() -> UploadService.extract(zip, "upload.zip", target, LIMITS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expands to more than 10000 bytes");
            assertThat(fileCount(target)).isZero();
        }

        @Test
        void rejectsEntryOverIntakeLimit() throws IOException {
            Path zip = archive(Map.of("zeros.dcm", new byte[4_000]));
            Path target = temp.resolve("out");
            UploadService.ArchiveLimits limits = new UploadService.ArchiveLimits(10, 10_000, 1_000);

            assertThatThrownBy(() -> UploadService.extract(zip, "bomb.zip", target, limits))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entry zeros.dcm expands to more than 1000 bytes")
                    .hasMessageContaining("truthline.intake.max-file-bytes");
            assertThat(fileCount(target)).isZero();
        }

        @Test
        void rejectsFileThatIsNoArchive() throws IOException {
            Path notZip = Files.writeString(temp.resolve("fake.zip"), "not a zip");

            assertThatThrownBy(() -> UploadService.extract(notZip, "fake.zip", temp.resolve("out"), LIMITS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fake.zip is not a readable ZIP archive");
        }

        @Test
        void skipsMacosMetadata() throws IOException {
            List<Path> files = UploadService.extract(archive(entries("a.dcm", "A", "__MACOSX/._a.dcm", "R")),
                    "upload.zip", temp.resolve("out"), LIMITS);

            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("a.dcm");
        }
    }

    @Nested
    class Add {

        private UploadService uploads;

        @BeforeEach
        void service() {
            uploads = new UploadService(null, new PixelMedDicomToolkit(DicomLimits.DEFAULTS),
                    new StorageLayout(temp.resolve("data")), DataSize.ofBytes(1000), 10, DataSize.ofBytes(10_000),
                    DicomLimits.DEFAULTS.maxFileBytes());
        }

        @AfterEach
        void stop() {
            uploads.destroy();
        }

        @Test
        void plainFilesKeepNamesAndGetCounters() {
            UploadService.Batch batch = uploads.newBatch();

            uploads.add(batch, "CT_small.dcm", new ByteArrayInputStream(new byte[] {1}));
            uploads.add(batch, "C:\\scans\\CT_small.dcm", new ByteArrayInputStream(new byte[] {2}));
            uploads.add(batch, "IM0001", new ByteArrayInputStream(new byte[] {3}));

            assertThat(batch.fileNames()).containsExactly("CT_small.dcm", "CT_small (2).dcm", "IM0001");
        }

        @Test
        void zipIsExtractedIntoFolder() throws IOException {
            UploadService.Batch batch = uploads.newBatch();

            List<String> added = uploads.add(batch, "study.zip",
                    new ByteArrayInputStream(zip(entries("a.dcm", "A", "notes.txt", "text"))));

            assertThat(added).containsExactly("study/a.dcm", "study/notes.txt");
            assertThat(batch.root().resolve("study.zip")).doesNotExist();
        }

        @Test
        void fileOverMaxSizeIsRejected() {
            UploadService.Batch batch = uploads.newBatch();

            assertThatThrownBy(() -> uploads.add(batch, "big.dcm", new ByteArrayInputStream(new byte[1001])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("big.dcm is larger than the maximum upload size of 1000 bytes");
            assertThat(batch.size()).isZero();
            assertThat(batch.root().resolve("big.dcm")).doesNotExist();
        }

        @Test
        void unsafeZipLeavesBatchUnchanged() throws IOException {
            UploadService.Batch batch = uploads.newBatch();
            byte[] unsafe = zip(entries("a.dcm", "A", "../b.dcm", "B"));

            assertThatThrownBy(() -> uploads.add(batch, "bad.zip", new ByteArrayInputStream(unsafe)))
                    .hasMessageContaining("contains '..'");
            assertThat(batch.size()).isZero();
            assertThat(fileCount(batch.root())).isZero();
        }

        @Test
        void nameWithoutFileIsRejected() {
            UploadService.Batch batch = uploads.newBatch();

            assertThatThrownBy(() -> uploads.add(batch, "folder/..", new ByteArrayInputStream(new byte[1])))
                    .hasMessageContaining("no usable file name");
        }

        @Test
        void folderFilesKeepRelativePaths() {
            UploadService.Batch batch = uploads.newBatch();

            uploads.addFromFolder(batch, "export/series1/IM0001", new ByteArrayInputStream(new byte[] {1}));
            uploads.addFromFolder(batch, "export/series2/IM0001", new ByteArrayInputStream(new byte[] {2}));
            uploads.addFromFolder(batch, "export\\series3\\IM0001", new ByteArrayInputStream(new byte[] {3}));

            assertThat(batch.fileNames()).containsExactly("export/series1/IM0001", "export/series2/IM0001",
                    "export/series3/IM0001");
            assertThat(batch.root().resolve("export/series1/IM0001")).hasBinaryContent(new byte[] {1});
            assertThat(batch.root().resolve("export/series2/IM0001")).hasBinaryContent(new byte[] {2});
        }

        @Test
        void repeatedFolderPathGetsCounter() {
            UploadService.Batch batch = uploads.newBatch();

            uploads.addFromFolder(batch, "export/series1/IM0001", new ByteArrayInputStream(new byte[] {1}));
            List<String> added = uploads.addFromFolder(batch, "export/series1/IM0001",
                    new ByteArrayInputStream(new byte[] {2}));

            assertThat(added).containsExactly("export/series1/IM0001 (2)");
            assertThat(batch.root().resolve("export/series1/IM0001")).hasBinaryContent(new byte[] {1});
        }

        @Test
        void unsafeFolderPathsAreRejected() throws IOException {
            Map<String, String> problems = new LinkedHashMap<>();
            problems.put("../outside.dcm", "contains '..'");
            problems.put("export/../../outside.dcm", "contains '..'");
            problems.put("export\\..\\..\\outside.dcm", "contains '..'");
            problems.put("/etc/passwd", "is absolute");
            problems.put("\\\\server\\share\\IM0001", "is absolute");
            problems.put("C:/export/IM0001", "starts with a drive letter");
            problems.put("c:\\export\\IM0001", "starts with a drive letter");
            problems.put("", "is empty");
            problems.put("export//IM0001", "has an empty or '.' segment");
            problems.put("export/./IM0001", "has an empty or '.' segment");
            problems.put("export/", "has an empty or '.' segment");
            problems.put("export/IM\u00000001", "contains a control character");
            UploadService.Batch batch = uploads.newBatch();

            for (Map.Entry<String, String> problem : problems.entrySet()) {
                assertThatThrownBy(() -> uploads.addFromFolder(batch, problem.getKey(),
                        new ByteArrayInputStream(new byte[] {1})))
                        .as(problem.getKey())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("The uploaded file path '" + problem.getKey() + "' " + problem.getValue())
                        .hasMessageContaining("the file was not stored");
            }
            assertThat(batch.size()).isZero();
            assertThat(fileCount(batch.root())).isZero();
            assertThat(fileCount(temp.resolve("data"))).isZero();
        }

        @Test
        void folderPathThroughFileIsRejected() {
            UploadService.Batch batch = uploads.newBatch();
            uploads.add(batch, "export", new ByteArrayInputStream(new byte[] {1}));

            assertThatThrownBy(() -> uploads.addFromFolder(batch, "export/series1/IM0001",
                    new ByteArrayInputStream(new byte[] {2})))
                    .hasMessageContaining("needs the folder export, but a file of this batch already has that name");
            assertThat(batch.fileNames()).containsExactly("export");
        }

        @Test
        void fileNamedLikeFolderGetsCounter() {
            UploadService.Batch batch = uploads.newBatch();
            uploads.addFromFolder(batch, "export/IM0001", new ByteArrayInputStream(new byte[] {1}));

            List<String> added = uploads.add(batch, "export", new ByteArrayInputStream(new byte[] {2}));

            assertThat(added).containsExactly("export (2)");
        }

        @Test
        void dicomdirListsFilesNotUploaded() throws Exception {
            Path export = temp.resolve("export");
            Files.createDirectories(export.resolve("SERIES1"));
            Files.createDirectories(export.resolve("SERIES2"));
            Files.copy(Path.of("samples", "CT_small.dcm"), export.resolve("SERIES1/IM0001"));
            Files.copy(Path.of("samples", "MR_small.dcm"), export.resolve("SERIES2/IM0001"));
            new DicomDirectory(export.toFile(), new String[] {"SERIES1/IM0001", "SERIES2/IM0001"})
                    .write(export.resolve("DICOMDIR").toString());
            UploadService roomy = new UploadService(null, new PixelMedDicomToolkit(DicomLimits.DEFAULTS),
                    new StorageLayout(temp.resolve("data")), DataSize.ofMegabytes(1), 10, DataSize.ofMegabytes(1),
                    DicomLimits.DEFAULTS.maxFileBytes());
            try {
                UploadService.Batch batch = roomy.newBatch();

                roomy.addFromFolder(batch, "export/DICOMDIR", Files.newInputStream(export.resolve("DICOMDIR")));
                roomy.addFromFolder(batch, "export/series1/im0001", new ByteArrayInputStream(new byte[] {1}));

                assertThat(roomy.missingDicomdirReferences(batch)).containsExactly("export/SERIES2/IM0001");
            } finally {
                roomy.destroy();
            }
        }

        @Test
        void missingReferences_goToTheImport() throws Exception {
            Path export = temp.resolve("export-to-import");
            Files.createDirectories(export.resolve("SERIES1"));
            Files.copy(Path.of("samples", "CT_small.dcm"), export.resolve("SERIES1/IM0001"));
            Files.copy(Path.of("samples", "MR_small.dcm"), export.resolve("SERIES1/IM0002"));
            new DicomDirectory(export.toFile(), new String[] {"SERIES1/IM0001", "SERIES1/IM0002"})
                    .write(export.resolve("DICOMDIR").toString());
            ImportService imports = Mockito.mock(ImportService.class);
            Mockito.when(imports.startFiles(Mockito.anyLong(), Mockito.any(), Mockito.any(FolderListing.class),
                    Mockito.anyString(), Mockito.anyString())).thenReturn(new ImportJob(7, 1, "upload", "RUNNING", 1,
                    0, 0, 0, 0, null, null, null, 0, 0));
            UploadService withImports = new UploadService(imports, new PixelMedDicomToolkit(DicomLimits.DEFAULTS),
                    new StorageLayout(temp.resolve("data-import")), DataSize.ofMegabytes(1), 10,
                    DataSize.ofMegabytes(1), DicomLimits.DEFAULTS.maxFileBytes());
            try {
                UploadService.Batch batch = withImports.newBatch();
                withImports.addFromFolder(batch, "export/DICOMDIR", Files.newInputStream(export.resolve("DICOMDIR")));
                withImports.addFromFolder(batch, "export/SERIES1/IM0001",
                        Files.newInputStream(export.resolve("SERIES1/IM0001")));

                withImports.startImport(1, batch, "lead");

                ArgumentCaptor<FolderListing> listing = ArgumentCaptor.forClass(FolderListing.class);
                Mockito.verify(imports).startFiles(Mockito.eq(1L), Mockito.eq(batch.root()), listing.capture(),
                        Mockito.anyString(), Mockito.eq("lead"));
                assertThat(listing.getValue().files()).containsExactly(batch.root().resolve("export/SERIES1/IM0001"));
                assertThat(listing.getValue().missingReferences()).containsOnlyKeys(
                        batch.root().resolve("export/SERIES1/IM0002"));
            } finally {
                withImports.destroy();
            }
        }

        @Test
        void batchOfOnlyDicomdirCannotStart() {
            UploadService.Batch batch = uploads.newBatch();
            uploads.addFromFolder(batch, "export/DICOMDIR", new ByteArrayInputStream(new byte[] {1}));

            assertThatThrownBy(() -> uploads.startImport(1, batch, "lead"))
                    .hasMessageContaining("contains only a DICOMDIR");
            assertThat(batch.size()).isEqualTo(1);
        }

        @Test
        void emptyBatchCannotStart() {
            UploadService.Batch batch = uploads.newBatch();

            assertThatThrownBy(() -> uploads.startImport(1, batch, "lead"))
                    .hasMessageContaining("No files have been uploaded yet");
        }

        @Test
        void discardDeletesSpool() {
            UploadService.Batch batch = uploads.newBatch();
            uploads.add(batch, "a.dcm", new ByteArrayInputStream(new byte[] {1}));

            uploads.discard(batch);

            assertThat(batch.root()).doesNotExist();
        }
    }
}
