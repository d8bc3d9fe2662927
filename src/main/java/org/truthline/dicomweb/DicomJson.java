package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;
import java.util.Collection;

/**
 * Builds DICOM JSON (PS3.18 Annex F): one object per dataset, keyed by the 8-digit upper-case hex tag, each
 * attribute with its {@code vr} and, when it has a value, a {@code Value} array. Bulk data (OB, OW, OF, OD, OL,
 * OV, UN) is left out, with {@code vr} only: DICOMweb here offers no bulk data resources.
 */
final class DicomJson {

    /** Retrieve URL (0008,1190); PixelMed 20220618's dictionary has no constant for it. */
    static final AttributeTag RETRIEVE_URL = new AttributeTag(0x0008, 0x1190);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DicomJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static void putString(ObjectNode object, AttributeTag tag, String vr, String value) {
        ObjectNode attribute = object.putObject(key(tag));
        attribute.put("vr", vr);
        if (value != null && !value.isEmpty()) {
            attribute.putArray("Value").add(value);
        }
    }

    static void putStrings(ObjectNode object, AttributeTag tag, String vr, Collection<String> values) {
        ObjectNode attribute = object.putObject(key(tag));
        attribute.put("vr", vr);
        if (!values.isEmpty()) {
            ArrayNode array = attribute.putArray("Value");
            values.forEach(array::add);
        }
    }

    static void putNumber(ObjectNode object, AttributeTag tag, String vr, Integer value) {
        ObjectNode attribute = object.putObject(key(tag));
        attribute.put("vr", vr);
        if (value != null) {
            attribute.putArray("Value").add(value);
        }
    }

    /** Converts a dataset read from a file; Pixel Data and other bulk values are left out. */
    static ObjectNode fromAttributeList(AttributeList list) throws DicomException {
        ObjectNode object = NODES.objectNode();
        for (Object value : list.values()) {
            Attribute attribute = (Attribute) value;
            AttributeTag tag = attribute.getTag();
            if (tag.getGroup() == 0x0002 || tag.equals(TagFromName.PixelData)) {
                continue;
            }
            object.set(key(tag), attributeNode(attribute));
        }
        return object;
    }

    private static JsonNode attributeNode(Attribute attribute) throws DicomException {
        byte[] vr = attribute.getVR();
        ObjectNode node = NODES.objectNode();
        node.put("vr", ValueRepresentation.getAsString(vr));
        if (ValueRepresentation.isSequenceVR(vr)) {
            SequenceAttribute sequence = (SequenceAttribute) attribute;
            if (sequence.getNumberOfItems() > 0) {
                ArrayNode items = node.putArray("Value");
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    items.add(fromAttributeList(sequence.getItem(i).getAttributeList()));
                }
            }
            return node;
        }
        if (ValueRepresentation.isBase64EncodedInJSON(vr) || ValueRepresentation.isUnknownVR(vr)
                || attribute.getVM() == 0) {
            return node;
        }
        ArrayNode values = node.putArray("Value");
        if (ValueRepresentation.isPersonNameVR(vr)) {
            for (String name : attribute.getStringValues()) {
                values.addObject().put("Alphabetic", name);
            }
        } else if (ValueRepresentation.isAttributeTagVR(vr)) {
            for (long tag : attribute.getLongValues()) {
                values.add(String.format("%08X", tag));
            }
        } else if (ValueRepresentation.isNumberInJSON(vr)) {
            addNumbers(values, attribute);
        } else {
            for (String text : attribute.getStringValues()) {
                values.add(text);
            }
        }
        return node;
    }

    /** Adds numbers; an IS or DS value that is not a valid number is kept as its string, as stored. */
    private static void addNumbers(ArrayNode values, Attribute attribute) throws DicomException {
        String[] texts = attribute.getStringValues();
        boolean integer = ValueRepresentation.isIntegerNumberInJSON(attribute.getVR());
        for (String text : texts) {
            String trimmed = text == null ? "" : text.strip();
            try {
                if (integer) {
                    values.add(Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed));
                } else {
                    values.add(Double.parseDouble(trimmed));
                }
            } catch (NumberFormatException e) {
                values.add(trimmed);
            }
        }
    }

    static String key(AttributeTag tag) {
        return String.format("%04X%04X", tag.getGroup(), tag.getElement());
    }
}
