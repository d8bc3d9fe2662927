package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds SR content items with PixelMed for tests, and walks a content tree. Concepts that no rule depends on use
 * the local coding scheme {@link #LOCAL}, so each test item has a unique concept to find it by.
 */
final class TestStructuredReport {

    /** A local coding scheme designator. PS3.3 section 8.2 treats designators starting with 99 as local schemes. */
    static final String LOCAL = "99TL";

    static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String GRAYSCALE_PRESENTATION_STATE = "1.2.840.10008.5.1.4.1.1.11.1";
    static final String TWELVE_LEAD_ECG = "1.2.840.10008.5.1.4.1.1.9.1.1";

    /** One content item of a tree: its position ("1.3.2", root = "1") and its attributes. */
    record Node(String position, AttributeList attributes) {

        String valueType() {
            return Attribute.getSingleStringValueOrEmptyString(attributes, TagFromName.ValueType);
        }

        String concept() {
            return TestStructuredReport.concept(attributes, TagFromName.ConceptNameCodeSequence);
        }

        String string(AttributeTag tag) {
            return Attribute.getSingleStringValueOrEmptyString(attributes, tag);
        }

        boolean has(AttributeTag tag) {
            return attributes.get(tag) != null;
        }

        /** Returns the Referenced SOP Instance UIDs of an IMAGE, COMPOSITE or WAVEFORM item. */
        List<String> referencedInstances() {
            List<String> uids = new ArrayList<>();
            if (attributes.get(TagFromName.ReferencedSOPSequence) instanceof SequenceAttribute references) {
                for (int i = 0; i < references.getNumberOfItems(); i++) {
                    uids.add(Attribute.getSingleStringValueOrEmptyString(references.getItem(i).getAttributeList(),
                            TagFromName.ReferencedSOPInstanceUID));
                }
            }
            return uids;
        }
    }

    private TestStructuredReport() {
    }

    /** Returns every content item under the root, depth first, in document order; the root itself is "1". */
    static List<Node> contentTree(AttributeList root) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("1", root));
        collect(root, TagFromName.ContentSequence, "1", nodes);
        return nodes;
    }

    /** Returns every item of a content item sequence such as Acquisition Context Sequence, at every depth. */
    static List<Node> items(AttributeList list, AttributeTag sequence) {
        List<Node> nodes = new ArrayList<>();
        collect(list, sequence, "", nodes);
        return nodes;
    }

    private static void collect(AttributeList list, AttributeTag sequenceTag, String position, List<Node> nodes) {
        if (!(list.get(sequenceTag) instanceof SequenceAttribute sequence)) {
            return;
        }
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
            AttributeList item = sequence.getItem(i).getAttributeList();
            String itemPosition = position.isEmpty() ? String.valueOf(i + 1) : position + "." + (i + 1);
            nodes.add(new Node(itemPosition, item));
            collect(item, TagFromName.ContentSequence, itemPosition, nodes);
        }
    }

    static Node find(List<Node> nodes, String conceptCode) {
        return nodes.stream().filter(node -> node.concept().endsWith(":" + conceptCode)).findFirst()
                .orElseThrow(() -> new AssertionError("no content item with concept " + conceptCode));
    }

    /** Returns "scheme:value" of the first item of a code sequence, or "" when it has none. */
    static String concept(AttributeList list, AttributeTag codeSequence) {
        if (!(list.get(codeSequence) instanceof SequenceAttribute sequence) || sequence.getNumberOfItems() == 0) {
            return "";
        }
        AttributeList code = sequence.getItem(0).getAttributeList();
        return Attribute.getSingleStringValueOrEmptyString(code, TagFromName.CodingSchemeDesignator) + ":"
                + Attribute.getSingleStringValueOrEmptyString(code, TagFromName.CodeValue);
    }

    static AttributeList item(String relationship, String valueType, String scheme, String code, String meaning)
            throws DicomException {
        AttributeList item = new AttributeList();
        if (relationship != null) {
            put(item, TagFromName.RelationshipType, relationship);
        }
        put(item, TagFromName.ValueType, valueType);
        putCode(item, TagFromName.ConceptNameCodeSequence, scheme, code, meaning);
        return item;
    }

    static AttributeList stringItem(String relationship, String valueType, AttributeTag valueTag, String scheme,
            String code, String meaning, String value) throws DicomException {
        AttributeList item = item(relationship, valueType, scheme, code, meaning);
        put(item, valueTag, value);
        return item;
    }

    static AttributeList codeItem(String relationship, String scheme, String code, String meaning,
            String valueScheme, String valueCode, String valueMeaning) throws DicomException {
        AttributeList item = item(relationship, "CODE", scheme, code, meaning);
        putCode(item, TagFromName.ConceptCodeSequence, valueScheme, valueCode, valueMeaning);
        return item;
    }

    static AttributeList numItem(String relationship, String scheme, String code, String meaning, String value,
            String unitCode, String unitMeaning) throws DicomException {
        AttributeList item = item(relationship, "NUM", scheme, code, meaning);
        AttributeList measured = new AttributeList();
        put(measured, TagFromName.NumericValue, value);
        putCode(measured, TagFromName.MeasurementUnitsCodeSequence, "UCUM", unitCode, unitMeaning);
        SequenceAttribute sequence = new SequenceAttribute(TagFromName.MeasuredValueSequence);
        sequence.addItem(measured);
        item.put(sequence);
        return item;
    }

    static AttributeList referenceItem(String relationship, String valueType, String code, String sopClassUid,
            String sopInstanceUid) throws DicomException {
        AttributeList item = item(relationship, valueType, LOCAL, code, valueType + " reference");
        AttributeList reference = new AttributeList();
        put(reference, TagFromName.ReferencedSOPClassUID, sopClassUid);
        put(reference, TagFromName.ReferencedSOPInstanceUID, sopInstanceUid);
        SequenceAttribute sequence = new SequenceAttribute(TagFromName.ReferencedSOPSequence);
        sequence.addItem(reference);
        item.put(sequence);
        return item;
    }

    static void putGraphic(AttributeList item, String graphicType, float... points) throws DicomException {
        put(item, TagFromName.GraphicType, graphicType);
        Attribute data = item.putNewAttribute(TagFromName.GraphicData);
        for (float point : points) {
            data.addValue(point);
        }
    }

    static AttributeList withChildren(AttributeList parent, AttributeList... children) {
        SequenceAttribute content = new SequenceAttribute(TagFromName.ContentSequence);
        for (AttributeList child : children) {
            content.addItem(child);
        }
        parent.put(content);
        return parent;
    }

    static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = list.putNewAttribute(tag);
        attribute.addValue(value);
    }

    static void putCode(AttributeList list, AttributeTag tag, String scheme, String code, String meaning)
            throws DicomException {
        SequenceAttribute sequence = new SequenceAttribute(tag);
        sequence.addItem(new CodedSequenceItem(code, scheme, meaning).getAttributeList());
        list.put(sequence);
    }

    /** Writes a data set with File Meta Information in Explicit VR Little Endian. */
    static void write(AttributeList dataSet, Path file) throws DicomException, IOException {
        FileMetaInformation.addFileMetaInformation(dataSet, TransferSyntax.ExplicitVRLittleEndian, "TRUTHLINE");
        dataSet.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }
}
