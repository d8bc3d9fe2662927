package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * Reads a file's header up to Pixel Data and checks every limit before anything decodes or allocates pixels.
 * Each failed check becomes a {@link DicomRejectedException} whose message names the file, the problem and
 * what to do.
 */
final class HeaderReader {

    private static final int PREAMBLE_LENGTH = 128;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private final DicomLimits limits;

    HeaderReader(DicomLimits limits) {
        this.limits = limits;
    }

    DicomHeader read(Path file) throws DicomRejectedException {
        String name = file.getFileName().toString();
        long size = fileSize(file, name);
        if (size > limits.maxFileBytes()) {
            throw new DicomRejectedException(QuarantineReason.FILE_TOO_LARGE, name + ": file is " + size
                    + " bytes, larger than the limit of " + limits.maxFileBytes()
                    + " bytes; raise truthline.intake.max-file-bytes if such files are expected");
        }

        String rawTransferSyntax = detectLayout(file, name, size);
        if (rawTransferSyntax == null) {
            checkMetaHasTransferSyntax(file, name);
        }

        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        long pixelDataTagEnd;
        String transferSyntax;
        try (DicomInputStream in = open(file, rawTransferSyntax)) {
            pixelDataTagEnd = list.read(in, TagFromName.PixelData);
            transferSyntax = in.getTransferSyntaxToReadDataSet().getUID();
        } catch (StackOverflowError e) {
            throw new DicomRejectedException(QuarantineReason.SEQUENCE_TOO_DEEP, name
                    + ": sequences are nested too deeply to parse; the limit is " + limits.maxSequenceDepth()
                    + " levels; re-export the object from the source system", e);
        } catch (IOException | DicomException e) {
            throw classifyReadFailure(name, e);
        }

        int depth = sequenceDepth(list);
        if (depth > limits.maxSequenceDepth()) {
            throw new DicomRejectedException(QuarantineReason.SEQUENCE_TOO_DEEP, name + ": sequences are nested "
                    + depth + " levels deep, more than the limit of " + limits.maxSequenceDepth()
                    + "; re-export the object from the source system or raise truthline.intake.max-sequence-depth");
        }

        boolean deflated = new TransferSyntax(transferSyntax).isDeflated();
        boolean hasPixelData;
        if (deflated) {
            hasPixelData = list.get(TagFromName.Rows) != null;
        } else {
            AttributeTag stoppedAt = pixelDataTagEnd < size ? tagBefore(file, pixelDataTagEnd, transferSyntax) : null;
            hasPixelData = stoppedAt != null && stoppedAt.equals(TagFromName.PixelData);
            if (stoppedAt != null && stoppedAt.compareTo(TagFromName.PixelData) < 0) {
                // PixelMed logs a value that runs past the end of the file and returns what it parsed so far.
                throw new DicomRejectedException(QuarantineReason.TRUNCATED, name + ": parsing stopped at byte "
                        + pixelDataTagEnd + " of " + size + " because a data element runs past the end of the"
                        + " file; re-export or re-transfer the object from the source system");
            }
        }
        PixelGeometry geometry = PixelGeometry.of(list);
        if (hasPixelData) {
            checkImageLimits(name, geometry);
            checkDecodable(name, transferSyntax);
            if (!deflated) {
                // NOTE: in a deflated file the Pixel Data length cannot be compared with the file size, so only
                // the declared-size limits above protect it.
                checkPixelDataLength(file, name, size, pixelDataTagEnd, transferSyntax, geometry);
            }
        }
        return new DicomHeader(name, list, rawTransferSyntax, transferSyntax, hasPixelData, geometry);
    }

    /** Opens the data set the way {@link #read} found it: Part 10, or a raw data set of the detected syntax. */
    static DicomInputStream open(Path file, String rawTransferSyntax) throws IOException {
        InputStream bytes = new BufferedInputStream(Files.newInputStream(file));
        return rawTransferSyntax == null
                ? new DicomInputStream(bytes)
                : new DicomInputStream(bytes, rawTransferSyntax, false);
    }

    private static long fileSize(Path file, String name) throws DicomRejectedException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DicomRejectedException(QuarantineReason.NOT_DICOM,
                    name + ": file cannot be read (" + e.getMessage() + "); check that it exists and is readable", e);
        }
    }

    /**
     * Returns null for a Part 10 file (preamble and "DICM"), or the transfer syntax of a raw data set that starts
     * directly with an element of group 0008. Such a data set is explicit VR little endian when bytes 4-5 spell a
     * value representation, else implicit VR. PixelMed guesses implicit VR, which fails on explicit ones.
     */
    private static String detectLayout(Path file, String name, long size) throws DicomRejectedException {
        if (size == 0) {
            throw new DicomRejectedException(QuarantineReason.NOT_DICOM,
                    name + ": file is empty (0 bytes); copy the file again from its source");
        }
        byte[] head = new byte[(int) Math.min(size, PREAMBLE_LENGTH + 4)];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read != head.length) {
                throw new EOFException();
            }
        } catch (IOException e) {
            throw new DicomRejectedException(QuarantineReason.NOT_DICOM,
                    name + ": file cannot be read (" + e.getMessage() + "); check that it is readable", e);
        }
        if (head.length == PREAMBLE_LENGTH + 4
                && "DICM".equals(new String(head, PREAMBLE_LENGTH, 4, StandardCharsets.US_ASCII))) {
            return null;
        }
        if (head.length >= 8) {
            int group = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
            if (group == 0x0008) {
                return isValueRepresentation(head[4], head[5])
                        ? TransferSyntax.ExplicitVRLittleEndian
                        : TransferSyntax.ImplicitVRLittleEndian;
            }
        }
        throw new DicomRejectedException(QuarantineReason.NOT_DICOM, name
                + ": not a DICOM file: no \"DICM\" marker after the 128-byte preamble and no data set starting"
                + " with group 0008 (first bytes: " + HexFormat.ofDelimiter(" ").formatHex(head, 0,
                        Math.min(8, head.length)) + "); check that the file is a DICOM object");
    }

    private static boolean isValueRepresentation(byte first, byte second) {
        return first >= 'A' && first <= 'Z' && second >= 'A' && second <= 'Z';
    }

    private static void checkMetaHasTransferSyntax(Path file, String name) throws DicomRejectedException {
        AttributeList meta = new AttributeList();
        try (DicomInputStream in = open(file, null)) {
            meta.readOnlyMetaInformationHeader(in);
        } catch (IOException | DicomException e) {
            throw classifyReadFailure(name, e);
        }
        if (Attribute.getSingleStringValueOrEmptyString(meta, TagFromName.TransferSyntaxUID).isBlank()) {
            throw new DicomRejectedException(QuarantineReason.MISSING_TRANSFER_SYNTAX, name
                    + ": the File Meta Information has no Transfer Syntax UID (0002,0010), so the data set"
                    + " encoding is unknown; re-export the object from the source system");
        }
    }

    /** PixelMed reports a value that runs past the end of the file as a DicomException or a short read. */
    static DicomRejectedException classifyReadFailure(String name, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof EOFException || message.contains("Failed to read value")
                    || message.contains("read failed")) {
                return new DicomRejectedException(QuarantineReason.TRUNCATED, name
                        + ": the file ends inside a data element (" + e.getMessage()
                        + "); re-export or re-transfer the object from the source system", e);
            }
        }
        return new DicomRejectedException(QuarantineReason.MALFORMED, name + ": the DICOM header cannot be parsed ("
                + e.getMessage() + "); re-export the object from the source system", e);
    }

    static int sequenceDepth(AttributeList list) {
        int deepest = 0;
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                int itemDepth = 0;
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    SequenceItem item = sequence.getItem(i);
                    itemDepth = Math.max(itemDepth, sequenceDepth(item.getAttributeList()));
                }
                deepest = Math.max(deepest, 1 + itemDepth);
            }
        }
        return deepest;
    }

    private void checkImageLimits(String name, PixelGeometry geometry) throws DicomRejectedException {
        if (geometry.frames() > limits.maxFrames()) {
            throw new DicomRejectedException(QuarantineReason.TOO_MANY_FRAMES, name + ": Number of Frames is "
                    + geometry.frames() + ", more than the limit of " + limits.maxFrames()
                    + "; split the object or raise truthline.intake.max-frames");
        }
        if (geometry.pixelCount() > limits.maxPixels()) {
            throw new DicomRejectedException(QuarantineReason.IMAGE_TOO_LARGE, name + ": the image declares "
                    + geometry.rows() + " rows x " + geometry.columns() + " columns x " + geometry.frames()
                    + " frames = " + geometry.pixelCount() + " pixels, more than the limit of " + limits.maxPixels()
                    + "; check the Rows and Columns values or raise truthline.intake.max-pixels");
        }
    }

    private static void checkDecodable(String name, String transferSyntax) throws DicomRejectedException {
        if (!TransferSyntaxes.canDecode(transferSyntax)) {
            throw new DicomRejectedException(QuarantineReason.UNSUPPORTED_TRANSFER_SYNTAX, name
                    + ": transfer syntax " + TransferSyntaxes.describe(transferSyntax)
                    + " cannot be decoded here; re-export the image uncompressed or as JPEG, JPEG 2000 or RLE");
        }
    }

    /** Returns the tag that ends just before {@code tagEnd}, or null when the file is too short. */
    private static AttributeTag tagBefore(Path file, long tagEnd, String transferSyntax)
            throws DicomRejectedException {
        ByteBuffer tag = readAt(file, tagEnd - 4, 4, transferSyntax);
        if (tag == null || tag.remaining() < 4) {
            return null;
        }
        return new AttributeTag(tag.getShort() & 0xFFFF, tag.getShort() & 0xFFFF);
    }

    /**
     * Compares the Pixel Data element's declared length with the bytes left in the file and with the size the
     * image attributes require. PixelMed stops right after the tag, so the header (VR and length) is read here.
     */
    private static void checkPixelDataLength(Path file, String name, long size, long tagEnd, String transferSyntax,
            PixelGeometry geometry) throws DicomRejectedException {
        TransferSyntax syntax = new TransferSyntax(transferSyntax);
        int headerLength = syntax.isExplicitVR() ? 8 : 4;
        ByteBuffer header = readAt(file, tagEnd, headerLength, transferSyntax);
        if (header == null || header.remaining() < headerLength) {
            throw new DicomRejectedException(QuarantineReason.TRUNCATED, name
                    + ": the file ends inside the Pixel Data element header; re-export the image from the source"
                    + " system");
        }
        if (syntax.isExplicitVR()) {
            header.position(4);
        }
        long declared = header.getInt() & 0xFFFFFFFFL;
        long available = size - tagEnd - headerLength;
        if (declared == UNDEFINED_LENGTH) {
            if (syntax.isNotEncapsulated()) {
                throw new DicomRejectedException(QuarantineReason.MALFORMED, name + ": Pixel Data has undefined"
                        + " length but transfer syntax " + TransferSyntaxes.describe(transferSyntax)
                        + " is not encapsulated; re-export the image from the source system");
            }
            return;
        }
        if (syntax.isEncapsulated()) {
            throw new DicomRejectedException(QuarantineReason.MALFORMED, name + ": Pixel Data of compressed"
                    + " transfer syntax " + TransferSyntaxes.describe(transferSyntax)
                    + " is not encapsulated; re-export the image from the source system");
        }
        if (declared > available) {
            throw new DicomRejectedException(QuarantineReason.TRUNCATED, name + ": Pixel Data is truncated: declared "
                    + declared + " bytes, file ends after " + available + "; re-export the image from the source system");
        }
        long expected = geometry.expectedUncompressedBytes();
        if (declared < expected) {
            throw new DicomRejectedException(QuarantineReason.PIXEL_DATA_SIZE_MISMATCH, name + ": Pixel Data contains "
                    + declared + " bytes but " + geometry.describe() + " needs " + expected
                    + " bytes; check Rows, Columns, Number of Frames and Bits Allocated, or re-export the image");
        }
    }

    private static ByteBuffer readAt(Path file, long position, int length, String transferSyntax)
            throws DicomRejectedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                // keep reading until the buffer is full or the file ends
            }
            buffer.flip();
            buffer.order(TransferSyntax.isBigEndian(transferSyntax) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            return buffer;
        } catch (IOException e) {
            throw new DicomRejectedException(QuarantineReason.MALFORMED,
                    file.getFileName() + ": file cannot be read at byte " + position + " (" + e.getMessage() + ")", e);
        }
    }
}
