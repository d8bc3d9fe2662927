package org.truthline.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixelmed.dicom.AttributeTag;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.truthline.dicom.DicomElement;

/**
 * Builds DICOM JSON (PS3.18 Annex F): one object per dataset, keyed by the 8-digit upper-case hex tag, each
 * attribute with its {@code vr} and, when it has a value, a {@code Value} array. Bulk data (Pixel Data and values
 * of the binary VRs OB, OD, OF, OL, OV, OW and UN) is given as a {@code BulkDataURI} instead of inline.
 */
final class DicomJson {

    /** Retrieve URL (0008,1190); PixelMed 20220618's dictionary has no constant for it. */
    static final AttributeTag RETRIEVE_URL = new AttributeTag(0x0008, 0x1190);

    /** Instance Availability (0008,0056); PixelMed 20220618's dictionary has no constant for it. */
    static final AttributeTag INSTANCE_AVAILABILITY = new AttributeTag(0x0008, 0x0056);

    /** VRs whose values DICOM JSON writes as JSON numbers: integers, then decimals. */
    private static final Set<String> INTEGER_VRS = Set.of("IS", "SL", "SS", "SV", "UL", "US", "UV");
    private static final Set<String> DECIMAL_VRS = Set.of("DS", "FD", "FL");

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

    /**
     * Puts an attribute given as DICOM text (values separated by a backslash), each value in the JSON type of its
     * VR, or without a value when the text is null or empty.
     */
    static void putText(ObjectNode object, AttributeTag tag, String vr, String text) {
        ObjectNode attribute = object.putObject(key(tag));
        attribute.put("vr", vr);
        if (text != null && !text.isEmpty()) {
            ArrayNode values = attribute.putArray("Value");
            for (String value : text.split("\\\\", -1)) {
                addValue(values, vr, value);
            }
        }
    }

    static void putNumber(ObjectNode object, AttributeTag tag, String vr, Integer value) {
        ObjectNode attribute = object.putObject(key(tag));
        attribute.put("vr", vr);
        if (value != null) {
            attribute.putArray("Value").add(value);
        }
    }

    /**
     * Converts a data set listed by {@link org.truthline.dicom.DicomToolkit#readAttributes}. Each bulk data value
     * gets {@code bulkDataUri} applied to its bulk data path as its BulkDataURI.
     */
    static ObjectNode fromElements(List<DicomElement> elements, Function<String, String> bulkDataUri) {
        ObjectNode object = NODES.objectNode();
        for (DicomElement element : elements) {
            object.set(key(element.tag()), attributeNode(element, bulkDataUri));
        }
        return object;
    }

    private static JsonNode attributeNode(DicomElement element, Function<String, String> bulkDataUri) {
        ObjectNode node = NODES.objectNode();
        node.put("vr", element.vr());
        if (element.isBulkData()) {
            node.put("BulkDataURI", bulkDataUri.apply(element.bulkDataPath()));
        } else if (!element.items().isEmpty()) {
            ArrayNode items = node.putArray("Value");
            for (List<DicomElement> item : element.items()) {
                items.add(fromElements(item, bulkDataUri));
            }
        } else if (!element.values().isEmpty()) {
            ArrayNode values = node.putArray("Value");
            for (String value : element.values()) {
                addValue(values, element.vr(), value);
            }
        }
        return node;
    }

    /**
     * Adds one value in the JSON type its VR takes: a number, a person name object, or a string. A number that
     * does not parse (an invalid IS or DS value, or a float that is not finite) is kept as its string, as stored.
     */
    private static void addValue(ArrayNode values, String vr, String value) {
        String trimmed = value == null ? "" : value.strip();
        if ("PN".equals(vr)) {
            addPersonName(values, value == null ? "" : value);
        } else if (INTEGER_VRS.contains(vr)) {
            try {
                values.add(new BigInteger(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed));
            } catch (NumberFormatException e) {
                values.add(trimmed);
            }
        } else if (DECIMAL_VRS.contains(vr)) {
            try {
                double number = Double.parseDouble(trimmed);
                if (Double.isFinite(number)) {
                    values.add(number);
                } else {
                    values.add(trimmed);
                }
            } catch (NumberFormatException e) {
                values.add(trimmed);
            }
        } else {
            values.add(value);
        }
    }

    /** Adds a person name as its Alphabetic, Ideographic and Phonetic component groups, empty groups left out. */
    private static void addPersonName(ArrayNode values, String name) {
        String[] groups = name.split("=", -1);
        ObjectNode person = values.addObject();
        String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
        for (int i = 0; i < Math.min(groups.length, keys.length); i++) {
            if (!groups[i].isEmpty()) {
                person.put(keys[i], groups[i]);
            }
        }
    }

    static String key(int tag) {
        return String.format("%08X", tag);
    }

    static String key(AttributeTag tag) {
        return String.format("%04X%04X", tag.getGroup(), tag.getElement());
    }
}
