package org.truthline.dicomweb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/related} body (RFC 2046 section 5.1) part by part from a stream, so large studies
 * never sit in memory. Part bodies end at CRLF followed by the delimiter, found with a Knuth-Morris-Pratt scan.
 */
class MultipartReader {

    private static final int MAX_HEADER_LINE = 8192;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] failure;
    private final byte[] firstDelimiter;
    private final int[] firstFailure;
    private boolean started;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = new BufferedInputStream(in, 65536);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.failure = failureFunction(delimiter);
        this.firstDelimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.firstFailure = failureFunction(firstDelimiter);
    }

    /**
     * Copies the next part's body to {@code body} and returns its headers (names in lower case), or returns null
     * when the closing delimiter has been read.
     *
     * @throws EOFException when the stream ends inside a part or before the closing delimiter
     */
    Map<String, String> nextPart(OutputStream body) throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            skipPreamble();
            started = true;
            if (finishedAfterDelimiter()) {
                return null;
            }
        }
        Map<String, String> headers = readHeaders();
        copyUntilDelimiter(body);
        if (finishedAfterDelimiter()) {
            finished = true;
        }
        return headers;
    }

    /** Skips up to the first delimiter, which may start the body without a leading CRLF. */
    private void skipPreamble() throws IOException {
        scan(firstDelimiter, firstFailure, OutputStream.nullOutputStream());
    }

    /** Reads what follows a delimiter: "--" closes the body, otherwise the rest of the line is skipped. */
    private boolean finishedAfterDelimiter() throws IOException {
        int first = readByte();
        if (first == '-') {
            if (readByte() == '-') {
                finished = true;
                return true;
            }
        }
        int b = first;
        while (b != '\n') {
            b = readByte();
        }
        return false;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        while (true) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = readByte();
        while (b != '\n') {
            if (line.size() >= MAX_HEADER_LINE) {
                throw new IOException("Multipart header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.write(b);
            b = readByte();
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private void copyUntilDelimiter(OutputStream body) throws IOException {
        scan(delimiter, failure, body);
    }

    /** Copies bytes to {@code sink} until {@code pattern} has been read; the pattern itself is not copied. */
    private void scan(byte[] pattern, int[] patternFailure, OutputStream sink) throws IOException {
        int matched = 0;
        while (matched < pattern.length) {
            int b = readByte();
            while (matched > 0 && b != (pattern[matched] & 0xff)) {
                // Bytes that looked like the start of the pattern belong to the body after all.
                int fallback = patternFailure[matched - 1];
                sink.write(pattern, 0, matched - fallback);
                matched = fallback;
            }
            if (b == (pattern[matched] & 0xff)) {
                matched++;
            } else {
                sink.write(b);
            }
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("Multipart body ended before its closing delimiter");
        }
        return b;
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] failure = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = failure[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            failure[i] = k;
        }
        return failure;
    }
}
