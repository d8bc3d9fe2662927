package org.truthline.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses what a DICOMweb response sends from the client's Accept header (PS3.18 8.7): the transfer syntax of
 * retrieved instances, the encoding of frames, and the image type of rendered frames. Each method throws a 406
 * {@link DicomwebException} naming the requested values and what is offered when no range can be served.
 */
final class DicomwebMediaTypes {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String ANY_TRANSFER_SYNTAX = "*";
    static final String DICOM = "application/dicom";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    /** The media type of compressed bulk data per transfer syntax (PS3.18 table 8.7.3-5). */
    private static final Map<String, String> COMPRESSED_MEDIA_TYPES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", JPEG),
            Map.entry("1.2.840.10008.1.2.4.51", JPEG),
            Map.entry("1.2.840.10008.1.2.4.57", JPEG),
            Map.entry("1.2.840.10008.1.2.4.70", JPEG),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"));

    /** Earlier editions of PS3.18 named the RLE media type image/x-dicom-rle, and some clients still ask for it. */
    private static final String LEGACY_RLE = "image/x-dicom-rle";

    private DicomwebMediaTypes() {
    }

    /**
     * Returns the transfer syntax to send instances in: {@link #ANY_TRANSFER_SYNTAX} for each one's stored syntax,
     * or {@link #EXPLICIT_VR_LITTLE_ENDIAN} to decode compressed ones. A range without transfer-syntax, or with
     * {@code *}, keeps the stored syntax. A named syntax other than Explicit VR Little Endian is served only when
     * every instance is stored in it.
     *
     * <p>NOTE: PS3.18 makes Explicit VR Little Endian the default for application/dicom. Truthline keeps the
     * stored syntax instead, so a compressed copy is sent compressed unless the client asks for 1.2.840.10008.1.2.1.
     */
    static String dicomTransferSyntax(List<MediaRange> ranges, Set<String> storedSyntaxes) {
        Set<String> unsupported = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            if (range.isAny()) {
                return ANY_TRANSFER_SYNTAX;
            }
            boolean dicomParts = range.isMultipartRelated()
                    && (range.partType() == null || DICOM.equals(range.partType()));
            if (!dicomParts) {
                unsupported.add(range.text());
                continue;
            }
            String requested = range.transferSyntax();
            if (requested == null || requested.equals(ANY_TRANSFER_SYNTAX)) {
                return ANY_TRANSFER_SYNTAX;
            }
            if (requested.equals(EXPLICIT_VR_LITTLE_ENDIAN)) {
                return EXPLICIT_VR_LITTLE_ENDIAN;
            }
            if (storedSyntaxes.size() == 1 && storedSyntaxes.contains(requested)) {
                return ANY_TRANSFER_SYNTAX;
            }
            unsupported.add(range.text());
        }
        throw DicomwebException.notAcceptable("None of the requested media types can be produced: "
                + String.join(", ", unsupported) + ". Instances are offered as multipart/related;"
                + " type=\"application/dicom\" in their stored transfer syntax (transfer-syntax=*, here "
                + String.join(", ", new TreeSet<>(storedSyntaxes)) + ") or in Explicit VR Little Endian"
                + " (transfer-syntax=" + EXPLICIT_VR_LITTLE_ENDIAN + ").");
    }

    /** The encoding of sent frames: decoded, or the stored compressed bytes. */
    record FrameEncoding(boolean compressed, String mediaType, String transferSyntax) {

        static final FrameEncoding DECODED = new FrameEncoding(false, OCTET_STREAM, EXPLICIT_VR_LITTLE_ENDIAN);

        /** Returns the Content-Type of one part, naming its transfer syntax. */
        String partContentType() {
            return mediaType + "; transfer-syntax=" + transferSyntax;
        }
    }

    /**
     * Returns how to send frames of an instance stored in {@code storedSyntax}. Decoded frames
     * (application/octet-stream, Explicit VR Little Endian) are the default and are always offered. The stored compressed bytes are
     * sent for transfer-syntax=* when the stored syntax is compressed, or when a range names the stored syntax or
     * its media type.
     */
    static FrameEncoding frameEncoding(List<MediaRange> ranges, String storedSyntax) {
        String storedMediaType = COMPRESSED_MEDIA_TYPES.get(storedSyntax);
        FrameEncoding stored = storedMediaType == null ? null
                : new FrameEncoding(true, storedMediaType, storedSyntax);
        Set<String> unsupported = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            if (range.isAny()) {
                return FrameEncoding.DECODED;
            }
            if (!range.isMultipartRelated()) {
                unsupported.add(range.text());
                continue;
            }
            String partType = range.partType() == null ? OCTET_STREAM : range.partType();
            String requested = range.transferSyntax();
            FrameEncoding chosen = null;
            if (partType.equals(OCTET_STREAM) || partType.equals("*/*")) {
                if (requested == null || requested.equals(EXPLICIT_VR_LITTLE_ENDIAN)) {
                    chosen = FrameEncoding.DECODED;
                } else if (requested.equals(ANY_TRANSFER_SYNTAX)) {
                    chosen = stored != null ? stored : FrameEncoding.DECODED;
                } else if (requested.equals(storedSyntax)) {
                    chosen = stored;
                }
            } else if (stored != null && (partType.equals(storedMediaType)
                    || partType.equals(LEGACY_RLE) && storedMediaType.equals("image/dicom-rle"))) {
                if (requested == null || requested.equals(ANY_TRANSFER_SYNTAX) || requested.equals(storedSyntax)) {
                    chosen = stored;
                }
            }
            if (chosen != null) {
                return chosen;
            }
            unsupported.add(range.text());
        }
        List<String> offered = new ArrayList<>();
        offered.add("multipart/related; type=\"" + OCTET_STREAM + "\"; transfer-syntax=" + EXPLICIT_VR_LITTLE_ENDIAN);
        if (stored != null) {
            offered.add("multipart/related; type=\"" + storedMediaType + "\"; transfer-syntax=" + storedSyntax
                    + " (also with transfer-syntax=*)");
        }
        throw DicomwebException.notAcceptable("None of the requested media types can be produced for these"
                + " frames, stored in transfer syntax " + storedSyntax + ": " + String.join(", ", unsupported)
                + ". Offered: " + String.join(", ", offered) + ".");
    }

    /** Returns {@link #PNG} or {@link #JPEG} for a rendered frame; anything that accepts PNG gets PNG. */
    static String renderedType(List<MediaRange> ranges) {
        Set<String> unsupported = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            if (range.isAny() || range.is("image", "*") || range.is("image", "png")) {
                return PNG;
            }
            if (range.is("image", "jpeg")) {
                return JPEG;
            }
            unsupported.add(range.text());
        }
        throw DicomwebException.notAcceptable("None of the requested media types can be produced for a rendered"
                + " frame: " + String.join(", ", unsupported) + ". Offered: image/png, image/jpeg.");
    }

    /** Checks that the client accepts DICOM JSON (application/dicom+json, application/json or a wildcard). */
    static void requireDicomJson(List<MediaRange> ranges) {
        Set<String> unsupported = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            if (range.isAny() || range.is("application", "*") || range.is("application", "dicom+json")
                    || range.is("application", "json")) {
                return;
            }
            unsupported.add(range.text());
        }
        throw DicomwebException.notAcceptable("None of the requested media types can be produced for metadata: "
                + String.join(", ", unsupported) + ". Offered: application/dicom+json.");
    }

    /**
     * Returns true when a bulk data value is sent as a single-part application/octet-stream body, false when it is
     * sent as multipart/related; type="application/octet-stream" with one part, the default.
     */
    static boolean bulkDataAsSinglePart(List<MediaRange> ranges) {
        Set<String> unsupported = new LinkedHashSet<>();
        for (MediaRange range : ranges) {
            if (range.isAny()) {
                return false;
            }
            if (range.isMultipartRelated() && (range.partType() == null || OCTET_STREAM.equals(range.partType()))) {
                return false;
            }
            if (range.is("application", "octet-stream")) {
                return true;
            }
            unsupported.add(range.text());
        }
        throw DicomwebException.notAcceptable("None of the requested media types can be produced for bulk data: "
                + String.join(", ", unsupported) + ". Offered: multipart/related; type=\"" + OCTET_STREAM
                + "\", or application/octet-stream as a single part.");
    }
}
