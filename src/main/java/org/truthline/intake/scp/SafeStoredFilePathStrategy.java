package org.truthline.intake.scp;

import com.pixelmed.dicom.StoredFilePathStrategy;
import java.io.File;
import java.util.UUID;

/**
 * The file path PixelMed's receiver moves an arrived object to: a file in the spool folder named after the cleaned
 * Affected SOP Instance UID of the C-STORE request, with the suffix {@value #SUFFIX}.
 *
 * <p>PixelMed's own single-folder strategy uses the UID the peer sent as the path as it is, so a request whose
 * UID contains {@code ../} would write, and first delete, a file outside the spool folder. {@link ReceivedFiles}
 * renames each file at once to its final name.
 */
final class SafeStoredFilePathStrategy extends StoredFilePathStrategy {

    /** Suffix of a file that PixelMed has received and {@link ReceivedFiles} has not renamed yet. */
    static final String SUFFIX = ".received";

    @Override
    public String makeStoredFilePath(String sopInstanceUid) {
        return SpoolFileNames.safeUid(sopInstanceUid) + SUFFIX;
    }

    @Override
    public File makeAlternativeStoredFilePath(File folder, String alternativeSubfolder, String sopInstanceUid) {
        return new File(folder, SpoolFileNames.safeUid(sopInstanceUid) + "-" + UUID.randomUUID() + SUFFIX);
    }

    @Override
    public String toString() {
        return "BYCLEANEDSOPINSTANCEUIDINSINGLEFOLDER";
    }
}
