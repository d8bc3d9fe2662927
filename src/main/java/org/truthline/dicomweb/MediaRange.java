package org.truthline.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One media range of an Accept header. Parsing is lenient on purpose: parameter values may be quoted or not, and
 * an unquoted value may contain {@code /}, as in {@code multipart/related; type=application/octet-stream}, which
 * dicomweb-client (used by OHIF) sends when configured to omit the quotes. Spring's parser rejects that form.
 *
 * @param type the type in lower case, {@code *} for any
 * @param subtype the subtype in lower case, {@code *} for any
 * @param parameters the parameters without {@code q}, names in lower case, values unquoted
 */
record MediaRange(String type, String subtype, Map<String, String> parameters, double quality, String text) {

    static final MediaRange ANY = new MediaRange("*", "*", Map.of(), 1.0, "*/*");

    /**
     * Parses an Accept header into its media ranges, highest quality first and otherwise in header order. Ranges
     * with q=0 are kept, last, because they exclude what they match (RFC 9110 section 12.4.2): see
     * {@link #excluded(List, MediaRange, String)}. An absent or blank header accepts anything.
     *
     * @throws IllegalArgumentException when an entry is not of the form type/subtype, or a quality is not a number
     *     from 0 to 1
     */
    static List<MediaRange> parseAccept(String header) {
        if (header == null || header.isBlank()) {
            return List.of(ANY);
        }
        List<MediaRange> ranges = new ArrayList<>();
        for (String entry : split(header, ',')) {
            if (entry.isBlank()) {
                continue;
            }
            ranges.add(parse(entry.strip()));
        }
        if (ranges.isEmpty()) {
            return List.of(ANY);
        }
        ranges.sort(Comparator.comparingDouble((MediaRange range) -> range.quality()).reversed());
        return List.copyOf(ranges);
    }

    private static MediaRange parse(String entry) {
        List<String> pieces = split(entry, ';');
        String fullType = pieces.get(0).strip().toLowerCase(Locale.ROOT);
        int slash = fullType.indexOf('/');
        if (slash <= 0 || slash == fullType.length() - 1 || fullType.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("Accept entry '" + entry + "' is not a media type of the form"
                    + " type/subtype, for example multipart/related; type=\"application/dicom\"");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        double quality = 1.0;
        for (String piece : pieces.subList(1, pieces.size())) {
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = piece.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = unquote(piece.substring(equals + 1).strip());
            if (name.equals("q")) {
                quality = parseQuality(value, entry);
            } else {
                parameters.put(name, value);
            }
        }
        return new MediaRange(fullType.substring(0, slash), fullType.substring(slash + 1), Map.copyOf(parameters),
                quality, entry);
    }

    /**
     * Returns true when a q=0 range excludes {@code offered}, a concrete media type such as {@code image/png} or
     * {@code multipart/related; type="application/dicom"; transfer-syntax=1.2.840.10008.1.2.1} that the server
     * chose for the accepted range {@code acceptedBy}. An exclusion counts when it matches the offered type and is at
     * least as specific as {@code acceptedBy}, because the most specific range decides (RFC 9110 section 12.5.1).
     * So {@code image/png;q=0, image/*} excludes PNG but not JPEG, and {@code image/*;q=0, image/jpeg} accepts JPEG.
     */
    static boolean excluded(List<MediaRange> ranges, MediaRange acceptedBy, String offered) {
        MediaRange candidate = parse(offered);
        return ranges.stream().anyMatch(range -> range.isExclusion() && range.matches(candidate)
                && range.specificity() >= acceptedBy.specificity());
    }

    /** Returns true for a range with q=0, which marks what the client does not accept. */
    boolean isExclusion() {
        return quality == 0;
    }

    /**
     * Returns true when this range covers the concrete media type {@code offered}: same type and subtype or a
     * wildcard, and every parameter of this range present in {@code offered} with an equal value. A parameter
     * value of {@code *} or {@code *}{@code /*}, as in {@code transfer-syntax=*}, matches any value.
     */
    private boolean matches(MediaRange offered) {
        if (!isAny() && !type.equals(offered.type())) {
            return false;
        }
        if (!subtype.equals("*") && !subtype.equals(offered.subtype())) {
            return false;
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String offeredValue = offered.parameters().get(parameter.getKey());
            String value = parameter.getValue();
            boolean wildcard = value.equals("*") || value.equals("*/*");
            if (offeredValue == null || !(wildcard || canonical(value).equalsIgnoreCase(canonical(offeredValue)))) {
                return false;
            }
        }
        return true;
    }

    /** Earlier editions of PS3.18 named the RLE media type image/x-dicom-rle, and some clients still use it. */
    private static String canonical(String value) {
        return value.equalsIgnoreCase("image/x-dicom-rle") ? "image/dicom-rle" : value;
    }

    /** Orders ranges from {@code *}{@code /*} (0) over {@code type/*} (1) to type/subtype with parameters (2 + count). */
    private int specificity() {
        if (isAny()) {
            return 0;
        }
        return subtype.equals("*") ? 1 : 2 + parameters.size();
    }

    boolean isAny() {
        return type.equals("*");
    }

    boolean is(String expectedType, String expectedSubtype) {
        return type.equals(expectedType) && subtype.equals(expectedSubtype);
    }

    /** Returns true for multipart/related and multipart/*, the wrappers DICOMweb responses use. */
    boolean isMultipartRelated() {
        return type.equals("multipart") && (subtype.equals("related") || subtype.equals("*"));
    }

    /** Returns the {@code type} parameter of a multipart range in lower case, or null when absent. */
    String partType() {
        String partType = parameters.get("type");
        return partType == null ? null : partType.toLowerCase(Locale.ROOT);
    }

    /** Returns the {@code transfer-syntax} parameter, or null when absent. */
    String transferSyntax() {
        return parameters.get("transfer-syntax");
    }

    private static double parseQuality(String value, String entry) {
        try {
            double quality = Double.parseDouble(value);
            if (quality >= 0 && quality <= 1) {
                return quality;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Accept entry '" + entry + "' has quality q=" + value
                + "; give a number from 0 to 1");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Splits at the delimiter outside double quotes. */
    private static List<String> split(String text, char delimiter) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == delimiter && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
