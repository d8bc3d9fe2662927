package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * Returns every regular, non-hidden file under the folder as an absolute path, sorted, with each DICOMDIR
     * replaced by the files it references. A referenced file outside the DICOMDIR's folder or missing on disk is skipped with a
     * warning.
     */
    static List<Path> list(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        TreeSet<Path> files = new TreeSet<>();
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            // Symbolic links are listed but never followed, so the caller can report them instead of skipping
            // a linked folder silently.
            walk.filter(path -> Files.isSymbolicLink(path) || Files.isRegularFile(path))
                    .filter(path -> !isHidden(root, path))
                    .forEach(path -> {
                        if (DICOMDIR.equalsIgnoreCase(path.getFileName().toString())) {
                            directories.add(path);
                        } else {
                            files.add(path);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list folder " + folder, e);
        }
        for (Path directory : directories) {
            files.addAll(referencedFiles(directory));
        }
        return List.copyOf(files);
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Returns the files of {@link #references} that exist, skipping missing ones with a warning. */
    private static List<Path> referencedFiles(Path dicomdir) {
        List<Path> existing = new ArrayList<>();
        for (Path path : references(dicomdir)) {
            if (Files.isRegularFile(path)) {
                existing.add(path);
            } else {
                log.warn("DICOMDIR {} references {}, which is missing; skipped", dicomdir, path);
            }
        }
        return existing;
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
