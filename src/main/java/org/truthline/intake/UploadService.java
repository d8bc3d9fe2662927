package org.truthline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.FolderListing;

/**
 * Spools files uploaded through the browser under the data directory and imports each batch as one import job.
 * A {@code .zip} upload is extracted into a folder named after the archive. A file of an uploaded folder keeps its
 * path inside that folder, so equal names in different sub-folders stay apart. Every other upload is handed to the
 * import as it is, whatever its name, so a file that is not DICOM ends in quarantine rather than being dropped.
 * DICOMDIR files are the exception. Like the server-side folder import, the import skips them, because a DICOMDIR
 * indexes images and contains none.
 *
 * <p>Archives are extracted only when every entry stays inside the batch folder, and within the limits on entry
 * count and extracted size. Folder paths must be relative and stay inside the batch folder too. The spool folder
 * of a batch is deleted once its import has finished, or when the batch is discarded.
 *
 * <p>A batch whose import has started contains a {@link SpoolManifest}. When a server stop leaves such a batch
 * behind, it is imported again once the application is ready. A batch that was never imported is deleted then,
 * because the browser session that filled it has ended.
 */
@Service
public class UploadService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final String DICOMDIR = "DICOMDIR";
    /** Folder that macOS's archive tool adds with resource forks; its entries are never images. */
    private static final String MACOS_METADATA = "__MACOSX/";

    /**
     * Limits applied while extracting one archive.
     *
     * @param maxEntryBytes the largest single entry, the largest file intake accepts
     */
    record ArchiveLimits(int maxEntries, long maxExtractedBytes, long maxEntryBytes) {
    }

    /**
     * Uploaded files waiting to be imported together. The files are kept under {@link #root()}; their names in
     * the import results are relative to it.
     */
    public static final class Batch {
        private final Path root;
        private final List<Path> files = new ArrayList<>();
        private boolean started;

        private Batch(Path root) {
            this.root = root;
        }

        public Path root() {
            return root;
        }

        /** Returns the spooled files, relative to {@link #root()}, in upload order. */
        public synchronized List<String> fileNames() {
            return files.stream().map(file -> root.relativize(file).toString()).toList();
        }

        public synchronized int size() {
            return files.size();
        }

        private synchronized List<Path> files() {
            return List.copyOf(files);
        }

        private synchronized void addAll(List<Path> added) {
            if (started) {
                throw new IllegalStateException("The upload batch has already been imported; start a new one.");
            }
            files.addAll(added);
        }

        private synchronized List<Path> markStarted() {
            if (started) {
                throw new IllegalStateException("The upload batch has already been imported.");
            }
            started = true;
            return List.copyOf(files);
        }
    }

    private final ImportService imports;
    private final DicomToolkit dicom;
    private final StorageLayout storage;
    private final long maxFileBytes;
    private final ArchiveLimits archiveLimits;
    private final Map<Long, Path> spoolsOfRunningImports = new ConcurrentHashMap<>();
    private final List<Path> leftovers;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "truthline-upload-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    public UploadService(ImportService imports, DicomToolkit dicom, StorageLayout storage,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            @Value("${truthline.upload.max-archive-entries:10000}") int maxArchiveEntries,
            @Value("${truthline.upload.max-extracted-size:20GB}") DataSize maxExtractedSize,
            @Value("${truthline.intake.max-file-bytes:1073741824}") long maxDicomFileBytes) {
        this.imports = imports;
        this.dicom = dicom;
        this.storage = storage;
        this.maxFileBytes = maxFileSize.toBytes();
        this.archiveLimits = new ArchiveLimits(maxArchiveEntries, maxExtractedSize.toBytes(), maxDicomFileBytes);
        // Listed before any browser session can start a batch, so no batch of this run counts as a leftover.
        this.leftovers = batchFolders(uploadsRoot());
        cleaner.scheduleWithFixedDelay(this::deleteSpoolsOfFinishedImports, 5, 5, TimeUnit.SECONDS);
    }

    /** Returns the largest accepted upload in bytes, from {@code spring.servlet.multipart.max-file-size}. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Creates an empty batch with its own spool folder. */
    public Batch newBatch() {
        Path root = uploadsRoot().resolve(UUID.randomUUID().toString());
        try {
            return new Batch(Files.createDirectories(root).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + root
                    + "; check that truthline.data-dir is writable.", e);
        }
    }

    /**
     * Spools one uploaded file into the batch, extracting it when its name ends in {@code .zip}. A name that is
     * already taken gets a counter, as in {@code CT_small (2).dcm}.
     *
     * @param fileName the name the browser sent; any folder part is ignored
     * @return the names of the files added to the batch, relative to its root
     * @throws IllegalArgumentException when the file is too large, or is an unsafe or unreadable archive; the
     *         batch is unchanged then
     */
    public List<String> add(Batch batch, String fileName, InputStream content) {
        String name = baseName(fileName);
        return store(batch, batch.root(), name, name, content);
    }

    /**
     * Spools one file of an uploaded folder into the batch under its path inside that folder, creating the
     * sub-folders it needs. A {@code .zip} file is extracted like in {@link #add}. A path that is already taken
     * gets a counter in its file name.
     *
     * @param relativePath the file's path inside the uploaded folder as the browser sent it, normally starting
     *        with the chosen folder's name ({@code export/series1/IM0001}); {@code \} counts as a separator
     * @return the names of the files added to the batch, relative to its root
     * @throws IllegalArgumentException when the path is empty, absolute, starts with a drive letter, has an
     *         empty, {@code .} or {@code ..} segment or a control character, or for the reasons of {@link #add};
     *         the batch is unchanged then
     */
    public List<String> addFromFolder(Batch batch, String relativePath, InputStream content) {
        String path = relativePath == null ? "" : relativePath.replace('\\', '/');
        String problem = folderPathProblem(path);
        if (problem != null) {
            throw new IllegalArgumentException("The uploaded file path '" + relativePath + "' " + problem
                    + ". A folder upload may only contain paths inside the chosen folder, so the file was not "
                    + "stored.");
        }
        Path target = batch.root().resolve(path).normalize();
        if (!target.startsWith(batch.root()) || target.equals(batch.root())) {
            throw new IllegalArgumentException("The uploaded file path '" + relativePath + "' resolves outside "
                    + "the upload folder, so the file was not stored.");
        }
        Path folder = target.getParent();
        for (Path ancestor = folder; !ancestor.equals(batch.root()); ancestor = ancestor.getParent()) {
            if (Files.isRegularFile(ancestor)) {
                throw new IllegalArgumentException("The uploaded file path '" + relativePath + "' needs the folder "
                        + batch.root().relativize(ancestor) + ", but a file of this batch already has that name. "
                        + "Import the batch first, then upload the folder again.");
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + folder, e);
        }
        return store(batch, folder, target.getFileName().toString(), relativePath, content);
    }

    /**
     * Spools {@code content} as {@code folder/name}, or extracts it there when it is a ZIP archive.
     *
     * @param shownName the upload's name in messages
     */
    private List<String> store(Batch batch, Path folder, String name, String shownName, InputStream content) {
        Path spooled;
        try {
            spooled = spoolUnique(folder, name, shownName, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload " + shownName + " in " + folder, e);
        }
        List<Path> added;
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try {
                Path archiveFolder = uniqueFolder(folder, name.substring(0, name.length() - 4));
                added = extract(spooled, shownName, archiveFolder, archiveLimits);
            } finally {
                deleteQuietly(spooled);
            }
        } else {
            added = List.of(spooled);
        }
        batch.addAll(added);
        return added.stream().map(file -> batch.root().relativize(file).toString()).toList();
    }

    /**
     * Copies {@code content} to {@code folder/name}, or to {@code folder/name (2)} and so on when that name is
     * taken. Creating the file and checking the name are one step, so parallel uploads of one name both succeed.
     */
    private Path spoolUnique(Path folder, String name, String shownName, InputStream content) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = folder.resolve(n == 1 ? name : withCounter(name, n));
            try {
                copyLimited(content, candidate, maxFileBytes, () -> new IllegalArgumentException(shownName
                        + " is larger than the maximum upload size of " + describe(maxFileBytes)
                        + " (spring.servlet.multipart.max-file-size); split it or import it from a server folder."));
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // Another file of the batch has this name. Nothing was read from content yet, so the next name
                // is tried.
            }
        }
    }

    /**
     * Starts one import job for every file of the batch except DICOMDIRs. A file that a DICOMDIR of the batch lists
     * but that was not uploaded gets a MISSING_REFERENCED_FILE result. The spool folder is deleted after the job
     * has finished.
     *
     * @throws IllegalArgumentException when the batch contains no file, or only DICOMDIRs
     */
    public ImportJob startImport(long projectId, Batch batch, String userId) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("No files have been uploaded yet; add DICOM files or a .zip first.");
        }
        if (batch.files().stream().allMatch(UploadService::isDicomdir)) {
            throw new IllegalArgumentException("The upload contains only a DICOMDIR, which lists images but contains "
                    + "none; upload the folder with its image files.");
        }
        List<Path> uploaded = batch.markStarted();
        List<Path> files = uploaded.stream().filter(file -> !isDicomdir(file)).toList();
        if (files.size() < uploaded.size()) {
            log.info("Upload import into project {} skips {} DICOMDIR files; their images are imported as uploaded",
                    projectId, uploaded.size() - files.size());
        }
        String source = "upload of " + files.size() + (files.size() == 1 ? " file" : " files") + " by " + userId;
        ImportJob job = imports.startFiles(projectId, batch.root(), new FolderListing(files, missingReferences(batch)),
                source, userId);
        new SpoolManifest(projectId, source, userId, job.id()).write(batch.root());
        spoolsOfRunningImports.put(job.id(), batch.root());
        log.info("Import {} of {} uploaded files into project {} started by {}", job.id(), files.size(), projectId,
                userId);
        return job;
    }

    /**
     * Returns the files that the batch's DICOMDIRs reference but that are not in the batch, relative to its
     * root, so a lead can notice an incomplete folder before importing it. Names are compared ignoring case,
     * because exports made on Windows or macOS often list {@code IM0001} for a file stored as {@code im0001}.
     */
    public List<String> missingDicomdirReferences(Batch batch) {
        return missingReferences(batch).keySet().stream().map(file -> batch.root().relativize(file).toString())
                .toList();
    }

    /** Returns each file that a DICOMDIR of the batch references but that is not in the batch, to that DICOMDIR. */
    private Map<Path, Path> missingReferences(Batch batch) {
        List<Path> files = batch.files();
        Set<String> present = files.stream().map(file -> key(batch, file)).collect(Collectors.toSet());
        Map<Path, Path> missing = new LinkedHashMap<>();
        for (Path file : files) {
            if (!isDicomdir(file)) {
                continue;
            }
            for (Path referenced : dicom.referencedFiles(file)) {
                if (referenced.startsWith(batch.root()) && !present.contains(key(batch, referenced))) {
                    missing.putIfAbsent(referenced, file);
                }
            }
        }
        return missing;
    }

    private static String key(Batch batch, Path file) {
        return batch.root().relativize(file).toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isDicomdir(Path file) {
        return DICOMDIR.equalsIgnoreCase(file.getFileName().toString());
    }

    /** Deletes a batch that will not be imported, with its spooled files. A started batch is left alone. */
    public void discard(Batch batch) {
        synchronized (batch) {
            if (batch.started) {
                return;
            }
            batch.started = true;
            batch.files.clear();
        }
        deleteTree(batch.root());
    }

    /**
     * Extracts every file entry of {@code archive} into {@code target}, keeping the archive's folders.
     *
     * @param archiveName the archive's name, for messages
     * @return the extracted files, in archive order
     * @throws IllegalArgumentException when an entry has an absolute path or a {@code ..} segment, when the
     *         archive has more entries or expands to more bytes than {@code limits} allow, or when it is not a
     *         readable ZIP archive; nothing is left in {@code target} then
     */
    static List<Path> extract(Path archive, String archiveName, Path target, ArchiveLimits limits) {
        List<Path> extracted = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new IllegalArgumentException(archiveName + " has " + zip.size() + " entries; at most "
                        + limits.maxEntries() + " are accepted (truthline.upload.max-archive-entries). "
                        + "Split the archive.");
            }
            Path root = Files.createDirectories(target).toAbsolutePath().normalize();
            long remaining = limits.maxExtractedBytes();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                Path destination = safeDestination(root, name, archiveName);
                if (entry.isDirectory() || name.startsWith(MACOS_METADATA)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    // An entry larger than intake accepts is refused while it expands, so a small archive that
                    // expands to gigabytes stops at the limit instead of filling the disk.
                    if (remaining > limits.maxEntryBytes()) {
                        remaining -= copyLimited(in, destination, limits.maxEntryBytes(),
                                () -> new IllegalArgumentException(archiveName + ": entry " + name + " expands to more"
                                        + " than " + describe(limits.maxEntryBytes()) + ", the largest file intake"
                                        + " accepts (truthline.intake.max-file-bytes); remove it from the archive."));
                    } else {
                        remaining -= copyLimited(in, destination, remaining, () -> new IllegalArgumentException(
                                archiveName + " expands to more than " + describe(limits.maxExtractedBytes())
                                        + " (truthline.upload.max-extracted-size); split the archive."));
                    }
                }
                extracted.add(destination);
            }
            return extracted;
        } catch (FileAlreadyExistsException e) {
            deleteTree(target);
            throw new IllegalArgumentException(archiveName + " contains the entry " + root(target).relativize(
                    Path.of(e.getFile())) + " more than once; create the archive again without duplicates.", e);
        } catch (ZipException e) {
            deleteTree(target);
            throw new IllegalArgumentException(archiveName + " is not a readable ZIP archive (" + e.getMessage()
                    + "); upload the DICOM files themselves or create the archive again.", e);
        } catch (IOException e) {
            deleteTree(target);
            throw new UncheckedIOException("Cannot extract " + archiveName + " into " + target, e);
        } catch (RuntimeException e) {
            deleteTree(target);
            throw e;
        }
    }

    private static Path root(Path target) {
        return target.toAbsolutePath().normalize();
    }

    /** Resolves an entry name under {@code root}, rejecting names that would leave it. */
    private static Path safeDestination(Path root, String name, String archiveName) {
        String problem = pathProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(archiveName + " contains the entry '" + name + "', whose path "
                    + problem + ". Archives may only contain relative paths inside the archive, so nothing was "
                    + "extracted.");
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root) || destination.equals(root)) {
            throw new IllegalArgumentException(archiveName + " contains the entry '" + name
                    + "', which resolves outside the archive folder. Nothing was extracted.");
        }
        return destination;
    }

    /**
     * Returns why a relative path ({@code /} between segments) cannot be used inside a batch folder, or null
     * when it can: it is empty or absolute, starts with a drive letter, or has a {@code ..} segment.
     */
    static String pathProblem(String path) {
        if (path.isBlank()) {
            return "is empty";
        }
        if (path.startsWith("/")) {
            return "is absolute";
        }
        if (WINDOWS_DRIVE.matcher(path).matches()) {
            return "starts with a drive letter, so it is absolute";
        }
        if (Stream.of(path.split("/")).anyMatch(".."::equals)) {
            return "contains '..'";
        }
        return null;
    }

    /**
     * Returns why a file path from a folder upload cannot be stored, or null when it can. Besides
     * {@link #pathProblem}, it rejects empty and {@code .} segments, which no browser sends, and control
     * characters, which no file name on the client's disk contains.
     */
    static String folderPathProblem(String path) {
        String problem = pathProblem(path);
        if (problem != null) {
            return problem;
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "contains a control character";
        }
        if (Stream.of(path.split("/", -1)).anyMatch(segment -> segment.isEmpty() || segment.equals("."))) {
            return "has an empty or '.' segment";
        }
        return null;
    }

    /**
     * Copies {@code in} into a new file, failing once more than {@code maxBytes} have been read; the partial
     * file is deleted then.
     *
     * @return the number of bytes copied
     * @throws FileAlreadyExistsException when {@code file} exists; it is left unchanged and nothing is read
     */
    private static long copyLimited(InputStream in, Path file, long maxBytes,
            java.util.function.Supplier<IllegalArgumentException> tooLarge) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        // Opened before the try block, so that a name taken by another file never deletes that file below.
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
        try (out) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                copied += read;
                if (copied > maxBytes) {
                    throw tooLarge.get();
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return copied;
    }

    /** Returns the last segment of a browser-sent file name, rejecting names that are no file name at all. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("The upload has no usable file name ('" + fileName
                    + "'); rename the file and upload it again.");
        }
        return name;
    }

    private static Path uniqueFolder(Path parent, String name) {
        String base = name.isBlank() ? "archive" : name;
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? base : base + " (" + n + ")");
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // Another upload of the batch took this name; try the next counter.
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the folder " + candidate, e);
            }
        }
    }

    private static String withCounter(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /** Formats a byte count for messages: whole gigabytes or megabytes (binary units) when exact. */
    public static String describe(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes >= DataSize.ofGigabytes(1).toBytes() && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes + " bytes";
    }

    private Path uploadsRoot() {
        return storage.temporary().resolve("uploads");
    }

    private static List<Path> batchFolders(Path uploads) {
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(uploads)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            log.warn("Could not list the upload folder {}; batches left by an earlier run stay there", uploads, e);
            return List.of();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeLeftovers() {
        if (!leftovers.isEmpty()) {
            resume(leftovers);
        }
    }

    /**
     * Imports again each batch folder whose import a server stop cut short, and deletes the batches that were
     * never imported.
     *
     * @return the imports started
     */
    public List<ImportJob> resume(List<Path> batchRoots) {
        List<ImportJob> resumed = new ArrayList<>();
        int deleted = 0;
        for (Path root : batchRoots) {
            try {
                Optional<SpoolManifest> manifest = SpoolManifest.read(root);
                boolean pending = manifest.isPresent() && !imports.hasFinished(manifest.get().importId());
                List<Path> files = pending ? batchFiles(root) : List.of();
                if (files.isEmpty()) {
                    deleteTree(root);
                    deleted++;
                    continue;
                }
                ImportJob job = imports.resumeSpooled(manifest.get(), root, files);
                spoolsOfRunningImports.put(job.id(), root);
                resumed.add(job);
                log.info("Upload folder {}: {} file(s) of '{}' (import {}) are imported again into project {} as "
                        + "import {}", root, files.size(), manifest.get().source(), manifest.get().importId(),
                        job.projectId(), job.id());
            } catch (RuntimeException e) {
                log.error("Upload folder {} could not be imported again; upload its files again", root, e);
            }
        }
        log.info("{} upload folder(s) left by an earlier run: {} imported again, {} deleted because they were never "
                + "imported, were empty or their import had finished", batchRoots.size(), resumed.size(), deleted);
        return resumed;
    }

    /** Returns the uploaded files of a batch folder, sorted, without its manifest and DICOMDIRs. */
    private static List<Path> batchFiles(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !SpoolManifest.isManifest(path) && !isDicomdir(path))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list upload folder " + root, e);
        }
    }

    private void deleteSpoolsOfFinishedImports() {
        spoolsOfRunningImports.forEach((jobId, root) -> {
            try {
                if (!"RUNNING".equals(imports.get(jobId).status())) {
                    spoolsOfRunningImports.remove(jobId);
                    deleteTree(root);
                }
            } catch (RuntimeException e) {
                log.warn("Could not check import {} to delete its upload folder {}", jobId, root, e);
            }
        });
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(UploadService::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not delete the upload folder {}", root, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}", path, e);
        }
    }

    @Override
    public void destroy() {
        cleaner.shutdownNow();
    }
}
