package org.truthline.intake.scp;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Names of received files in a spool folder. A file is named after the SOP Instance UID of the object it contains,
 * so import results and quarantine entries show leads which object they are about. The name is built from the
 * UID a peer sent, so it is cleaned first and can never name a path outside the folder.
 */
public final class SpoolFileNames {

    /** The longest UID that DICOM allows (PS3.5 9.1), which also bounds the length of a name. */
    private static final int MAX_UID_LENGTH = 64;

    private SpoolFileNames() {
    }

    /**
     * Returns the UID with every character other than a digit, an ASCII letter, a dot or a hyphen replaced by
     * "_", cut to 64 characters, and with "_" in front when it would start with a dot. An empty or missing UID
     * becomes "unknown-uid".
     */
    public static String safeUid(String uid) {
        String trimmed = uid == null ? "" : uid.strip();
        if (trimmed.isEmpty()) {
            return "unknown-uid";
        }
        StringBuilder safe = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            if (safe.length() == MAX_UID_LENGTH) {
                break;
            }
            boolean allowed = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.'
                    || c == '-';
            safe.append(allowed ? c : '_');
        }
        if (safe.charAt(0) == '.') {
            safe.insert(0, '_');
        }
        return safe.toString();
    }

    /**
     * Returns a path in {@code folder} that does not exist yet, named after the SOP Instance UID:
     * {@code <uid>.dcm}, or {@code <uid>-2.dcm}, {@code <uid>-3.dcm} and so on when an object with the same UID
     * came first. The caller must create the file before asking for the next name.
     */
    public static Path instanceFile(Path folder, String sopInstanceUid) {
        String base = safeUid(sopInstanceUid);
        Path candidate = folder.resolve(base + ".dcm");
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = folder.resolve(base + "-" + n + ".dcm");
        }
        return candidate;
    }
}
