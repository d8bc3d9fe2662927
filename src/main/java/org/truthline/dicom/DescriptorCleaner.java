package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans descriptors (action C of the Clean Descriptors Option): free text such as Study Description keeps its
 * words, and loses every identifying value of its own object and everything that looks like a date or an
 * identifier number. Each removed part becomes {@value #MARK}, so a value never grows past its VR's length limit.
 *
 * <p>The identifying values are collected from the object before de-identification: the parts of every person
 * name in the header, patient and other identifiers, accession number, birth date, institution, station and
 * device serial number, at any depth.
 *
 * <p>NOTE: a name or number that appears only in free text, and nowhere in the header, is found only when it looks
 * like a date or a number of at least {@value #MIN_NUMBER_DIGITS} digits. Names of other people are not detected.
 */
final class DescriptorCleaner {

    static final String MARK = "*";
    static final int MIN_NUMBER_DIGITS = 5;

    /** Shortest header value searched for in descriptors: a shorter one would match inside ordinary words. */
    private static final int MIN_VALUE_LENGTH = 3;

    /** Attributes whose values identify the patient, a person or a place, wherever they occur. */
    private static final Set<AttributeTag> IDENTIFYING = Set.of(TagFromName.PatientID, TagFromName.OtherPatientIDs,
            TagFromName.IssuerOfPatientID, TagFromName.AccessionNumber, TagFromName.PatientBirthDate,
            TagFromName.InstitutionName, TagFromName.InstitutionAddress, TagFromName.InstitutionalDepartmentName,
            TagFromName.StationName, TagFromName.DeviceSerialNumber, TagFromName.MedicalRecordLocator,
            TagFromName.PatientTelephoneNumbers, TagFromName.PatientAddress, TagFromName.StudyID,
            TagFromName.RequestedProcedureID, Keywords.tag("ScheduledProcedureStepID"),
            TagFromName.PerformedProcedureStepID, TagFromName.AdmissionID);

    /** Dates as 8 digits, with separators in either order, or with a month name. */
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:(?:19|20)\\d{2}[-./]?(?:0?[1-9]|1[0-2])[-./]?(?:0?[1-9]|[12]\\d|3[01])"
                    + "|(?:0?[1-9]|[12]\\d|3[01])[-./](?:0?[1-9]|1[0-2])[-./](?:19|20)?\\d{2}"
                    + "|(?:0?[1-9]|[12]\\d|3[01])[ -]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                    + "[ -]?(?:19|20)?\\d{2})\\b",
            Pattern.CASE_INSENSITIVE);

    /** Runs of digits with spaces or hyphens; {@link #clean(String)} removes those long enough to be an identifier. */
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d -]*\\d)?");

    private final List<Pattern> values;

    private DescriptorCleaner(List<Pattern> values) {
        this.values = values;
    }

    /** Collects the identifying values of a data set, which must not be de-identified yet. */
    static DescriptorCleaner of(AttributeList dataSet) throws DicomException {
        Set<String> found = new LinkedHashSet<>();
        collect(dataSet, found, 0);
        List<String> sorted = new ArrayList<>(found);
        // Longer values first, so "Smith-Jones" is removed whole before "Smith".
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<Pattern> patterns = new ArrayList<>();
        for (String value : sorted) {
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return new DescriptorCleaner(List.copyOf(patterns));
    }

    private static void collect(AttributeList list, Set<String> found, int depth) throws DicomException {
        if (depth > DicomLimits.DEFAULTS.maxSequenceDepth()) {
            return;
        }
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    collect(sequence.getItem(i).getAttributeList(), found, depth + 1);
                }
            } else if (ValueRepresentation.isPersonNameVR(attribute.getVR())) {
                for (String name : nonNullValues(attribute)) {
                    for (String part : name.split("[\\^=]")) {
                        addValue(found, part);
                    }
                }
            } else if (IDENTIFYING.contains(attribute.getTag())) {
                for (String value : nonNullValues(attribute)) {
                    addValue(found, value);
                    if (ValueRepresentation.isDateVR(attribute.getVR()) && value.trim().length() == 8) {
                        String date = value.trim();
                        addValue(found, date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6));
                    }
                }
            }
        }
    }

    private static List<String> nonNullValues(Attribute attribute) throws DicomException {
        String[] values = attribute.getStringValues();
        return values == null ? List.of() : List.of(values);
    }

    private static void addValue(Set<String> found, String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.length() >= MIN_VALUE_LENGTH) {
            found.add(trimmed.toLowerCase(Locale.ROOT));
        }
    }

    /** Returns the value with identifying parts replaced by {@value #MARK}. */
    String clean(String value) {
        String cleaned = value;
        for (Pattern pattern : values) {
            cleaned = pattern.matcher(cleaned).replaceAll(MARK);
        }
        cleaned = DATE.matcher(cleaned).replaceAll(MARK);
        Matcher numbers = NUMBER.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (numbers.find()) {
            long digits = numbers.group().chars().filter(Character::isDigit).count();
            numbers.appendReplacement(out, digits >= MIN_NUMBER_DIGITS ? MARK : Matcher.quoteReplacement(numbers.group()));
        }
        numbers.appendTail(out);
        return out.toString();
    }

    /** Cleans every value of a text attribute in place. Returns true when a value changed. */
    boolean clean(Attribute attribute) throws DicomException {
        String[] values = attribute.getStringValues();
        if (values == null || values.length == 0) {
            return false;
        }
        boolean changed = false;
        String[] cleaned = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cleaned[i] = values[i] == null ? null : clean(values[i]);
            changed |= cleaned[i] != null && !cleaned[i].equals(values[i]);
        }
        if (changed) {
            attribute.removeValues();
            for (String value : cleaned) {
                attribute.addValue(value == null ? "" : value);
            }
        }
        return changed;
    }
}
