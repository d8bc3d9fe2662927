package org.truthline.dicom;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reduces frames for previews, which {@code renderPng} returns when no window is requested. A JPEG 2000 frame is
 * decoded at a lower resolution level of its wavelet transform instead of at full size. Any
 * other image, and a JPEG 2000 image without enough levels, is scaled down after rendering.
 */
final class PreviewScaler {

    /** JPEG 2000 Image Compression (Lossless Only) and JPEG 2000 Image Compression. */
    static final Set<String> JPEG_2000_TRANSFER_SYNTAXES = Set.of("1.2.840.10008.1.2.4.90",
            "1.2.840.10008.1.2.4.91");

    private static final int START_OF_CODESTREAM = 0xFF4F;
    private static final int CODING_STYLE_DEFAULT = 0xFF52;
    private static final int START_OF_TILE_PART = 0xFF90;
    /** Offset of the number of decomposition levels from the start of the COD marker segment (JPEG 2000 Part 1). */
    private static final int DECOMPOSITION_LEVELS_OFFSET = 9;

    private PreviewScaler() {
    }

    /**
     * Decodes a JPEG 2000 frame at the highest resolution level whose longest side is at most {@code maxSize},
     * or returns null when the frame is not JPEG 2000, already fits, or its codestream cannot be located. A null
     * result means the caller decodes the full frame as usual.
     *
     * @param list the data set, read without decompression so that Pixel Data is still encapsulated
     */
    static BufferedImage decodeReducedJpeg2000(AttributeList list, String transferSyntax, int frame, int rows,
            int columns, int maxSize) throws DicomException, IOException {
        if (!JPEG_2000_TRANSFER_SYNTAXES.contains(transferSyntax) || Math.max(rows, columns) <= maxSize) {
            return null;
        }
        Attribute pixelData = list.getPixelData();
        if (!(pixelData instanceof OtherByteAttributeMultipleCompressedFrames frames)) {
            return null;
        }
        byte[] codestream = frames.getByteValuesForSelectedFrame(frame);
        int levels = decompositionLevels(codestream);
        int discarded = levelsToDiscard(Math.max(rows, columns), maxSize, levels);
        if (discarded == 0) {
            return null;
        }
        ImageReader reader = jpeg2000Reader();
        if (reader == null) {
            return null;
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(codestream))) {
            reader.setInput(input, true, true);
            J2KImageReadParam parameters = (J2KImageReadParam) reader.getDefaultReadParam();
            // Resolution level 0 is the lowest; level `levels` is the full image. Each level down halves both sides.
            parameters.setResolution(levels - discarded);
            return reader.read(0, parameters);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Returns how many resolution levels to drop so that the longest side fits {@code maxSize}, limited to the
     * levels present. Each dropped level halves the size, rounding up.
     */
    static int levelsToDiscard(int longestSide, int maxSize, int levels) {
        int discarded = 0;
        int size = longestSide;
        while (size > maxSize && discarded < levels) {
            size = (size + 1) / 2;
            discarded++;
        }
        return discarded;
    }

    /**
     * Returns the number of decomposition levels in the codestream's main header COD marker, or 0 when the data
     * is not a bare codestream (for example a JP2 file) or has no COD marker before the first tile.
     */
    static int decompositionLevels(byte[] codestream) {
        if (codestream.length < 2 || unsignedShort(codestream, 0) != START_OF_CODESTREAM) {
            return 0;
        }
        int position = 2;
        while (position + 4 <= codestream.length) {
            int marker = unsignedShort(codestream, position);
            if (marker == CODING_STYLE_DEFAULT) {
                int offset = position + DECOMPOSITION_LEVELS_OFFSET;
                return offset < codestream.length ? codestream[offset] & 0xFF : 0;
            }
            if (marker == START_OF_TILE_PART || (marker & 0xFF00) != 0xFF00) {
                return 0;
            }
            int segmentLength = unsignedShort(codestream, position + 2);
            position += 2 + segmentLength;
        }
        return 0;
    }

    /**
     * Scales an image down so that its longest side is at most {@code maxSize}, keeping the aspect ratio, or
     * returns it unchanged when it already fits. The size halves in bilinear steps before the last step, so
     * large reductions average neighbouring pixels instead of skipping them.
     */
    static BufferedImage fitWithin(BufferedImage image, int maxSize) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= maxSize) {
            return image;
        }
        double scale = (double) maxSize / longest;
        int targetWidth = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage current = image;
        while (current.getWidth() / 2 >= targetWidth && current.getHeight() / 2 >= targetHeight) {
            current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetWidth || current.getHeight() != targetHeight) {
            current = resize(current, targetWidth, targetHeight);
        }
        return current;
    }

    /**
     * Keeps every k-th pixel of every k-th row of a decoded frame, with k chosen so that the longest side stays at
     * least twice {@code maxSize}, or returns the frame unchanged when it is smaller. The result keeps the decoded
     * sample values and layout, so the display pipeline runs on fewer pixels, and {@link #fitWithin} still averages
     * neighbours for the last steps.
     */
    static BufferedImage subsample(BufferedImage decoded, int maxSize) {
        int longest = Math.max(decoded.getWidth(), decoded.getHeight());
        int step = longest / (2 * maxSize);
        if (step < 2) {
            return decoded;
        }
        Raster source = decoded.getRaster();
        int width = (source.getWidth() + step - 1) / step;
        int height = (source.getHeight() + step - 1) / step;
        int bands = source.getNumBands();
        WritableRaster target = source.createCompatibleWritableRaster(width, height);
        int[] row = new int[source.getWidth() * bands];
        int[] subsampledRow = new int[width * bands];
        for (int y = 0; y < height; y++) {
            source.getPixels(0, y * step, source.getWidth(), 1, row);
            for (int x = 0; x < width; x++) {
                System.arraycopy(row, x * step * bands, subsampledRow, x * bands, bands);
            }
            target.setPixels(0, y, width, 1, subsampledRow);
        }
        return new BufferedImage(decoded.getColorModel(), target, decoded.isAlphaPremultiplied(), null);
    }

    private static BufferedImage resize(BufferedImage image, int width, int height) {
        int type = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage resized = new BufferedImage(width, height, type);
        Graphics2D graphics = resized.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return resized;
    }

    /** Returns jai-imageio's JPEG 2000 reader, the one that accepts a resolution level, or null when absent. */
    private static ImageReader jpeg2000Reader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg2000");
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getDefaultReadParam() instanceof J2KImageReadParam) {
                return reader;
            }
            reader.dispose();
        }
        return null;
    }

    private static int unsignedShort(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | (bytes[offset + 1] & 0xFF);
    }
}
