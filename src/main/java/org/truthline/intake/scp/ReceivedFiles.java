package org.truthline.intake.scp;

import com.pixelmed.network.ReceivedObjectHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the objects of one association. PixelMed names a received file after its SOP Instance UID, so a
 * second object with the same UID would overwrite the first; each file is therefore renamed at once to a
 * sequence number ({@code instance-00001.dcm}), which also keeps original UIDs out of the import's file names.
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
        Path target = folder.resolve(String.format("instance-%05d.dcm", files.size() + 1));
        Files.move(Path.of(fileName), target, StandardCopyOption.REPLACE_EXISTING);
        files.add(target);
    }

    synchronized List<Path> files() {
        return List.copyOf(files);
    }
}
