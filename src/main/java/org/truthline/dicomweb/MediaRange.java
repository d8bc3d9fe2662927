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
     * Parses an Accept header into its media ranges, highest quality first and otherwise in header order, ranges
     * with q=0 left out. An absent or blank header accepts anything.
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
            MediaRange range = parse(entry.strip());
            // q=0 marks a type the client does not accept.
            if (range.quality() > 0) {
                ranges.add(range);
            }
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
