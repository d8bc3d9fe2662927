package org.truthline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashing and copying that stop after {@code truthline.intake.max-file-bytes}, so a file that grows while it is
 * read, or a path that turns out to be a device, cannot keep the intake thread busy for good.
 */
final class BoundedFiles {

    private static final int BUFFER_BYTES = 64 * 1024;

    private BoundedFiles() {
    }

    /** A file that had more bytes than the limit; nothing was kept of it. */
    static final class TooLargeException extends IOException {
        TooLargeException(Path file, long maxBytes) {
            super(file.getFileName() + " is larger than truthline.intake.max-file-bytes (" + maxBytes + " bytes)");
        }
    }

    /** Returns the SHA-256 of the file in lower-case hex. */
    static String sha256(Path file, long maxBytes) throws IOException {
        MessageDigest digest = newSha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            transfer(file, out, maxBytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Copies the file to {@code target}, opened with the given options. A copy stopped by the limit or by a read
     * failure is deleted.
     */
    static void copy(Path source, Path target, long maxBytes, OpenOption... options) throws IOException {
        try (OutputStream out = Files.newOutputStream(target, options)) {
            transfer(source, out, maxBytes);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    /** Returns true when the path is a regular file, without following a symbolic link. */
    static boolean isRegularFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static void transfer(Path file, OutputStream out, long maxBytes) throws IOException {
        if (!isRegularFile(file)) {
            throw new IOException(file + " is not a regular file, so it is not read");
        }
        if (Files.size(file) > maxBytes) {
            throw new TooLargeException(file, maxBytes);
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > maxBytes) {
                    throw new TooLargeException(file, maxBytes);
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
