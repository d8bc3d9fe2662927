package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.util.List;

/**
 * Turns one decoded frame into an 8-bit image. Grayscale goes through the modality transformation, a VOI window
 * or LUT and MONOCHROME1 inversion. Colour (RGB, YBR_FULL, YBR_FULL_422, PALETTE COLOR) is converted to RGB.
 * PixelMed's {@code SourceImage} decodes the frame, and this class applies the DICOM display pipeline.
 */
final class FrameRenderer {

    private final AttributeList list;
    private final int frame;
    private final int bitsStored;
    private final boolean signed;

    FrameRenderer(AttributeList list, int frame) {
        this.list = list;
        this.frame = frame;
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        this.bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        this.signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
    }

    BufferedImage render(BufferedImage decoded, String photometric, WindowSetting window) throws DicomException {
        Raster raster = decoded.getRaster();
        if (raster.getNumBands() >= 3) {
            return colour(raster, photometric);
        }
        if ("PALETTE COLOR".equals(photometric)) {
            return palette(raster);
        }
        return grayscale(raster, "MONOCHROME1".equals(photometric), window);
    }

    private BufferedImage grayscale(Raster raster, boolean inverted, WindowSetting requested) throws DicomException {
        int width = raster.getWidth();
        int height = raster.getHeight();
        double[] values = new double[width * height];
        Lut modalityLut = Lut.from(list, Keywords.MODALITY_LUT_SEQUENCE);
        double[] rescale = rescale();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int stored = storedValue(row[x]);
                values[y * width + x] = modalityLut != null
                        ? modalityLut.lookup(stored)
                        : stored * rescale[0] + rescale[1];
            }
        }

        VoiFunction voi = voi(requested, values);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            int grey = voi.apply(values[i]);
            out[i] = (byte) (inverted ? 255 - grey : grey);
        }
        return image;
    }

    /** Masks the stored bits and sign-extends them; PixelMed returns 16-bit samples as unsigned values. */
    private int storedValue(int sample) {
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int value = sample & mask;
        if (signed && bitsStored < 32 && (value & (1 << (bitsStored - 1))) != 0) {
            value -= 1 << bitsStored;
        }
        return value;
    }

    /** Returns slope and intercept: top level, else the frame's Pixel Value Transformation functional group. */
    private double[] rescale() {
        AttributeList source = list;
        if (list.get(TagFromName.RescaleSlope) == null) {
            AttributeList group = FunctionalGroups.find(list, frame, TagFromName.PixelValueTransformationSequence);
            if (group != null) {
                source = group;
            }
        }
        double slope = Attribute.getSingleDoubleValueOrDefault(source, TagFromName.RescaleSlope, 1.0);
        double intercept = Attribute.getSingleDoubleValueOrDefault(source, TagFromName.RescaleIntercept, 0.0);
        return new double[] {slope == 0 ? 1.0 : slope, intercept};
    }

    private VoiFunction voi(WindowSetting requested, double[] values) throws DicomException {
        if (requested != null) {
            return window(requested);
        }
        List<WindowSetting> windows = Summaries.windows(list, frame);
        if (!windows.isEmpty() && windows.get(0).width() > 0) {
            return linear(windows.get(0).center(), windows.get(0).width());
        }
        Lut voiLut = Lut.from(list, TagFromName.VOILUTSequence);
        if (voiLut != null) {
            double top = voiLut.maximumOutput();
            return value -> clamp((int) Math.round(voiLut.lookup((int) Math.round(value)) * 255.0 / top));
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double low = min;
        double range = max > min ? max - min : 1;
        return value -> clamp((int) Math.round((value - low) * 255.0 / range));
    }

    private static VoiFunction window(WindowSetting window) {
        return switch (window.function()) {
            case LINEAR -> linear(window.center(), window.width());
            case LINEAR_EXACT -> linearExact(window.center(), window.width());
            case SIGMOID -> sigmoid(window.center(), window.width());
        };
    }

    /** The linear VOI function of PS3.3 C.11.2.1.2.1, mapped to 0..255. */
    private static VoiFunction linear(double center, double width) {
        double w = Math.max(width, 1);
        double c = center - 0.5;
        double half = (w - 1) / 2;
        return value -> {
            if (value <= c - half) {
                return 0;
            }
            if (value > c + half) {
                return 255;
            }
            return clamp((int) Math.round(((value - c) / (w - 1) + 0.5) * 255));
        };
    }

    /** The LINEAR_EXACT VOI function of PS3.3 C.11.2, mapped to 0..255. A width below 1 is taken as 1. */
    private static VoiFunction linearExact(double center, double width) {
        double w = Math.max(width, 1);
        return value -> {
            if (value <= center - w / 2) {
                return 0;
            }
            if (value > center + w / 2) {
                return 255;
            }
            return clamp((int) Math.round(((value - center) / w + 0.5) * 255));
        };
    }

    /** The SIGMOID VOI function of PS3.3 C.11.2, mapped to 0..255. A width below 1 is taken as 1. */
    private static VoiFunction sigmoid(double center, double width) {
        double w = Math.max(width, 1);
        return value -> clamp((int) Math.round(255 / (1 + Math.exp(-4 * (value - center) / w))));
    }

    private BufferedImage colour(Raster raster, String photometric) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int bands = raster.getNumBands();
        int[] row = new int[width * bands];
        int[] pixel = new int[bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0; x < width; x++) {
                System.arraycopy(row, x * bands, pixel, 0, bands);
                out[y * width + x] = toRgb(photometric, pixel, bitsStored);
            }
        }
        return image;
    }

    /**
     * Converts one decoded three-sample pixel to packed 8-bit RGB: YBR_FULL* and YBR_PARTIAL* through their
     * YCbCr equations, anything else taken as RGB. Samples wider than 8 bits are shifted down.
     */
    static int toRgb(String photometric, int[] pixel, int bitsStored) {
        int shift = Math.max(0, bitsStored - 8);
        int a = pixel[0] >> shift;
        int b = pixel[1] >> shift;
        int c = pixel[2] >> shift;
        if (photometric.startsWith("YBR_FULL")) {
            return ycbcrToRgb(a, b - 128, c - 128);
        }
        if (photometric.startsWith("YBR_PARTIAL")) {
            return ycbcrPartialToRgb(a, b - 128, c - 128);
        }
        return clamp(a) << 16 | clamp(b) << 8 | clamp(c);
    }

    /** Full-range YCbCr to RGB with the ITU-R BT.601 coefficients of PS3.3 C.7.6.3.1.2. */
    private static int ycbcrToRgb(int y, int cb, int cr) {
        int r = (int) Math.round(y + 1.402 * cr);
        int g = (int) Math.round(y - 0.344136 * cb - 0.714136 * cr);
        int b = (int) Math.round(y + 1.772 * cb);
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int ycbcrPartialToRgb(int y, int cb, int cr) {
        double luma = 1.1644 * (y - 16);
        int r = (int) Math.round(luma + 1.5960 * cr);
        int g = (int) Math.round(luma - 0.3918 * cb - 0.8130 * cr);
        int b = (int) Math.round(luma + 2.0172 * cb);
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private BufferedImage palette(Raster raster) throws DicomException {
        Lut red = Lut.palette(list, TagFromName.RedPaletteColorLookupTableDescriptor,
                TagFromName.RedPaletteColorLookupTableData);
        Lut green = Lut.palette(list, TagFromName.GreenPaletteColorLookupTableDescriptor,
                TagFromName.GreenPaletteColorLookupTableData);
        Lut blue = Lut.palette(list, TagFromName.BluePaletteColorLookupTableDescriptor,
                TagFromName.BluePaletteColorLookupTableData);
        if (red == null || green == null || blue == null) {
            throw new DicomException("PALETTE COLOR image without complete Red, Green and Blue palette tables");
        }
        int width = raster.getWidth();
        int height = raster.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int index = row[x];
                out[y * width + x] = red.eightBit(index) << 16 | green.eightBit(index) << 8 | blue.eightBit(index);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    @FunctionalInterface
    private interface VoiFunction {
        int apply(double value);
    }

    /** A lookup table with descriptor (entries, first mapped value, bits per entry) and data. */
    private record Lut(int firstMapped, int bits, int[] data) {

        static Lut from(AttributeList list, AttributeTag sequenceTag) throws DicomException {
            if (!(list.get(sequenceTag) instanceof SequenceAttribute sequence) || sequence.getNumberOfItems() == 0) {
                return null;
            }
            AttributeList item = sequence.getItem(0).getAttributeList();
            return of(item.get(TagFromName.LUTDescriptor), item.get(TagFromName.LUTData));
        }

        static Lut palette(AttributeList list, AttributeTag descriptor, AttributeTag data) throws DicomException {
            return of(list.get(descriptor), list.get(data));
        }

        private static Lut of(Attribute descriptorAttribute, Attribute dataAttribute) throws DicomException {
            if (descriptorAttribute == null || dataAttribute == null || descriptorAttribute.getVM() < 3) {
                return null;
            }
            int[] descriptor = descriptorAttribute.getIntegerValues();
            int entries = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
            // The first mapped value is signed when the pixel values are; PS3.3 C.11.1.1 allows either.
            int first = (short) descriptor[1];
            int bits = descriptor[2];
            short[] words = dataAttribute.getShortValues();
            int[] data = new int[entries];
            boolean packedBytes = bits == 8 && words.length * 2 >= entries && words.length < entries;
            for (int i = 0; i < entries; i++) {
                if (packedBytes) {
                    int word = words[i / 2] & 0xFFFF;
                    data[i] = (i % 2 == 0) ? word & 0xFF : word >> 8;
                } else {
                    data[i] = i < words.length ? words[i] & 0xFFFF : 0;
                }
            }
            return new Lut(first, bits, data);
        }

        int lookup(int value) {
            int index = Math.max(0, Math.min(data.length - 1, value - firstMapped));
            return data[index];
        }

        /** Returns the largest value an entry can hold: from the descriptor, or the data when it exceeds that. */
        double maximumOutput() {
            int max = 0;
            for (int value : data) {
                max = Math.max(max, value);
            }
            int declared = (1 << Math.min(bits, 16)) - 1;
            return max > declared ? (1 << (32 - Integer.numberOfLeadingZeros(max))) - 1 : declared;
        }

        int eightBit(int pixel) {
            int value = lookup(pixel);
            return bits > 8 ? value >> (bits - 8) : clamp(value);
        }
    }
}
