package org.truthline.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The routing of a spool folder, kept in the folder as {@value #FILE_NAME} so that a restart can import the
 * folder's files into the right project: the project, the import's source and user, and the import once it has
 * started.
 *
 * @param importId the import of the folder's files, or null before it has started
 */
public record SpoolManifest(long projectId, String source, String userId, Long importId) {

    public static final String FILE_NAME = "truthline-spool.properties";

    private static final String PROJECT_ID = "projectId";
    private static final String SOURCE = "source";
    private static final String USER_ID = "userId";
    private static final String IMPORT_ID = "importId";

    public SpoolManifest withImportId(long id) {
        return new SpoolManifest(projectId, source, userId, id);
    }

    /** Writes the manifest into the folder, replacing the previous one in one step. */
    public void write(Path folder) {
        Properties properties = new Properties();
        properties.setProperty(PROJECT_ID, Long.toString(projectId));
        properties.setProperty(SOURCE, source);
        properties.setProperty(USER_ID, userId);
        if (importId != null) {
            properties.setProperty(IMPORT_ID, Long.toString(importId));
        }
        Path temporary = folder.resolve(FILE_NAME + ".new");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Truthline spool folder: the project and import its files belong to");
            }
            Files.move(temporary, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + FILE_NAME + " in spool folder " + folder
                    + "; check that truthline.data-dir is writable.", e);
        }
    }

    /**
     * Reads the folder's manifest.
     *
     * @return empty when the folder has none
     * @throws IllegalArgumentException when the manifest cannot be read or a value is missing
     */
    public static Optional<SpoolManifest> read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
        String project = properties.getProperty(PROJECT_ID);
        String source = properties.getProperty(SOURCE);
        String user = properties.getProperty(USER_ID);
        String importId = properties.getProperty(IMPORT_ID);
        if (project == null || source == null || user == null) {
            throw new IllegalArgumentException(file + " is missing " + PROJECT_ID + ", " + SOURCE + " or " + USER_ID
                    + "; import the folder's files by hand");
        }
        try {
            return Optional.of(new SpoolManifest(Long.parseLong(project.strip()), source, user,
                    importId == null ? null : Long.valueOf(importId.strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " has a project or import id that is not a number", e);
        }
    }

    /** Returns true for the manifest file and the temporary file it is written through. */
    public static boolean isManifest(Path file) {
        String name = file.getFileName().toString();
        return name.equals(FILE_NAME) || name.equals(FILE_NAME + ".new");
    }
}
