package org.truthline.intake.scp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.intake.SpoolManifest;

/**
 * Spool folders under {@code <data-dir>/spool/} for files received over the network (C-STORE, DICOMweb pulls)
 * until the import pipeline has copied them into its stores. A folder is deleted once its import job is no
 * longer RUNNING; originals are kept by the import itself, and quarantined files are copied to the quarantine.
 *
 * <p>Each folder contains a {@link SpoolManifest} with the project it was routed to. Folders that a server stop
 * left behind are imported again once the application is ready, because C-STORE senders already received a
 * Success status for their objects. A DICOMweb pull cut short during its download is deleted instead, since its request failed.
 */
@Component
public class ImportSpool implements DisposableBean {

    /** Kind of the spool folders of C-STORE associations. */
    public static final String C_STORE = "c-store";
    /** Kind of the spool folders of DICOMweb pulls. */
    public static final String DICOMWEB = "dicomweb";

    private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long CLEANUP_PERIOD_SECONDS = 5;
    /** Suffixes of files still being written: PixelMed's receiver ({@code .tmp}) and a DICOMweb download. */
    private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part");

    private final Path root;
    private final ImportService imports;
    private final List<Path> leftovers;
    private final Map<Long, Path> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "truthline-spool-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    public ImportSpool(@Value("${truthline.data-dir:./data}") Path dataDir, ImportService imports) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("spool");
        this.imports = imports;
        // Listed before the C-STORE receiver starts, so no folder of this run is mistaken for a leftover.
        this.leftovers = folders(root);
        cleaner.scheduleWithFixedDelay(this::deleteFinished, CLEANUP_PERIOD_SECONDS, CLEANUP_PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Creates a new folder for one transfer, e.g. {@code spool/c-store/20250101-120000-<uuid>}, with a manifest
     * that routes its files to the project.
     *
     * @param kind {@link #C_STORE} or {@link #DICOMWEB}
     * @param source what the files come from, as the import will show it
     */
    public Path newFolder(String kind, long projectId, String source, String userId) {
        Path folder = root.resolve(kind).resolve(LocalDateTime.now().format(FOLDER_TIME) + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the spool folder " + folder
                    + "; check that truthline.data-dir is writable.", e);
        }
        new SpoolManifest(projectId, source, userId, null).write(folder);
        return folder;
    }

    /**
     * Starts one import job for the files of a spool folder, notes it in the folder's manifest, and deletes the
     * folder after the job has finished.
     */
    public ImportJob importFiles(long projectId, Path folder, List<Path> files, String source, String userId) {
        ImportJob job = imports.startFiles(projectId, folder, files, source, userId);
        new SpoolManifest(projectId, source, userId, job.id()).write(folder);
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

    @EventListener(ApplicationReadyEvent.class)
    void resumeLeftovers() {
        if (leftovers.isEmpty()) {
            return;
        }
        List<ImportJob> resumed = resume(leftovers);
        log.info("{} spool folder(s) left by an earlier run; {} imported again", leftovers.size(), resumed.size());
    }

    /**
     * Imports the files of spool folders that a server stop left behind, each through a new import into the
     * project of its manifest. A folder without files is deleted, and so is a DICOMweb pull whose import had not
     * started. A folder without manifest is kept and logged, because its project is unknown.
     *
     * @return the imports started
     */
    public List<ImportJob> resume(List<Path> folders) {
        List<ImportJob> resumed = new ArrayList<>();
        for (Path folder : folders) {
            try {
                resumeFolder(folder).ifPresent(resumed::add);
            } catch (RuntimeException e) {
                log.error("Spool folder {} could not be imported again; import its files into the right project "
                        + "as a server folder, then delete it", folder, e);
            }
        }
        return resumed;
    }

    private Optional<ImportJob> resumeFolder(Path folder) {
        List<Path> files = spooledFiles(folder);
        Optional<SpoolManifest> manifest = SpoolManifest.read(folder);
        if (manifest.isEmpty()) {
            if (files.isEmpty()) {
                delete(folder);
            } else {
                log.warn("Spool folder {} contains {} received file(s) but no {}, so the project they were sent "
                        + "to is unknown; import the folder into that project with POST /api/projects/{id}/imports, "
                        + "then delete it", folder, files.size(), SpoolManifest.FILE_NAME);
            }
            return Optional.empty();
        }
        Long importId = manifest.get().importId();
        if (files.isEmpty() || importId != null && imports.hasFinished(importId)) {
            log.info("Spool folder {} from '{}' contains no complete file, or its import {} has finished; deleted",
                    folder, manifest.get().source(), importId);
            delete(folder);
            return Optional.empty();
        }
        if (DICOMWEB.equals(folder.getParent().getFileName().toString()) && importId == null) {
            log.warn("Spool folder {} contains a DICOMweb pull ({}) that a server stop cut short during the "
                    + "download; deleted it, so pull the study again", folder, manifest.get().source());
            delete(folder);
            return Optional.empty();
        }
        ImportJob job = imports.resumeSpooled(manifest.get(), folder, files);
        pending.put(job.id(), folder);
        log.info("Spool folder {}: {} file(s) from '{}' (import {}) are imported again into project {} as import {}",
                folder, files.size(), manifest.get().source(), manifest.get().importId(), job.projectId(), job.id());
        return Optional.of(job);
    }

    /** Returns the complete received files of a folder, sorted: every regular file but the manifest and partials. */
    private static List<Path> spooledFiles(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> !SpoolManifest.isManifest(file))
                    .filter(file -> PARTIAL_SUFFIXES.stream().noneMatch(file.getFileName().toString()::endsWith))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list spool folder " + folder, e);
        }
    }

    /** Returns the transfer folders under {@code spool/c-store} and {@code spool/dicomweb}, oldest first. */
    private static List<Path> folders(Path root) {
        List<Path> folders = new ArrayList<>();
        for (String kind : List.of(C_STORE, DICOMWEB)) {
            Path parent = root.resolve(kind);
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(parent)) {
                entries.filter(Files::isDirectory).sorted().forEach(folders::add);
            } catch (IOException e) {
                log.warn("Could not list spool folder {}; its leftovers are not imported again", parent, e);
            }
        }
        return folders;
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
