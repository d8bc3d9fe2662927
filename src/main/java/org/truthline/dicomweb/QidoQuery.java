package org.truthline.dicomweb;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of one QIDO-RS search: match keys (by keyword or 8-digit hexadecimal tag),
 * {@code includefield}, {@code limit} and {@code offset}. A key given twice uses its first value. A key with an
 * empty value, such as {@code StudyInstanceUID=}, is universal matching (PS3.4 C.2.2.2.3): it filters nothing and
 * is added to {@link #includeFields()} as a return key.
 *
 * @param ignoredKeys parameters that are not supported, to be named in a warning
 */
record QidoQuery(DicomwebImages.Match match, DicomwebImages.StudyMatch studyMatch, List<String> includeFields,
        int limit, int offset, List<String> ignoredKeys) {

    /** Match keys by keyword and by tag. */
    private static final Map<String, String> MATCH_KEYS = Map.ofEntries(
            Map.entry("StudyInstanceUID", "StudyInstanceUID"), Map.entry("0020000D", "StudyInstanceUID"),
            Map.entry("SeriesInstanceUID", "SeriesInstanceUID"), Map.entry("0020000E", "SeriesInstanceUID"),
            Map.entry("SOPInstanceUID", "SOPInstanceUID"), Map.entry("00080018", "SOPInstanceUID"),
            Map.entry("Modality", "Modality"), Map.entry("00080060", "Modality"),
            Map.entry("PatientID", "PatientID"), Map.entry("00100020", "PatientID"),
            Map.entry("StudyDate", "StudyDate"), Map.entry("00080020", "StudyDate"),
            Map.entry("AccessionNumber", "AccessionNumber"), Map.entry("00080050", "AccessionNumber"),
            Map.entry("ModalitiesInStudy", "ModalitiesInStudy"), Map.entry("00080061", "ModalitiesInStudy"));

    /** Accepted without effect: matching is exact apart from the wildcards of Patient ID and Accession Number. */
    private static final Set<String> IGNORED_PARAMETERS = Set.of("fuzzymatching");

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * Parses the parameters of a search. The {@code study} and {@code series} UIDs from the path take precedence.
     *
     * @throws IllegalArgumentException when {@code limit}, {@code offset} or a Study Date key is invalid
     */
    static QidoQuery parse(MultiValueMap<String, String> parameters, String study, String series) {
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> includeFields = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        int limit = Integer.MAX_VALUE;
        int offset = 0;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue().isEmpty() || parameter.getValue().get(0) == null ? ""
                    : parameter.getValue().get(0);
            String key = MATCH_KEYS.get(name.matches("[0-9a-fA-F]{8}") ? name.toUpperCase(Locale.ROOT) : name);
            if (name.equals("limit")) {
                limit = nonNegative(name, value);
            } else if (name.equals("offset")) {
                offset = nonNegative(name, value);
            } else if (name.equals("includefield")) {
                // PS3.18 allows both a repeated parameter and a comma-separated list.
                parameter.getValue().forEach(fields -> includeFields.addAll(values(fields)));
            } else if (key != null) {
                keys.put(key, value);
            } else if (!IGNORED_PARAMETERS.contains(name)) {
                ignored.add(name);
            }
        }
        DicomwebImages.Match match = new DicomwebImages.Match(
                study != null ? study : emptyToNull(keys.get("StudyInstanceUID")),
                series != null ? series : emptyToNull(keys.get("SeriesInstanceUID")),
                emptyToNull(keys.get("SOPInstanceUID")), emptyToNull(keys.get("Modality")));
        DicomwebImages.StudyMatch studyMatch = new DicomwebImages.StudyMatch(emptyToNull(keys.get("PatientID")),
                emptyToNull(keys.get("AccessionNumber")), dateRange(keys.get("StudyDate")),
                new LinkedHashSet<>(values(keys.getOrDefault("ModalitiesInStudy", ""))));
        // Universal matching (PS3.4 C.2.2.2.3): an empty key matches every entity and requests the attribute in
        // the results.
        keys.forEach((key, value) -> {
            if (value.isEmpty() && !includeFields.contains(key)) {
                includeFields.add(key);
            }
        });
        return new QidoQuery(match, studyMatch, List.copyOf(includeFields), limit, offset, List.copyOf(ignored));
    }

    /**
     * Parses a DA match key: one date, or a range {@code YYYYMMDD-YYYYMMDD} whose start or end may be left out.
     * An empty key matches every study and returns null.
     */
    static DicomwebImages.DateRange dateRange(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String value = key.strip();
        int dash = value.indexOf('-');
        if (dash < 0) {
            String date = date(key, value);
            return new DicomwebImages.DateRange(date, date);
        }
        String from = value.substring(0, dash).strip();
        String to = value.substring(dash + 1).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw invalidDate(key);
        }
        return new DicomwebImages.DateRange(from.isEmpty() ? null : date(key, from),
                to.isEmpty() ? null : date(key, to));
    }

    private static String date(String key, String date) {
        try {
            LocalDate.parse(date, DA);
            return date;
        } catch (DateTimeParseException e) {
            throw invalidDate(key);
        }
    }

    private static IllegalArgumentException invalidDate(String key) {
        return new IllegalArgumentException("Query parameter StudyDate must be a date YYYYMMDD or a range"
                + " YYYYMMDD-YYYYMMDD with either end optional, not '" + key + "'.");
    }

    /** Splits a list of values separated by commas (PS3.18) or backslashes (DICOM), dropping empty values. */
    private static List<String> values(String list) {
        List<String> values = new ArrayList<>();
        for (String value : list.split("[,\\\\]")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int nonNegative(String name, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Query parameter " + name + " must be a whole number of at least 0, not '"
                + value + "'.");
    }
}
