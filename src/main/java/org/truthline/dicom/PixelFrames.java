package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.IOException;
import java.util.List;
import java.util.function.LongUnaryOperator;

/** Cuts single frames out of Pixel Data: decoded native frames, or the compressed bytes of encapsulated ones. */
final class PixelFrames {

    private PixelFrames() {
    }

    /**
     * Passes each requested frame (0-based) of native Pixel Data to {@code consumer}, little endian. The list must
     * come from a read with decompression on and {@link AttributeList#correctDecompressedImagePixelModule()}
     * applied, so its pixel module describes the bytes. A frame of 1-bit data that starts inside a byte is
     * shifted to start at bit 0 of its first byte.
     */
    static void decoded(AttributeList list, List<Integer> frames, DicomToolkit.FrameConsumer consumer)
            throws DicomException, IOException {
        Attribute pixelData = list.get(TagFromName.PixelData);
        PixelGeometry geometry = PixelGeometry.of(list);
        long frameBits = geometry.frameBits();
        LongUnaryOperator byteAt;
        long available;
        if ("OW".equals(ValueRepresentation.getAsString(pixelData.getVR()))) {
            // PixelMed returns OW values as numbers, already converted from the file's byte order.
            short[] words = pixelData.getShortValues();
            byteAt = index -> words[(int) (index / 2)] >> (index % 2 == 0 ? 0 : 8) & 0xFF;
            available = words.length * 16L;
        } else {
            byte[] bytes = pixelData.getByteValues();
            byteAt = index -> bytes[(int) index] & 0xFF;
            available = bytes.length * 8L;
        }
        for (int frame : frames) {
            long start = frame * frameBits;
            if (start + frameBits > available) {
                throw new DicomException("Pixel Data contains " + available / 8 + " bytes, too few for frame "
                        + frame + " of " + geometry.describe());
            }
            consumer.accept(frame, copyBits(byteAt, start, frameBits));
        }
    }

    /**
     * Passes the compressed bytes of each requested frame (0-based) to {@code consumer}: the fragments of the
     * frame joined by PixelMed, without item tags and lengths. The list must come from a read with decompression
     * off.
     */
    static void compressed(AttributeList list, List<Integer> frames, DicomToolkit.FrameConsumer consumer)
            throws DicomException, IOException {
        if (!(list.get(TagFromName.PixelData) instanceof OtherByteAttributeMultipleCompressedFrames encapsulated)) {
            throw new DicomException("Pixel Data is not encapsulated");
        }
        int available = encapsulated.getNumberOfFrames();
        for (int frame : frames) {
            if (frame >= available) {
                throw new DicomException("encapsulated Pixel Data contains " + available + " frame(s), so frame "
                        + frame + " is missing");
            }
            consumer.accept(frame, encapsulated.getByteValuesForSelectedFrame(frame));
        }
    }

    /**
     * Copies {@code count} bits from bit {@code start}, numbering bits from the least significant of each byte as
     * PS3.5 does for 1-bit Pixel Data. Whole bytes are copied directly.
     */
    private static byte[] copyBits(LongUnaryOperator byteAt, long start, long count) {
        byte[] bytes = new byte[Math.toIntExact((count + 7) / 8)];
        if (start % 8 == 0) {
            long first = start / 8;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) byteAt.applyAsLong(first + i);
            }
            return bytes;
        }
        for (long i = 0; i < count; i++) {
            long bit = start + i;
            if ((byteAt.applyAsLong(bit / 8) >> (bit % 8) & 1) != 0) {
                bytes[(int) (i / 8)] |= (byte) (1 << (i % 8));
            }
        }
        return bytes;
    }
}
