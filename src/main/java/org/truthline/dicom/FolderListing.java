package org.truthline.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries an import reads from a folder or a DICOMDIR.
 *
 * @param files every entry that is not a folder, as an absolute path, sorted: regular files, symbolic links (not
 *     followed) and special files such as FIFOs, devices and sockets. The caller decides what to open, because
 *     reading a FIFO or a device may never end.
 * @param missingReferences the files that a DICOMDIR lists but that do not exist, each mapped to the DICOMDIR
 *     that lists it, in listing order
 */
public record FolderListing(List<Path> files, Map<Path, Path> missingReferences) {

    public FolderListing {
        files = List.copyOf(files);
        missingReferences = Collections.unmodifiableMap(new LinkedHashMap<>(missingReferences));
    }

    /** Returns a listing of the given files, with no DICOMDIR involved. */
    public static FolderListing of(List<Path> files) {
        return new FolderListing(files, Map.of());
    }
}
