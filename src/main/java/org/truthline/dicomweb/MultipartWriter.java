package org.truthline.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes a multipart/related body (RFC 2387) part by part, each with Content-Type, Content-Length and location. */
final class MultipartWriter {

    private final OutputStream out;
    private final String boundary;

    MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
    }

    static String newBoundary() {
        return "truthline-" + UUID.randomUUID();
    }

    /** Returns the response Content-Type: multipart/related with the part type and the boundary. */
    static String contentType(String partType, String boundary) {
        return contentType(partType, null, boundary);
    }

    /**
     * Returns the response Content-Type: multipart/related with the part type, the parts' transfer syntax unless
     * null, and the boundary last, where clients that cut the boundary at the end of the header still find it.
     */
    static String contentType(String partType, String transferSyntax, String boundary) {
        String syntax = transferSyntax == null ? "" : "; transfer-syntax=" + transferSyntax;
        return "multipart/related; type=\"" + partType + "\"" + syntax + "; boundary=" + boundary;
    }

    void part(String contentType, String contentLocation, byte[] body) throws IOException {
        header(contentType, contentLocation, body.length);
        out.write(body);
        out.write(crlf());
    }

    void part(String contentType, String contentLocation, Path file) throws IOException {
        header(contentType, contentLocation, Files.size(file));
        Files.copy(file, out);
        out.write(crlf());
    }

    void finish() throws IOException {
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void header(String contentType, String contentLocation, long length) throws IOException {
        String header = "--" + boundary + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + "Content-Location: " + contentLocation + "\r\n\r\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] crlf() {
        return "\r\n".getBytes(StandardCharsets.US_ASCII);
    }
}
