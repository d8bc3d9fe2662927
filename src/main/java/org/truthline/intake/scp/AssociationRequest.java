package org.truthline.intake.scp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The A-ASSOCIATE-RQ PDU read off a new connection before PixelMed reads it, so the called AE title can pick the
 * project (PixelMed's acceptor accepts exactly one called AE title). The raw bytes are replayed to PixelMed.
 *
 * <p>Layout (PS3.8 9.3.2): PDU type 0x01, a reserved byte, a 4-byte big-endian length, then protocol version (2
 * bytes), reserved (2), Called AE Title (16) and Calling AE Title (16), each padded with spaces.
 */
record AssociationRequest(String calledAeTitle, String callingAeTitle, byte[] pdu) {

    static final int ASSOCIATE_RQ = 0x01;

    private static final int HEADER_LENGTH = 6;
    private static final int AE_TITLES_END = 42;

    /** Upper bound on an A-ASSOCIATE-RQ, far above what 128 presentation contexts need. */
    private static final int MAX_PDU_LENGTH = 1 << 20;

    /**
     * Reads one whole A-ASSOCIATE-RQ.
     *
     * @throws IOException when the stream ends early, or the first PDU is not an A-ASSOCIATE-RQ or is too long
     */
    static AssociationRequest read(InputStream in) throws IOException {
        byte[] header = readFully(in, HEADER_LENGTH);
        if ((header[0] & 0xff) != ASSOCIATE_RQ) {
            throw new IOException(String.format("Expected an A-ASSOCIATE-RQ PDU (type 0x01), got type 0x%02x",
                    header[0] & 0xff));
        }
        long length = ByteBuffer.wrap(header, 2, 4).getInt() & 0xffffffffL;
        if (length < AE_TITLES_END - HEADER_LENGTH || length > MAX_PDU_LENGTH) {
            throw new IOException("A-ASSOCIATE-RQ length " + length + " is outside " + (AE_TITLES_END - HEADER_LENGTH)
                    + ".." + MAX_PDU_LENGTH + " bytes");
        }
        byte[] pdu = new byte[HEADER_LENGTH + (int) length];
        System.arraycopy(header, 0, pdu, 0, HEADER_LENGTH);
        byte[] body = readFully(in, (int) length);
        System.arraycopy(body, 0, pdu, HEADER_LENGTH, body.length);
        return new AssociationRequest(aeTitle(pdu, 10), aeTitle(pdu, 26), pdu);
    }

    private static String aeTitle(byte[] pdu, int offset) {
        return new String(pdu, offset, 16, StandardCharsets.US_ASCII).strip();
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("Connection closed after " + bytes.length + " of " + length
                    + " bytes of the A-ASSOCIATE-RQ");
        }
        return bytes;
    }

    /**
     * Returns an A-ASSOCIATE-RJ PDU (PS3.8 9.3.4): rejected-permanent (1), by the service user (1), reason 7,
     * called AE title not recognized.
     */
    static byte[] calledAeTitleNotRecognized() {
        return new byte[] {0x03, 0, 0, 0, 0, 4, 0, 1, 1, 7};
    }
}
