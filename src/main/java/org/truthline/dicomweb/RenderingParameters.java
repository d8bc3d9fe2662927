package org.truthline.dicomweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.truthline.dicom.VoiLutFunction;
import org.truthline.dicom.WindowSetting;

/**
 * The query parameters of a rendered resource (PS3.18 8.3.5.1) that Truthline applies: {@code window} and, for
 * JPEG, {@code quality}. Every other parameter is listed as ignored.
 *
 * @param window the requested window, or null for the image's own
 * @param quality JPEG quality from 1 to 100
 * @param ignored names of parameters given but not applied
 */
record RenderingParameters(WindowSetting window, int quality, List<String> ignored) {

    static final int DEFAULT_QUALITY = 90;

    private static final Set<String> APPLIED = Set.of("window", "quality");

    /**
     * Parses the query parameters.
     *
     * @throws DicomwebException with 400 when {@code window} or {@code quality} is invalid
     */
    static RenderingParameters parse(Map<String, String> query) {
        WindowSetting window = query.containsKey("window") ? window(query.get("window")) : null;
        int quality = query.containsKey("quality") ? quality(query.get("quality")) : DEFAULT_QUALITY;
        List<String> ignored = new ArrayList<>();
        for (String name : query.keySet()) {
            if (!APPLIED.contains(name)) {
                ignored.add(name);
            }
        }
        return new RenderingParameters(window, quality, List.copyOf(ignored));
    }

    /**
     * Parses {@code center,width[,function]}. The function is linear, linear-exact or sigmoid, and linear when left
     * out. LINEAR needs a width of at least 1, the other functions a width above 0.
     */
    static WindowSetting window(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw invalidWindow(value, "it has " + parts.length + " comma-separated value(s), not 2 or 3");
        }
        double center = number(parts[0], value, "center");
        double width = number(parts[1], value, "width");
        VoiLutFunction function = parts.length == 3 ? function(parts[2], value) : VoiLutFunction.LINEAR;
        double minimum = function == VoiLutFunction.LINEAR ? 1 : Double.MIN_VALUE;
        if (width < minimum) {
            throw invalidWindow(value, "width " + parts[1].strip() + " is below "
                    + (function == VoiLutFunction.LINEAR ? "1, the smallest width of the linear function"
                    : "or equal to 0"));
        }
        return new WindowSetting(center, width, null, function);
    }

    private static VoiLutFunction function(String text, String value) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return VoiLutFunction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalidWindow(value, "'" + text.strip() + "' is not a VOI LUT function");
        }
    }

    private static double number(String text, String value, String name) {
        try {
            double number = Double.parseDouble(text.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalidWindow(value, name + " '" + text.strip() + "' is not a decimal number");
    }

    private static DicomwebException invalidWindow(String value, String reason) {
        return DicomwebException.badRequest("Query parameter window '" + value + "' is invalid: " + reason
                + ". Give center,width,function with function linear, linear-exact or sigmoid, for example"
                + " window=40,400,linear.");
    }

    private static int quality(String value) {
        try {
            int quality = Integer.parseInt(value.strip());
            if (quality >= 1 && quality <= 100) {
                return quality;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DicomwebException.badRequest("Query parameter quality '" + value + "' is invalid; give a whole"
                + " number from 1 to 100.");
    }
}
