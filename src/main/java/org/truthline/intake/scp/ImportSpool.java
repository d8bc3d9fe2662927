package org.truthline.intake.scp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;

/**
 * Spool folders under {@code <data-dir>/spool/} for files received over the network (C-STORE, DICOMweb pulls)
 * until the import pipeline has copied them into its stores. A folder is deleted once its import job is no
 * longer RUNNING; originals are kept by the import itself, and quarantined files are copied to the quarantine.
 */
@Component
public class ImportSpool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long CLEANUP_PERIOD_SECONDS = 5;

    private final Path root;
    private final ImportService imports;
    private final Map<Long, Path> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "truthline-spool-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    public ImportSpool(@Value("${truthline.data-dir:./data}") Path dataDir, ImportService imports) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("spool");
        this.imports = imports;
        cleaner.scheduleWithFixedDelay(this::deleteFinished, CLEANUP_PERIOD_SECONDS, CLEANUP_PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Creates a new, empty folder for one transfer, e.g. {@code spool/c-store/20250101-120000-<uuid>}. */
    public Path newFolder(String kind) {
        Path folder = root.resolve(kind).resolve(LocalDateTime.now().format(FOLDER_TIME) + "-" + UUID.randomUUID());
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the spool folder " + folder
                    + "; check that truthline.data-dir is writable.", e);
        }
    }

    /**
     * Starts one import job for the files of a spool folder and deletes the folder after the job has finished.
     * NOTE: the list of folders to delete lives in memory, so a restart during an import leaves its folder behind.
     */
    public ImportJob importFiles(long projectId, Path folder, List<Path> files, String source, String userId) {
        ImportJob job = imports.startFiles(projectId, folder, files, source, userId);
        pending.put(job.id(), folder);
        return job;
    }

    /** Deletes a spool folder and everything in it; failures are logged, not raised. */
    public void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete spool folder {}; delete it by hand", folder, e);
        }
    }

    private void deleteFinished() {
        pending.forEach((jobId, folder) -> {
            try {
                if (!"RUNNING".equals(imports.get(jobId).status())) {
                    pending.remove(jobId);
                    delete(folder);
                }
            } catch (RuntimeException e) {
                log.warn("Could not check import {} before deleting spool folder {}", jobId, folder, e);
            }
        });
    }

    @Override
    public void destroy() {
        cleaner.shutdownNow();
    }
}
