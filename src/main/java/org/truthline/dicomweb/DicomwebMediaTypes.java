package org.truthline.dicomweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Chooses what a DICOMweb response sends from the client's Accept header (PS3.18 8.7): the transfer syntax of
 * retrieved instances, the encoding of frames, the image type of rendered frames, and DICOM JSON for searches and
 * metadata. A range with q=0 excludes what it matches. Each method throws a 406 {@link DicomwebException} naming
 * the requested values and listing what is offered when nothing acceptable remains.
 */
final class DicomwebMediaTypes {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String ANY_TRANSFER_SYNTAX = "*";
    static final String DICOM = "application/dicom";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String JSON = "application/json";

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
     * {@code *}, keeps the stored syntax unless the client excludes it with q=0. A named syntax other than Explicit
     * VR Little Endian is served only when every instance is stored in it.
     *
     * <p>NOTE: PS3.18 makes Explicit VR Little Endian the default for application/dicom. Truthline keeps the
     * stored syntax instead, so a compressed copy is sent compressed unless the client asks for 1.2.840.10008.1.2.1.
     */
    static String dicomTransferSyntax(List<MediaRange> ranges, Set<String> storedSyntaxes) {
        String chosen = choose(ranges, range -> {
            if (range.isAny()) {
                return List.of(ANY_TRANSFER_SYNTAX, EXPLICIT_VR_LITTLE_ENDIAN);
            }
            boolean dicomParts = range.isMultipartRelated()
                    && (range.partType() == null || DICOM.equals(range.partType()));
            if (!dicomParts) {
                return List.of();
            }
            String requested = range.transferSyntax();
            if (requested == null || requested.equals(ANY_TRANSFER_SYNTAX)) {
                return List.of(ANY_TRANSFER_SYNTAX, EXPLICIT_VR_LITTLE_ENDIAN);
            }
            if (requested.equals(EXPLICIT_VR_LITTLE_ENDIAN)) {
                return List.of(EXPLICIT_VR_LITTLE_ENDIAN);
            }
            if (storedSyntaxes.size() == 1 && storedSyntaxes.contains(requested)) {
                return List.of(ANY_TRANSFER_SYNTAX);
            }
            return List.of();
        }, syntax -> (syntax.equals(ANY_TRANSFER_SYNTAX) ? storedSyntaxes : Set.of(syntax)).stream()
                .map(DicomwebMediaTypes::dicomParts).toList());
        if (chosen != null) {
            return chosen;
        }
        throw notAcceptable(ranges, "", List.of(
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*",
                dicomParts(EXPLICIT_VR_LITTLE_ENDIAN)),
                " Instances are offered as multipart/related; type=\"application/dicom\" in their stored transfer"
                + " syntax (transfer-syntax=*, here " + String.join(", ", new TreeSet<>(storedSyntaxes))
                + ") or in Explicit VR Little Endian (transfer-syntax=" + EXPLICIT_VR_LITTLE_ENDIAN + ").");
    }

    private static String dicomParts(String transferSyntax) {
        return "multipart/related; type=\"" + DICOM + "\"; transfer-syntax=" + transferSyntax;
    }

    /** The encoding of sent frames: decoded, or the stored compressed bytes. */
    record FrameEncoding(boolean compressed, String mediaType, String transferSyntax) {

        static final FrameEncoding DECODED = new FrameEncoding(false, OCTET_STREAM, EXPLICIT_VR_LITTLE_ENDIAN);

        /** Returns the Content-Type of one part, naming its transfer syntax. */
        String partContentType() {
            return mediaType + "; transfer-syntax=" + transferSyntax;
        }

        /** Returns the Content-Type of the whole multipart response, as an Accept range would name it. */
        String multipartType() {
            return "multipart/related; type=\"" + mediaType + "\"; transfer-syntax=" + transferSyntax;
        }
    }

    /**
     * Returns how to send frames of an instance stored in {@code storedSyntax}. Decoded frames
     * (application/octet-stream, Explicit VR Little Endian) are the default and are offered unless excluded. The
     * stored compressed bytes are sent for transfer-syntax=* when the stored syntax is compressed, or when a range
     * names the stored syntax or its media type.
     */
    static FrameEncoding frameEncoding(List<MediaRange> ranges, String storedSyntax) {
        String storedMediaType = COMPRESSED_MEDIA_TYPES.get(storedSyntax);
        FrameEncoding stored = storedMediaType == null ? null
                : new FrameEncoding(true, storedMediaType, storedSyntax);
        FrameEncoding chosen = choose(ranges, range -> {
            List<FrameEncoding> candidates = new ArrayList<>();
            if (range.isAny()) {
                candidates.add(FrameEncoding.DECODED);
                candidates.add(stored);
                return candidates;
            }
            if (!range.isMultipartRelated()) {
                return candidates;
            }
            String partType = range.partType() == null ? OCTET_STREAM : range.partType();
            String requested = range.transferSyntax();
            if (partType.equals(OCTET_STREAM) || partType.equals("*/*")) {
                if (requested == null || requested.equals(EXPLICIT_VR_LITTLE_ENDIAN)) {
                    candidates.add(FrameEncoding.DECODED);
                } else if (requested.equals(ANY_TRANSFER_SYNTAX)) {
                    candidates.add(stored);
                    candidates.add(FrameEncoding.DECODED);
                } else if (requested.equals(storedSyntax)) {
                    candidates.add(stored);
                }
            } else if (stored != null && (partType.equals(storedMediaType)
                    || partType.equals(LEGACY_RLE) && storedMediaType.equals("image/dicom-rle"))) {
                if (requested == null || requested.equals(ANY_TRANSFER_SYNTAX) || requested.equals(storedSyntax)) {
                    candidates.add(stored);
                }
            }
            return candidates;
        }, encoding -> List.of(encoding.multipartType()));
        if (chosen != null) {
            return chosen;
        }
        List<String> offered = new ArrayList<>();
        offered.add(FrameEncoding.DECODED.multipartType());
        if (stored != null) {
            offered.add(stored.multipartType());
        }
        throw notAcceptable(ranges, " for these frames, stored in transfer syntax " + storedSyntax, offered,
                stored == null ? "" : " The stored syntax may also be requested with transfer-syntax=*.");
    }

    /** Returns {@link #PNG} or {@link #JPEG} for a rendered frame; anything that accepts PNG gets PNG. */
    static String renderedType(List<MediaRange> ranges) {
        String chosen = choose(ranges, range -> {
            if (range.isAny() || range.is("image", "*")) {
                return List.of(PNG, JPEG);
            }
            if (range.is("image", "png")) {
                return List.of(PNG);
            }
            return range.is("image", "jpeg") ? List.of(JPEG) : List.of();
        }, List::of);
        if (chosen != null) {
            return chosen;
        }
        throw notAcceptable(ranges, " for a rendered frame", List.of(PNG, JPEG), "");
    }

    /** Checks that the client accepts DICOM JSON (application/dicom+json, application/json or a wildcard). */
    static void requireDicomJson(List<MediaRange> ranges) {
        String chosen = choose(ranges, range -> {
            if (range.isAny() || range.is("application", "*") || range.is("application", "dicom+json")) {
                return List.of(DicomwebController.DICOM_JSON);
            }
            // A client that asks for plain JSON gets DICOM JSON, which is JSON.
            return range.is("application", "json") ? List.of(JSON) : List.of();
        }, List::of);
        if (chosen == null) {
            throw notAcceptable(ranges, " as DICOM JSON", List.of(DicomwebController.DICOM_JSON), "");
        }
    }

    /**
     * Returns true when a bulk data value is sent as a single-part application/octet-stream body, false when it is
     * sent as multipart/related; type="application/octet-stream" with one part, the default.
     */
    static boolean bulkDataAsSinglePart(List<MediaRange> ranges) {
        String multipart = "multipart/related; type=\"" + OCTET_STREAM + "\"";
        String chosen = choose(ranges, range -> {
            if (range.isAny()) {
                return List.of(multipart, OCTET_STREAM);
            }
            if (range.isMultipartRelated() && (range.partType() == null || OCTET_STREAM.equals(range.partType()))) {
                return List.of(multipart);
            }
            return range.is("application", "octet-stream") ? List.of(OCTET_STREAM) : List.of();
        }, List::of);
        if (chosen == null) {
            throw notAcceptable(ranges, " for bulk data", List.of(multipart, OCTET_STREAM), "");
        }
        return chosen.equals(OCTET_STREAM);
    }

    /**
     * Returns the first candidate that the client accepts, trying the ranges it accepts (q above 0) from the
     * highest quality down and, for each range, the candidates {@code candidatesFor} lists in the server's order.
     * A candidate is skipped when a q=0 range excludes one of the media types {@code mediaTypesOf} gives for it.
     * Returns null when nothing is left.
     */
    private static <T> T choose(List<MediaRange> ranges, Function<MediaRange, List<T>> candidatesFor,
            Function<T, List<String>> mediaTypesOf) {
        for (MediaRange range : ranges) {
            if (range.isExclusion()) {
                continue;
            }
            for (T candidate : candidatesFor.apply(range)) {
                if (candidate != null && mediaTypesOf.apply(candidate).stream()
                        .noneMatch(type -> MediaRange.excluded(ranges, range, type))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Builds the 406 error that names the client's ranges and lists what the endpoint offers. */
    private static DicomwebException notAcceptable(List<MediaRange> ranges, String what, List<String> offered,
            String note) {
        String requested = String.join(", ", ranges.stream().map(MediaRange::text).toList());
        return DicomwebException.notAcceptable("None of the requested media types can be produced" + what + ": "
                + requested + ". Offered: " + String.join(", ", offered) + "." + note, offered);
    }
}
