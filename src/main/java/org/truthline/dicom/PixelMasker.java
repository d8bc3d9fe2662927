package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.display.SourceImage;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces Pixel Data with a decoded copy in which rectangles are blanked in every frame. The new Pixel Data
 * is native (uncompressed): grayscale and PALETTE COLOR keep their stored values and bit depth, colour becomes
 * 8-bit RGB with Planar Configuration 0.
 */
final class PixelMasker {

    private final AttributeList list;
    private final PixelGeometry geometry;
    private final String fileName;

    /** Takes a list read with decompression on, so PixelMed's SourceImage can decode every frame. */
    PixelMasker(AttributeList list, PixelGeometry geometry, String fileName) {
        this.list = list;
        this.geometry = geometry;
        this.fileName = fileName;
    }

    /** Rejects rectangles that are empty or reach outside the image, naming the rectangle and the image size. */
    static void checkInside(List<Rectangle> rectangles, PixelGeometry geometry, String fileName) {
        Rectangle image = new Rectangle(0, 0, geometry.columns(), geometry.rows());
        for (Rectangle rectangle : rectangles) {
            if (rectangle.isEmpty() || !image.contains(rectangle)) {
                throw new IllegalArgumentException(fileName + ": rectangle x=" + rectangle.x + ", y=" + rectangle.y
                        + ", width=" + rectangle.width + ", height=" + rectangle.height + " is empty or lies outside"
                        + " the image of " + geometry.columns() + " columns x " + geometry.rows() + " rows; give"
                        + " rectangles inside 0 <= x < " + geometry.columns() + " and 0 <= y < " + geometry.rows());
            }
        }
    }

    /** Decodes every frame, blanks the rectangles and puts the new Pixel Data and pixel module values in the list. */
    void mask(List<Rectangle> rectangles) throws DicomException {
        String photometric = list.getDecompressedPhotometricInterpretation().trim();
        SourceImage source = new SourceImage(list);
        int frames = geometry.frames();
        Raster[] decoded = new Raster[frames];
        for (int frame = 0; frame < frames; frame++) {
            BufferedImage image = source.getBufferedImage(frame);
            if (image == null) {
                throw new DicomException("no decoded image for frame " + frame);
            }
            decoded[frame] = image.getRaster();
        }
        if (decoded[0].getNumBands() >= 3) {
            maskColour(decoded, photometric, rectangles);
        } else {
            maskSingleSample(decoded, photometric, rectangles);
        }
        replaceValue(TagFromName.BurnedInAnnotation, "NO");
    }

    private void maskSingleSample(Raster[] frames, String photometric, List<Rectangle> rectangles)
            throws DicomException {
        int bitsAllocated = geometry.bitsAllocated();
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new IllegalArgumentException(fileName + ": masking supports 8- and 16-bit grayscale pixels, but"
                    + " Bits Allocated is " + bitsAllocated);
        }
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        int width = geometry.columns();
        int height = geometry.rows();
        int frameSize = width * height;
        int[] stored = new int[frameSize * frames.length];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int frame = 0; frame < frames.length; frame++) {
            int[] samples = frames[frame].getSamples(0, 0, width, height, 0, (int[]) null);
            for (int i = 0; i < frameSize; i++) {
                int value = storedValue(samples[i], bitsStored, signed);
                stored[frame * frameSize + i] = value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        // NOTE: for PALETTE COLOR the smallest index is assumed to map to the darkest palette entry.
        int blank = "MONOCHROME1".equals(photometric) ? max : min;
        for (int frame = 0; frame < frames.length; frame++) {
            for (Rectangle rectangle : rectangles) {
                for (int y = rectangle.y; y < rectangle.y + rectangle.height; y++) {
                    int rowStart = frame * frameSize + y * width;
                    Arrays.fill(stored, rowStart + rectangle.x, rowStart + rectangle.x + rectangle.width,
                            blank);
                }
            }
        }

        Attribute pixelData;
        if (bitsAllocated == 8) {
            byte[] bytes = new byte[stored.length];
            for (int i = 0; i < stored.length; i++) {
                bytes[i] = (byte) stored[i];
            }
            pixelData = new OtherByteAttribute(TagFromName.PixelData);
            pixelData.setValues(bytes);
        } else {
            short[] words = new short[stored.length];
            for (int i = 0; i < stored.length; i++) {
                words[i] = (short) stored[i];
            }
            pixelData = new OtherWordAttribute(TagFromName.PixelData);
            pixelData.setValues(words);
        }
        list.put(pixelData);
        if (!photometric.equals(geometry.photometricInterpretation())) {
            replaceValue(TagFromName.PhotometricInterpretation, photometric);
        }
    }

    private void maskColour(Raster[] frames, String photometric, List<Rectangle> rectangles) throws DicomException {
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 8);
        if (geometry.bitsAllocated() != 8) {
            throw new IllegalArgumentException(fileName + ": masking supports 8-bit colour pixels, but Bits"
                    + " Allocated is " + geometry.bitsAllocated());
        }

        int width = geometry.columns();
        int height = geometry.rows();
        int frameBytes = width * height * 3;
        byte[] rgb = new byte[frameBytes * frames.length];
        int[] pixel = new int[frames[0].getNumBands()];
        for (int frame = 0; frame < frames.length; frame++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    frames[frame].getPixel(x, y, pixel);
                    int colour = FrameRenderer.toRgb(photometric, pixel, bitsStored);
                    int offset = frame * frameBytes + (y * width + x) * 3;
                    rgb[offset] = (byte) (colour >> 16);
                    rgb[offset + 1] = (byte) (colour >> 8);
                    rgb[offset + 2] = (byte) colour;
                }
            }

            for (Rectangle rectangle : rectangles) {
                for (int y = rectangle.y; y < rectangle.y + rectangle.height; y++) {
                    int rowStart = frame * frameBytes + (y * width + rectangle.x) * 3;
                    Arrays.fill(rgb, rowStart, rowStart + rectangle.width * 3, (byte) 0);
                }
            }
        }

        Attribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
        pixelData.setValues(rgb);
        list.put(pixelData);
        replaceValue(TagFromName.PhotometricInterpretation, "RGB");
        replaceValue(TagFromName.PlanarConfiguration, "0");
        replaceValue(TagFromName.BitsStored, "8");
        replaceValue(TagFromName.HighBit, "7");
    }

    /** Masks the stored bits and sign-extends them, as {@link FrameRenderer} does. */
    private static int storedValue(int sample, int bitsStored, boolean signed) {
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int value = sample & mask;
        if (signed && bitsStored < 32 && (value & (1 << (bitsStored - 1))) != 0) {
            value -= 1 << bitsStored;
        }
        return value;
    }

    /** Returns the transfer syntax to write: the source's when its Pixel Data is native, else Explicit VR LE. */
    static String targetTransferSyntax(String sourceTransferSyntax) {
        TransferSyntax syntax = new TransferSyntax(sourceTransferSyntax);
        return syntax.isEncapsulated() ? TransferSyntax.ExplicitVRLittleEndian : sourceTransferSyntax;
    }

    /** Replaces the File Meta Information so Transfer Syntax UID matches the Pixel Data written. */
    static void replaceFileMeta(AttributeList list, String transferSyntax, String sourceApplicationEntityTitle)
            throws DicomException {
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPClassUID).trim();
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list,
                TagFromName.MediaStorageSOPInstanceUID).trim();
        list.removeMetaInformationHeaderAttributes();
        list.removeGroupLengthAttributes();
        String dataSetClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID).trim();
        String dataSetInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID).trim();
        FileMetaInformation.addFileMetaInformation(list, dataSetClass.isEmpty() ? sopClass : dataSetClass,
                dataSetInstance.isEmpty() ? sopInstance : dataSetInstance, transferSyntax,
                sourceApplicationEntityTitle);
    }

    private void replaceValue(AttributeTag tag, String value) throws DicomException {
        Attribute attribute = list.get(tag);
        if (attribute == null) {
            attribute = list.putNewAttribute(tag);
        }
        attribute.removeValues();
        attribute.addValue(value);
    }
}
