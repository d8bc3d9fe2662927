package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/** The declared size of an image: what Pixel Data must hold when it is not compressed. */
record PixelGeometry(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated,
        String photometricInterpretation) {

    static PixelGeometry of(AttributeList list) {
        return new PixelGeometry(
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0),
                Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1)),
                Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1)),
                Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0),
                Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation).trim());
    }

    long pixelCount() {
        return (long) rows * columns * frames;
    }

    /**
     * Returns the byte count of uncompressed Pixel Data. YBR_FULL_422 and YBR_PARTIAL_422 store two samples
     * per pixel because each pair of pixels shares one Cb and one Cr.
     */
    long expectedUncompressedBytes() {
        return (frameBits() * frames + 7) / 8;
    }

    /** Returns the bit count of one uncompressed frame, counting samples as {@link #expectedUncompressedBytes}. */
    long frameBits() {
        long samples = photometricInterpretation.endsWith("_422") ? 2 : samplesPerPixel;
        return (long) rows * columns * samples * bitsAllocated;
    }

    String describe() {
        return rows + "x" + columns + "x" + frames + " at " + bitsAllocated + " bits, " + samplesPerPixel
                + " sample(s) per pixel";
    }
}
