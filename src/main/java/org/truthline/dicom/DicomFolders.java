package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the files of an import folder, following any DICOMDIR it contains. */
final class DicomFolders {

    private static final Logger log = LoggerFactory.getLogger(DicomFolders.class);
    private static final String DICOMDIR = "DICOMDIR";

    private DicomFolders() {
    }

    /**
     * Lists every non-hidden entry under the folder that is not a folder, with each DICOMDIR replaced by the files
     * it references. Given a DICOMDIR file instead of a folder, lists the files it references. A referenced file
     * that does not exist is reported in {@link FolderListing#missingReferences()}, and a reference to a folder
     * is skipped with a warning.
     */
    static FolderListing list(Path folderOrDicomdir) {
        Path root = folderOrDicomdir.toAbsolutePath().normalize();
        TreeSet<Path> files = new TreeSet<>();
        Map<Path, Path> missing = new LinkedHashMap<>();
        if (isDicomdir(root) && !Files.isDirectory(root)) {
            addReferences(root, files, missing);
            return new FolderListing(List.copyOf(files), missing);
        }
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            // Symbolic links and special files are listed but never followed or opened, so the caller can report
            // them instead of skipping them silently.
            walk.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !isHidden(root, path))
                    .forEach(path -> {
                        if (isDicomdir(path)) {
                            directories.add(path);
                        } else {
                            files.add(path);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list folder " + folderOrDicomdir, e);
        }
        for (Path directory : directories) {
            addReferences(directory, files, missing);
        }
        return new FolderListing(List.copyOf(files), missing);
    }

    private static boolean isDicomdir(Path path) {
        Path name = path.getFileName();
        return name != null && DICOMDIR.equalsIgnoreCase(name.toString());
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Adds the files of {@link #references} that exist to {@code files}, and the others to {@code missing}. */
    private static void addReferences(Path dicomdir, Set<Path> files, Map<Path, Path> missing) {
        for (Path path : references(dicomdir)) {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                log.warn("DICOMDIR {} references {}, which is a folder; skipped", dicomdir, path);
            } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                files.add(path);
            } else {
                log.warn("DICOMDIR {} references {}, which is missing", dicomdir, path);
                missing.putIfAbsent(path, dicomdir);
            }
        }
    }

    /**
     * Returns the files that a DICOMDIR references, resolved against its folder, in record order, whether they
     * exist or not. A reference outside the DICOMDIR's folder is left out with a warning, and so are all
     * references of a DICOMDIR that cannot be read.
     */
    static List<Path> references(Path dicomdir) {
        Path base = dicomdir.toAbsolutePath().normalize().getParent();
        List<Path> referenced = new ArrayList<>();
        AttributeList list = new AttributeList();
        try {
            list.read(dicomdir.toFile());
        } catch (IOException | DicomException e) {
            log.warn("DICOMDIR {} cannot be read ({}); listing only the files found on disk", dicomdir, e.getMessage());
            return referenced;
        }
        if (!(list.get(TagFromName.DirectoryRecordSequence) instanceof SequenceAttribute records)) {
            return referenced;
        }
        for (int i = 0; i < records.getNumberOfItems(); i++) {
            AttributeList record = records.getItem(i).getAttributeList();
            String[] components = Attribute.getStringValues(record, TagFromName.ReferencedFileID);
            if (components == null || components.length == 0) {
                continue;
            }
            Path path = base;
            for (String component : components) {
                path = path.resolve(component.trim());
            }
            path = path.normalize();
            if (!path.startsWith(base)) {
                log.warn("DICOMDIR {} references {}, which is outside its folder; skipped", dicomdir, path);
                continue;
            }
            referenced.add(path);
        }
        return referenced;
    }
}
