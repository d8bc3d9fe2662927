package org.truthline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Spools files uploaded through the browser under the data directory and imports each batch as one import job.
 * A {@code .zip} upload is extracted into a folder named after the archive. Every other upload is handed to the
 * import as it is, whatever its name, so a file that is not DICOM ends in quarantine rather than being dropped.
 *
 * <p>Archives are extracted only when every entry stays inside the batch folder, and within the limits on entry
 * count and extracted size. The spool folder of a batch is deleted once its import has finished, or when the
 * batch is discarded.
 */
@Service
public class UploadService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Folder that macOS's archive tool adds with resource forks; its entries are never images. */
    private static final String MACOS_METADATA = "__MACOSX/";

    /** Limits applied while extracting one archive. */
    record ArchiveLimits(int maxEntries, long maxExtractedBytes) {
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
    private final StorageLayout storage;
    private final long maxFileBytes;
    private final ArchiveLimits archiveLimits;
    private final Map<Long, Path> spoolsOfRunningImports = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "truthline-upload-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    public UploadService(ImportService imports, StorageLayout storage,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            @Value("${truthline.upload.max-archive-entries:10000}") int maxArchiveEntries,
            @Value("${truthline.upload.max-extracted-size:20GB}") DataSize maxExtractedSize) {
        this.imports = imports;
        this.storage = storage;
        this.maxFileBytes = maxFileSize.toBytes();
        this.archiveLimits = new ArchiveLimits(maxArchiveEntries, maxExtractedSize.toBytes());
        cleaner.scheduleWithFixedDelay(this::deleteSpoolsOfFinishedImports, 5, 5, TimeUnit.SECONDS);
    }

    /** Returns the largest accepted upload in bytes, from {@code spring.servlet.multipart.max-file-size}. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /**
     * Creates an empty batch with its own spool folder.
     * NOTE: spool folders of batches that a server stop interrupted are not deleted at the next start.
     */
    public Batch newBatch() {
        Path root = storage.temporary().resolve("uploads").resolve(UUID.randomUUID().toString());
        try {
            return new Batch(Files.createDirectories(root));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder " + root
                    + "; check that truthline.data-dir is writable.", e);
        }
    }

    /**
     * Spools one uploaded file into the batch, extracting it when its name ends in {@code .zip}.
     *
     * @param fileName the name the browser sent; any folder part is ignored
     * @return the names of the files added to the batch, relative to its root
     * @throws IllegalArgumentException when the file is too large, or is an unsafe or unreadable archive; the
     *         batch is unchanged then
     */
    public List<String> add(Batch batch, String fileName, InputStream content) {
        String name = baseName(fileName);
        Path spooled;
        try {
            spooled = uniquePath(batch.root(), name);
            copyLimited(content, spooled, maxFileBytes, () -> new IllegalArgumentException(name
                    + " is larger than the maximum upload size of " + describe(maxFileBytes)
                    + " (spring.servlet.multipart.max-file-size); split it or import it from a server folder."));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the upload " + name + " in " + batch.root(), e);
        }
        List<Path> added;
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try {
                Path folder = uniqueFolder(batch.root(), name.substring(0, name.length() - 4));
                added = extract(spooled, name, folder, archiveLimits);
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
     * Starts one import job for every file of the batch. The spool folder is deleted after the job has finished.
     *
     * @throws IllegalArgumentException when the batch contains no file
     */
    public ImportJob startImport(long projectId, Batch batch, String userId) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException("No files have been uploaded yet; add DICOM files or a .zip first.");
        }
        List<Path> files = batch.markStarted();
        String source = "upload of " + files.size() + (files.size() == 1 ? " file" : " files") + " by " + userId;
        ImportJob job = imports.startFiles(projectId, batch.root(), files, source, userId);
        spoolsOfRunningImports.put(job.id(), batch.root());
        log.info("Import {} of {} uploaded files into project {} started by {}", job.id(), files.size(), projectId,
                userId);
        return job;
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
                    remaining -= copyLimited(in, destination, remaining, () -> new IllegalArgumentException(
                            archiveName + " expands to more than " + describe(limits.maxExtractedBytes())
                                    + " (truthline.upload.max-extracted-size); split the archive."));
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
        boolean absolute = name.startsWith("/") || WINDOWS_DRIVE.matcher(name).matches();
        boolean climbs = Stream.of(name.split("/")).anyMatch(".."::equals);
        String problem = null;
        if (absolute) {
            problem = "is absolute";
        } else if (climbs) {
            problem = "contains '..'";
        } else if (name.isBlank()) {
            problem = "is empty";
        }
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
     * Copies {@code in} into a new file, failing once more than {@code maxBytes} have been read; the partial
     * file is deleted then.
     *
     * @return the number of bytes copied
     */
    private static long copyLimited(InputStream in, Path file, long maxBytes,
            java.util.function.Supplier<IllegalArgumentException> tooLarge) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
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

    /** Returns {@code folder/name}, or {@code folder/name (2)} and so on when that file exists already. */
    private static Path uniquePath(Path folder, String name) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = folder.resolve(n == 1 ? name : withCounter(name, n));
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
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
