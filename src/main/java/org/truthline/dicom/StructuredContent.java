package org.truthline.dicom;

import static java.util.Map.entry;
import static org.truthline.dicom.BasicProfile.Action.D;
import static org.truthline.dicom.BasicProfile.Action.K;
import static org.truthline.dicom.BasicProfile.Action.U;
import static org.truthline.dicom.BasicProfile.Action.X;
import static org.truthline.dicom.BasicProfile.Action.Z;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;
import java.util.Map;
import java.util.Set;
import org.truthline.dicom.BasicProfile.Action;

/**
 * The Clean Structured Content Option of PS3.15 Annex E (section E.3.4). Without it the Basic Profile removes
 * Content Sequence, so an SR loses its whole content tree. With it, the sequences in {@link #SEQUENCES} are kept
 * and every content item in them, at every depth, is cleaned by these tables: the tree, its relationships and
 * concept names, and its coded, numeric, spatial and temporal coordinates stay; the values that may identify a
 * person or a date are replaced; UIDs go through the project remapper, so references to images still resolve.
 *
 * <p>Content items keep their value attribute, because the value type requires it (PS3.3 C.17.3), and no item is
 * removed, because by-reference relationships address items by their position in the tree.
 */
final class StructuredContent {

    /** The Table E.1-1 attributes whose action is C under this option: kept, and cleaned item by item. */
    static final Set<AttributeTag> SEQUENCES = Set.of(
            TagFromName.ContentSequence,
            TagFromName.AcquisitionContextSequence,
            Keywords.tag("SpecimenPreparationSequence"));

    /**
     * Actions for the attributes that carry a content item's value, named by the value type that uses them. These
     * take precedence over {@link BasicProfile#ACTIONS} inside structured content. A value the value type requires
     * gets a dummy (D) instead of being removed, so the item stays valid. With retained modified dates, DA and DT
     * values are shifted instead and TM values kept, as everywhere else.
     *
     * <p>CONTAINER, CODE, NUM, SCOORD, SCOORD3D and TCOORD values have no entry: concept codes, measurements,
     * graphic data and sample positions are kept.
     */
    static final Map<AttributeTag, Action> CONTENT_ITEM_ACTIONS = Map.ofEntries(
            // TEXT: free text may name anyone, so every value is replaced, observer and subject context included.
            entry(TagFromName.TextValue, D),
            // PNAME: Person Observer Name, Subject Name and other names.
            entry(TagFromName.PersonName, D),
            // DATE, TIME, DATETIME.
            entry(TagFromName.Date, D),
            entry(TagFromName.Time, D),
            entry(TagFromName.DateTime, D),
            // TCOORD with a DATETIME range.
            entry(TagFromName.ReferencedDateTime, D),
            // Any item. It may be removed, because the item then takes the observation date and time of its parent.
            entry(TagFromName.ObservationDateTime, X),
            // UIDREF: Device Observer UID, Study Instance UID, tracking UIDs and others.
            entry(TagFromName.UID, U),
            // Any item.
            entry(TagFromName.ObservationUID, U),
            // IMAGE, COMPOSITE and WAVEFORM: the Referenced SOP Sequence is kept, its Referenced SOP Instance UID
            // remapped like the referenced object's own SOP Instance UID.
            entry(TagFromName.ReferencedSOPInstanceUID, U),
            // SCOORD3D.
            entry(TagFromName.ReferencedFrameOfReferenceUID, U),
            // SCOORD and SCOORD3D.
            entry(TagFromName.FiducialUID, U));

    /**
     * Concept names, as "scheme:value", of the content items that carry a patient attribute (TID 1007 "Subject
     * Context, Patient"). Such an item's value follows that attribute: kept where an option keeps the attribute,
     * otherwise cleaned by {@link #PATIENT_VALUE_ACTIONS} and never date-shifted, as Patient's Birth Date is not.
     *
     * <p>NOTE: Subject Sex (DCM 121032) is a CODE item, which has no valid empty or dummy value, so its coded value
     * is kept even though the profile empties Patient's Sex.
     */
    static final Map<String, AttributeTag> PATIENT_CONCEPTS = Map.of(
            "DCM:121029", TagFromName.PatientName,
            "DCM:121030", TagFromName.PatientID,
            "DCM:121031", TagFromName.PatientBirthDate,
            "DCM:121033", TagFromName.PatientAge);

    /**
     * Actions for the value of a {@link #PATIENT_CONCEPTS} item that the profile does not keep. A NUM item keeps an
     * empty Measured Value Sequence, which the numeric measurement macro allows.
     */
    static final Map<AttributeTag, Action> PATIENT_VALUE_ACTIONS = Map.of(
            TagFromName.TextValue, D,
            TagFromName.PersonName, D,
            TagFromName.Date, D,
            TagFromName.Time, D,
            TagFromName.DateTime, D,
            TagFromName.MeasuredValueSequence, Z);

    private StructuredContent() {
    }

    /**
     * Returns the action for an attribute inside structured content, or null to keep it. Attributes listed in
     * neither table follow their VR: other UIDs are replaced and other dates and times removed, so a value in an
     * unexpected attribute does not pass unchanged.
     */
    static Action actionFor(AttributeTag tag, byte[] vr, DeidentificationOptions options) {
        Action action = CONTENT_ITEM_ACTIONS.get(tag);
        if (action == null) {
            action = BasicProfile.actionFor(tag, options);
        }
        if (action != null) {
            return action;
        }
        if (ValueRepresentation.isUniqueIdentifierVR(vr)) {
            return U;
        }
        if (ValueRepresentation.isDateVR(vr) || ValueRepresentation.isDateTimeVR(vr)
                || ValueRepresentation.isTimeVR(vr)) {
            return X;
        }
        return null;
    }

    /** Returns true when the item's concept name carries a patient attribute that the options do not keep. */
    static boolean removesPatientValue(AttributeList item, DeidentificationOptions options) {
        if (!(item.get(TagFromName.ConceptNameCodeSequence) instanceof SequenceAttribute conceptName)
                || conceptName.getNumberOfItems() == 0) {
            return false;
        }
        AttributeList code = conceptName.getItem(0).getAttributeList();
        String concept = Attribute.getSingleStringValueOrEmptyString(code, TagFromName.CodingSchemeDesignator).trim()
                + ":" + Attribute.getSingleStringValueOrEmptyString(code, TagFromName.CodeValue).trim();
        AttributeTag patientAttribute = PATIENT_CONCEPTS.get(concept);
        return patientAttribute != null && BasicProfile.actionFor(patientAttribute, options) != K;
    }
}
