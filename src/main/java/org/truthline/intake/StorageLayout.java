package org.truthline.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.truthline.dicom.DicomToolkit;

/**
 * The file stores under the data directory: {@code originals/} (PHI, intake and admin only),
 * {@code working/} (de-identified copies), {@code previews/} (PNG thumbnails made at intake, and full-size first
 * frames cached on first view) and {@code quarantine/} (rejected files, kept).
 */
@Component
public class StorageLayout {

    /** The default of {@code truthline.intake.thumbnail-size}, the longest side of an intake thumbnail. */
    public static final int DEFAULT_THUMBNAIL_SIZE = 256;

    private final Path dataDir;

    public StorageLayout(@Value("${truthline.data-dir:./data}") Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path originals(long projectId) {
        return folder("originals", projectId);
    }

    public Path working(long projectId) {
        return folder("working", projectId);
    }

    public Path previews(long projectId) {
        return folder("previews", projectId);
    }

    public Path quarantine(long projectId) {
        return folder("quarantine", projectId);
    }

    public Path temporary() {
        return folder("tmp", 0);
    }

    /**
     * Returns the size unchanged when it is a usable thumbnail size.
     *
     * @throws IllegalArgumentException naming the property and the allowed range otherwise
     */
    public static int checkThumbnailSize(int size) {
        if (size < DicomToolkit.MIN_THUMBNAIL_SIZE || size > DicomToolkit.MAX_THUMBNAIL_SIZE) {
            throw new IllegalArgumentException("truthline.intake.thumbnail-size is " + size + "; set it to "
                    + DicomToolkit.MIN_THUMBNAIL_SIZE + " to " + DicomToolkit.MAX_THUMBNAIL_SIZE + " pixels (default "
                    + DEFAULT_THUMBNAIL_SIZE + ").");
        }
        return size;
    }

    private Path folder(String store, long projectId) {
        Path folder = dataDir.resolve(store).resolve(String.valueOf(projectId));
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store folder " + folder
                    + "; check that truthline.data-dir is writable.", e);
        }
    }
}
