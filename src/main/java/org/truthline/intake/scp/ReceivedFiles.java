package org.truthline.intake.scp;

import com.pixelmed.network.ReceivedObjectHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the objects of one association. Each file that PixelMed reports is renamed at once from
 * {@code <uid>.received} to {@code <uid>.dcm} ({@link SpoolFileNames}), so the next object with the same SOP
 * Instance UID in this association cannot overwrite it. The import results then name the object by its UID.
 *
 * <p>PixelMed calls the handler on the association's thread after the whole object has been written.
 */
class ReceivedFiles extends ReceivedObjectHandler {

    private final Path folder;
    private final List<Path> files = new ArrayList<>();

    ReceivedFiles(Path folder) {
        this.folder = folder;
    }

    @Override
    public synchronized void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle)
            throws IOException {
        Path received = Path.of(fileName);
        String name = received.getFileName().toString();
        String uid = name.endsWith(SafeStoredFilePathStrategy.SUFFIX)
                ? name.substring(0, name.length() - SafeStoredFilePathStrategy.SUFFIX.length()) : name;
        Path target = SpoolFileNames.instanceFile(folder, uid);
        Files.move(received, target);
        files.add(target);
    }

    synchronized List<Path> files() {
        return List.copyOf(files);
    }
}
