package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnknownAttribute;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link BasicProfile} to an attribute list in place: every sequence item at every depth, private
 * attributes removed unless declared safe, UIDs replaced through the project's {@link UidRemapper} except the
 * well-known ones under 1.2.840.10008. With the Clean Structured Content Option, items inside
 * {@link StructuredContent#SEQUENCES} are cleaned by {@link StructuredContent}'s tables instead.
 */
final class Deidentifier {

    static final String PROFILE = "PS3.15 Annex E Basic Application Level Confidentiality Profile";
    static final String OPTION_MODIFIED_DATES = "Retain Longitudinal Temporal Information with Modified Dates";
    static final String OPTION_PATIENT_CHARACTERISTICS = "Retain Patient Characteristics";
    static final String OPTION_CLEAN_DESCRIPTORS = "Clean Descriptors";
    static final String OPTION_CLEAN_STRUCTURED_CONTENT = "Clean Structured Content";

    private static final Logger log = LoggerFactory.getLogger(Deidentifier.class);
    private static final DateTimeFormatter DICOM_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A private attribute that may be kept: its private creator, group and element offset in the block. */
    record SafePrivateAttribute(String creator, int group, int elementOffset) {
    }

    /**
     * Position of an attribute list: inside a structured content sequence or not, whether it is a content item
     * whose patient value the profile removes (see {@link StructuredContent#PATIENT_CONCEPTS}), and whether it lies
     * inside a sequence whose action is D, where every free-text value gets a dummy.
     */
    private record Scope(boolean structuredContent, boolean patientValue, boolean dummyText) {

        static final Scope HEADER = new Scope(false, false, false);

        static Scope contentItem(AttributeList item, DeidentificationOptions options) {
            return new Scope(true, StructuredContent.removesPatientValue(item, options), false);
        }

        Scope withDummyText() {
            return new Scope(structuredContent, patientValue, true);
        }
    }

    /**
     * Attributes marked Z/D in the profile that the Multi-frame Functional Groups module makes Type 1 (PS3.3
     * C.7.6.16), so a zero-length value would make the copy invalid.
     */
    private static final Set<AttributeTag> TYPE_1_IN_FUNCTIONAL_GROUPS =
            Set.of(TagFromName.ContentDate, TagFromName.ContentTime);

    /**
     * Storage SOP classes whose IODs include the Multi-frame Functional Groups module, for objects that lack its
     * sequences: enhanced and legacy converted CT, MR and PET, MR spectroscopy, enhanced US volume, enhanced XA and
     * XRF, 3D X-ray, breast tomosynthesis and projection, intravascular and ophthalmic OCT, parametric map,
     * segmentation and whole slide microscopy.
     */
    private static final Set<String> FUNCTIONAL_GROUPS_SOP_CLASSES = Set.of("1.2.840.10008.5.1.4.1.1.2.1",
            "1.2.840.10008.5.1.4.1.1.2.2", "1.2.840.10008.5.1.4.1.1.4.1", "1.2.840.10008.5.1.4.1.1.4.2",
            "1.2.840.10008.5.1.4.1.1.4.3", "1.2.840.10008.5.1.4.1.1.4.4", "1.2.840.10008.5.1.4.1.1.6.2",
            "1.2.840.10008.5.1.4.1.1.12.1.1", "1.2.840.10008.5.1.4.1.1.12.2.1", "1.2.840.10008.5.1.4.1.1.13.1.1",
            "1.2.840.10008.5.1.4.1.1.13.1.2", "1.2.840.10008.5.1.4.1.1.13.1.3", "1.2.840.10008.5.1.4.1.1.13.1.4",
            "1.2.840.10008.5.1.4.1.1.13.1.5", "1.2.840.10008.5.1.4.1.1.14.1", "1.2.840.10008.5.1.4.1.1.14.2",
            "1.2.840.10008.5.1.4.1.1.30", "1.2.840.10008.5.1.4.1.1.66.4", "1.2.840.10008.5.1.4.1.1.77.1.5.4",
            "1.2.840.10008.5.1.4.1.1.77.1.6", "1.2.840.10008.5.1.4.1.1.128.1", "1.2.840.10008.5.1.4.1.1.130",
            "1.2.840.10008.5.1.4.1.1.128.2");

    /** Value representations of free text, which can hold any identifying words a user typed. */
    private static final Set<String> FREE_TEXT_VRS = Set.of("LO", "SH", "ST", "LT", "UT", "UC", "PN");

    /** Counts of what one run changed. */
    static final class Counts {
        int removed;
        int replaced;
        int privateRemoved;
        int uidsRemapped;
        /** Cleans values with action C; set when the Clean Descriptors Option is chosen. */
        DescriptorCleaner descriptors;
        /**
         * Whether the object has the Multi-frame Functional Groups module, whose Content Date and Time are Type 1,
         * so their Z/D resolves to D.
         */
        boolean functionalGroups;
    }

    private final Set<SafePrivateAttribute> safePrivateAttributes;

    Deidentifier(Set<SafePrivateAttribute> safePrivateAttributes) {
        this.safePrivateAttributes = Set.copyOf(safePrivateAttributes);
    }

    /** De-identifies a full data set (File Meta already removed) and adds the de-identification attributes. */
    Counts apply(AttributeList dataSet, UidRemapper uids, DeidentificationOptions options) throws DicomException {
        Counts counts = new Counts();
        if (options.cleanDescriptors()) {
            // Collected before cleaning starts, which removes the values to look for.
            counts.descriptors = DescriptorCleaner.of(dataSet);
        }
        counts.functionalGroups = dataSet.get(TagFromName.SharedFunctionalGroupsSequence) != null
                || dataSet.get(TagFromName.PerFrameFunctionalGroupsSequence) != null
                || FUNCTIONAL_GROUPS_SOP_CLASSES.contains(
                        Attribute.getSingleStringValueOrEmptyString(dataSet, TagFromName.SOPClassUID).trim());
        String pseudonym = pseudonym(dataSet, uids);
        clean(dataSet, uids, options, counts, Scope.HEADER);
        replaceValue(dataSet, TagFromName.PatientName, "ANONYMOUS^" + pseudonym);
        replaceValue(dataSet, TagFromName.PatientID, pseudonym);
        markDeidentified(dataSet, options);
        return counts;
    }

    static List<String> optionNames(DeidentificationOptions options) {
        List<String> names = new ArrayList<>();
        if (options.retainLongitudinalTemporalInformationModifiedDates()) {
            names.add(OPTION_MODIFIED_DATES);
        }
        if (options.retainPatientCharacteristics()) {
            names.add(OPTION_PATIENT_CHARACTERISTICS);
        }
        if (options.cleanDescriptors()) {
            names.add(OPTION_CLEAN_DESCRIPTORS);
        }
        if (options.cleanStructuredContent()) {
            names.add(OPTION_CLEAN_STRUCTURED_CONTENT);
        }
        return List.copyOf(names);
    }

    private void clean(AttributeList list, UidRemapper uids, DeidentificationOptions options, Counts counts,
            Scope scope) throws DicomException {
        for (AttributeTag tag : new ArrayList<>(list.keySet())) {
            Attribute attribute = list.get(tag);
            if (tag.getElement() == 0) {
                list.remove(tag);
            } else if (tag.isPrivate()) {
                if (!isSafePrivate(list, tag)) {
                    list.remove(tag);
                    counts.privateRemoved++;
                }
            } else if (isRemovedRepeatingGroup(tag)) {
                list.remove(tag);
                counts.removed++;
            } else {
                if (attribute instanceof UnknownAttribute unknown && isSequenceInDictionary(tag)) {
                    attribute = parseUnknownSequence(tag, unknown);
                    if (attribute == null) {
                        list.remove(tag);
                        counts.removed++;
                        continue;
                    }
                    list.put(attribute);
                }
                cleanAttribute(list, attribute, uids, options, counts, scope);
            }
        }
    }

    private void cleanAttribute(AttributeList list, Attribute attribute, UidRemapper uids,
            DeidentificationOptions options, Counts counts, Scope scope) throws DicomException {
        AttributeTag tag = attribute.getTag();
        byte[] vr = attribute.getVR();
        if (scope.patientValue() && StructuredContent.PATIENT_VALUE_ACTIONS.containsKey(tag)) {
            // Checked before the date shift: a shifted birth date would still give the patient's age.
            applyAction(list, attribute, StructuredContent.PATIENT_VALUE_ACTIONS.get(tag), uids, counts);
            return;
        }
        BasicProfile.Action action = scope.structuredContent()
                ? StructuredContent.actionFor(tag, vr, options)
                : BasicProfile.actionFor(tag, options);
        if (action == BasicProfile.Action.Z && counts.functionalGroups && TYPE_1_IN_FUNCTIONAL_GROUPS.contains(tag)) {
            action = BasicProfile.Action.D;
        }

        if (options.retainLongitudinalTemporalInformationModifiedDates() && !tag.equals(TagFromName.PatientBirthDate)
                && (ValueRepresentation.isDateVR(vr) || ValueRepresentation.isDateTimeVR(vr)
                        || ValueRepresentation.isTimeVR(vr))) {
            if (shiftDates(attribute, options.dateShiftDays())) {
                counts.replaced++;
            }
            return;
        }
        if (attribute instanceof SequenceAttribute sequence
                && action != BasicProfile.Action.X && action != BasicProfile.Action.Z) {
            boolean structuredContent = scope.structuredContent() || opensStructuredContent(tag, options);
            // D on a sequence (Graphic Annotation Sequence, for one) keeps the items' structure, so text typed into
            // them, such as Unformatted Text Value, gets a dummy like any D value.
            boolean dummyText = scope.dummyText() || action == BasicProfile.Action.D;
            for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                AttributeList item = sequence.getItem(i).getAttributeList();
                Scope itemScope = structuredContent ? Scope.contentItem(item, options) : Scope.HEADER;
                clean(item, uids, options, counts, dummyText ? itemScope.withDummyText() : itemScope);
            }
            return;
        }
        if (scope.dummyText() && attribute.getVM() > 0 && (action == null || action == BasicProfile.Action.K
                || action == BasicProfile.Action.C) && FREE_TEXT_VRS.contains(ValueRepresentation.getAsString(vr))) {
            action = BasicProfile.Action.D;
        }
        if (action != null) {
            applyAction(list, attribute, action, uids, counts);
        }
    }

    private static boolean opensStructuredContent(AttributeTag tag, DeidentificationOptions options) {
        return options.cleanStructuredContent() && StructuredContent.SEQUENCES.contains(tag);
    }

    /**
     * Applies a resolved action. K keeps the value, and C cleans free text with the run's
     * {@link DescriptorCleaner}.
     */
    private static void applyAction(AttributeList list, Attribute attribute, BasicProfile.Action action,
            UidRemapper uids, Counts counts) throws DicomException {
        AttributeTag tag = attribute.getTag();
        byte[] vr = attribute.getVR();
        switch (action) {
            case X -> {
                list.remove(tag);
                counts.removed++;
            }
            case Z -> {
                if (attribute instanceof SequenceAttribute) {
                    list.put(new SequenceAttribute(tag));
                    counts.replaced++;
                } else if (attribute.getVM() > 0) {
                    attribute.removeValues();
                    counts.replaced++;
                }
            }
            case D -> {
                if (ValueRepresentation.isUniqueIdentifierVR(vr)) {
                    counts.uidsRemapped += remapUids(attribute, uids);
                } else if (attribute instanceof UnknownAttribute unknown) {
                    // PixelMed sets a UN value from bytes only. This covers Selector UN Value and any attribute that
                    // a writer encoded as UN.
                    unknown.setValues(dummyValue(vr).getBytes(StandardCharsets.US_ASCII));
                    counts.replaced++;
                } else if (!(attribute instanceof SequenceAttribute)) {
                    attribute.removeValues();
                    attribute.addValue(dummyValue(vr));
                    counts.replaced++;
                }
            }
            case U -> counts.uidsRemapped += remapUids(attribute, uids);
            case C -> {
                if (counts.descriptors != null && FREE_TEXT_VRS.contains(ValueRepresentation.getAsString(vr))
                        && counts.descriptors.clean(attribute)) {
                    counts.replaced++;
                }
            }
            default -> {
                // K keeps the value.
            }
        }
    }

    private boolean isSafePrivate(AttributeList list, AttributeTag tag) {
        if (safePrivateAttributes.isEmpty()) {
            return false;
        }
        int element = tag.getElement();
        if (element >= 0x0010 && element <= 0x00FF) {
            String creator = Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
            return safePrivateAttributes.stream()
                    .anyMatch(safe -> safe.group() == tag.getGroup() && safe.creator().equals(creator));
        }
        String creator = list.getPrivateCreatorString(tag);
        return creator != null && safePrivateAttributes.contains(
                new SafePrivateAttribute(creator.trim(), tag.getGroup(), element & 0xFF));
    }

    /** Curve groups (50xx) and overlay data and comments (60xx,3000 and 60xx,4000) are removed by the profile. */
    private static boolean isRemovedRepeatingGroup(AttributeTag tag) {
        int group = tag.getGroup();
        if (group >= 0x5000 && group <= 0x50FF) {
            return true;
        }
        return group >= 0x6000 && group <= 0x60FF && (tag.getElement() == 0x3000 || tag.getElement() == 0x4000);
    }

    private static boolean isSequenceInDictionary(AttributeTag tag) {
        byte[] vr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
        return vr != null && ValueRepresentation.isSequenceVR(vr);
    }

    /**
     * Parses a standard sequence that arrived with VR UN, whose value is implicit VR little endian by definition,
     * so its items can be cleaned. Returns null when the bytes are not a valid sequence; the caller then removes
     * the attribute, because its content cannot be checked.
     */
    private static Attribute parseUnknownSequence(AttributeTag tag, UnknownAttribute unknown) {
        byte[] value = unknown.getByteValues();
        ByteBuffer element = ByteBuffer.allocate(8 + value.length).order(ByteOrder.LITTLE_ENDIAN);
        element.putShort((short) tag.getGroup()).putShort((short) tag.getElement()).putInt(value.length).put(value);
        AttributeList parsed = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(element.array()),
                TransferSyntax.ImplicitVRLittleEndian, false)) {
            parsed.read(in);
        } catch (IOException | DicomException e) {
            log.warn("Sequence {} encoded as UN cannot be parsed ({}); removed", tag, e.getMessage());
            return null;
        }
        Attribute sequence = parsed.get(tag);
        return sequence instanceof SequenceAttribute ? sequence : null;
    }

    private static int remapUids(Attribute attribute, UidRemapper uids) throws DicomException {
        String[] values = attribute.getStringValues();
        if (values == null || values.length == 0) {
            return 0;
        }
        int remapped = 0;
        attribute.removeValues();
        for (String value : values) {
            String uid = value.trim();
            if (uid.isEmpty() || uid.startsWith(TransferSyntaxes.WELL_KNOWN_UID_ROOT)) {
                attribute.addValue(uid);
            } else {
                attribute.addValue(uids.remap(uid));
                remapped++;
            }
        }
        return remapped;
    }

    private static String dummyValue(byte[] vr) {
        if (ValueRepresentation.isPersonNameVR(vr)) {
            return "ANONYMOUS";
        } else if (ValueRepresentation.isDateVR(vr)) {
            return "19000101";
        } else if (ValueRepresentation.isTimeVR(vr)) {
            return "000000";
        } else if (ValueRepresentation.isDateTimeVR(vr)) {
            return "19000101000000";
        } else if (ValueRepresentation.isAgeStringVR(vr)) {
            return "000Y";
        } else if (ValueRepresentation.isIntegerStringVR(vr) || ValueRepresentation.isDecimalStringVR(vr)) {
            return "0";
        }
        return "ANONYMIZED";
    }

    /**
     * Shifts every DA value and the date part of every DT value by whole days; TM values are kept. Returns true
     * when a value changed. A value that is not a valid date is emptied, because it cannot be shifted.
     */
    private static boolean shiftDates(Attribute attribute, int days) throws DicomException {
        byte[] vr = attribute.getVR();
        if (ValueRepresentation.isTimeVR(vr) || days == 0 || attribute.getVM() == 0) {
            return false;
        }
        String[] values = attribute.getStringValues();
        attribute.removeValues();
        for (String value : values) {
            String trimmed = value.trim();
            if (trimmed.length() < 8) {
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(trimmed.substring(0, 8), DICOM_DATE).plusDays(days);
                attribute.addValue(date.format(DICOM_DATE) + trimmed.substring(8));
            } catch (DateTimeParseException e) {
                log.warn("Value of {} is not a DICOM date and was emptied instead of shifted", attribute.getTag());
            }
        }
        return true;
    }

    /**
     * Returns the pseudonym for the data set's Patient ID: a hash of the project's replacement for a synthetic
     * UID derived from the original ID, so one project maps one Patient ID to one pseudonym. A data set
     * without Patient ID is keyed by Patient Name and Birth Date instead, so unrelated patients stay apart.
     */
    private static String pseudonym(AttributeList dataSet, UidRemapper uids) {
        String patientId = Attribute.getSingleStringValueOrEmptyString(dataSet, TagFromName.PatientID).trim();
        String key = patientId.isEmpty()
                ? "name:" + Attribute.getSingleStringValueOrEmptyString(dataSet, TagFromName.PatientName).trim()
                        + "|" + Attribute.getSingleStringValueOrEmptyString(dataSet, TagFromName.PatientBirthDate).trim()
                : "id:" + patientId;
        byte[] keyHash = sha256(key);
        String syntheticUid = "2.25." + new BigInteger(1, java.util.Arrays.copyOf(keyHash, 16));
        String replacement = uids.remap(syntheticUid);
        return "TL" + HexFormat.of().withUpperCase().formatHex(sha256(replacement), 0, 6);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void replaceValue(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = list.get(tag);
        if (attribute == null) {
            attribute = list.putNewAttribute(tag);
        }
        attribute.removeValues();
        attribute.addValue(value);
    }

    private static void markDeidentified(AttributeList dataSet, DeidentificationOptions options)
            throws DicomException {
        replaceValue(dataSet, TagFromName.PatientIdentityRemoved, "YES");
        // De-identification Method is LO (64 characters) with VM 1-n: the profile, then one value per option.
        Attribute method = new LongStringAttribute(TagFromName.DeidentificationMethod);
        method.addValue(PROFILE);
        for (String option : optionNames(options)) {
            method.addValue(option);
        }
        dataSet.put(method);

        SequenceAttribute methods = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        methods.addItem(code("113100", "Basic Application Confidentiality Profile"));
        if (options.retainLongitudinalTemporalInformationModifiedDates()) {
            methods.addItem(code("113107", "Retain Longitudinal Temporal Information Modified Dates Option"));
        }
        if (options.retainPatientCharacteristics()) {
            methods.addItem(code("113108", "Retain Patient Characteristics Option"));
        }
        if (options.cleanDescriptors()) {
            methods.addItem(code("113105", "Clean Descriptors Option"));
        }
        if (options.cleanStructuredContent()) {
            methods.addItem(code("113104", "Clean Structured Content Option"));
        }
        dataSet.put(methods);

        String temporal;
        if (!options.retainLongitudinalTemporalInformationModifiedDates()) {
            temporal = "REMOVED";
        } else {
            temporal = options.dateShiftDays() == 0 ? "UNMODIFIED" : "MODIFIED";
        }
        replaceValue(dataSet, TagFromName.LongitudinalTemporalInformationModified, temporal);
    }

    private static AttributeList code(String value, String meaning) throws DicomException {
        return new CodedSequenceItem(value, "DCM", meaning).getAttributeList();
    }
}
