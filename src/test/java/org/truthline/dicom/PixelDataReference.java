package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference values that tests compare frame output with, computed without the toolkit: frames cut from the Pixel
 * Data PixelMed decodes, and compressed frames parsed from the file's own bytes.
 */
public final class PixelDataReference {

    private static final int ITEM = 0xE000FFFE;
    private static final int SEQUENCE_DELIMITER = 0xE0DDFFFE;
    /** Pixel Data (7FE0,0010) with undefined length, as Explicit VR Little Endian writes it, VR left out. */
    private static final byte[] PIXEL_DATA_TAG = {(byte) 0xE0, 0x7F, 0x10, 0x00};
    private static final byte[] UNDEFINED_LENGTH = {0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private PixelDataReference() {
    }

    /** Returns every frame of the Pixel Data PixelMed decodes from the file, little endian, in frame order. */
    public static List<byte[]> decodedFrames(Path file) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        Attribute pixelData = list.get(TagFromName.PixelData);
        byte[] bytes;
        if ("OW".equals(new String(pixelData.getVR()))) {
            short[] words = pixelData.getShortValues();
            ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asShortBuffer().put(words);
            bytes = buffer.array();
        } else {
            bytes = pixelData.getByteValues();
        }
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        int frameLength = bytes.length / frames;
        List<byte[]> result = new ArrayList<>();
        for (int frame = 0; frame < frames; frame++) {
            result.add(Arrays.copyOfRange(bytes, frame * frameLength, (frame + 1) * frameLength));
        }
        return result;
    }

    /**
     * Parses the encapsulated Pixel Data of an Explicit VR Little Endian data set and returns each frame's
     * fragments joined. Without a Basic Offset Table, each fragment is one frame when their counts agree, else
     * all fragments form a single frame.
     */
    public static List<byte[]> compressedFrames(byte[] file, int numberOfFrames) {
        int start = encapsulatedPixelData(file);
        ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(start + PIXEL_DATA_TAG.length + 2 + UNDEFINED_LENGTH.length);
        byte[] offsetTable = item(buffer);
        int firstFragment = buffer.position();
        List<Integer> fragmentOffsets = new ArrayList<>();
        List<byte[]> fragments = new ArrayList<>();
        while (buffer.getInt(buffer.position()) != SEQUENCE_DELIMITER) {
            fragmentOffsets.add(buffer.position() - firstFragment);
            fragments.add(item(buffer));
        }

        List<Integer> frameStarts = new ArrayList<>();
        if (offsetTable.length > 0) {
            ByteBuffer offsets = ByteBuffer.wrap(offsetTable).order(ByteOrder.LITTLE_ENDIAN);
            while (offsets.hasRemaining()) {
                frameStarts.add(fragmentOffsets.indexOf(offsets.getInt()));
            }
        } else if (fragments.size() == numberOfFrames) {
            for (int i = 0; i < numberOfFrames; i++) {
                frameStarts.add(i);
            }
        } else {
            frameStarts.add(0);
        }
        frameStarts.add(fragments.size());

        List<byte[]> frames = new ArrayList<>();
        for (int frame = 0; frame < frameStarts.size() - 1; frame++) {
            ByteBuffer joined = ByteBuffer.allocate(fragments.subList(frameStarts.get(frame),
                    frameStarts.get(frame + 1)).stream().mapToInt(f -> f.length).sum());
            fragments.subList(frameStarts.get(frame), frameStarts.get(frame + 1)).forEach(joined::put);
            frames.add(joined.array());
        }
        return frames;
    }

    /**
     * Returns a JPEG or JPEG 2000 codestream up to its last end marker (FFD9), dropping the padding some writers
     * leave after it inside the last fragment. Other data is returned unchanged.
     */
    public static byte[] withoutPaddingAfterEndMarker(byte[] frame) {
        boolean jpeg = frame.length > 1 && (frame[0] & 0xFF) == 0xFF
                && ((frame[1] & 0xFF) == 0xD8 || (frame[1] & 0xFF) == 0x4F);
        if (!jpeg) {
            return frame;
        }
        for (int i = frame.length - 2; i >= 0; i--) {
            if ((frame[i] & 0xFF) == 0xFF && (frame[i + 1] & 0xFF) == 0xD9) {
                return Arrays.copyOf(frame, i + 2);
            }
        }
        return frame;
    }

    /** Reads one item (tag FFFE,E000 and a 4-byte length) and returns its value. */
    private static byte[] item(ByteBuffer buffer) {
        int tag = buffer.getInt();
        if (tag != ITEM) {
            throw new IllegalArgumentException(String.format("expected an item tag at byte %d, found %08X",
                    buffer.position() - 4, tag));
        }
        byte[] value = new byte[buffer.getInt()];
        buffer.get(value);
        return value;
    }

    /** Returns the offset of the last Pixel Data element with VR OB or OW and undefined length. */
    private static int encapsulatedPixelData(byte[] file) {
        for (int i = file.length - 12; i >= 0; i--) {
            if (matches(file, i, PIXEL_DATA_TAG) && file[i + 4] == 'O' && (file[i + 5] == 'B' || file[i + 5] == 'W')
                    && matches(file, i + 6, UNDEFINED_LENGTH)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no encapsulated Pixel Data element found");
    }

    private static boolean matches(byte[] haystack, int offset, byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (haystack[offset + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
