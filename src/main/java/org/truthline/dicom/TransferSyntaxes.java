package org.truthline.dicom;

import com.pixelmed.dicom.TransferSyntax;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/** The transfer syntaxes this build decodes: the native ones plus those an installed ImageIO reader handles. */
final class TransferSyntaxes {

    static final String WELL_KNOWN_UID_ROOT = "1.2.840.10008.";

    private static final Set<String> NATIVE = Set.of(
            TransferSyntax.ImplicitVRLittleEndian,
            TransferSyntax.ExplicitVRLittleEndian,
            TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.DeflatedExplicitVRLittleEndian,
            TransferSyntax.RLE);

    /** ImageIO format names of the readers PixelMed looks up, per transfer syntax. */
    private static final Map<String, String> IMAGEIO_FORMAT = Map.of(
            TransferSyntax.JPEGBaseline, "jpeg",
            TransferSyntax.JPEGExtended, "jpeg",
            TransferSyntax.JPEGLossless, "jpeg-lossless",
            TransferSyntax.JPEGLosslessSV1, "jpeg-lossless",
            TransferSyntax.JPEGLS, "jpeg-ls",
            TransferSyntax.JPEGNLS, "jpeg-ls",
            TransferSyntax.JPEG2000Lossless, "jpeg2000",
            TransferSyntax.JPEG2000, "jpeg2000");

    private TransferSyntaxes() {
    }

    static boolean canDecode(String uid) {
        if (NATIVE.contains(uid)) {
            return true;
        }
        String format = IMAGEIO_FORMAT.get(uid);
        // The class path scan that registers the plug-in readers runs when ImageIoPlugins is first used.
        ImageIoPlugins.ensureScanned();
        return format != null && ImageIO.getImageReadersByFormatName(format).hasNext();
    }

    static String describe(String uid) {
        TransferSyntax syntax = new TransferSyntax(uid);
        String description = syntax.getDescription();
        return uid + (description == null || description.isBlank() ? "" : " (" + description + ")");
    }
}
