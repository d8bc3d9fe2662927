package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists a header's attributes as {@link DicomElement}s and reads single bulk data values back by their path.
 * A bulk data path is the 8-digit hex tag of a top-level attribute, or sequence tag, 0-based item index and tag
 * again for each level of nesting, separated by {@code /} (for example {@code 00283010/0/00283006}).
 */
final class DataSets {

    /** Binary VRs, whose values DICOM JSON gives as bulk data instead of inline. */
    private static final Set<String> BULK_DATA_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "UN");

    /** Explicit VR Little Endian writes a 12-byte header before the value of each of {@link #BULK_DATA_VRS}. */
    private static final int LONG_HEADER_LENGTH = 12;

    private DataSets() {
    }

    /**
     * Lists the attributes of a header read up to Pixel Data, without File Meta Information and group lengths,
     * and adds Pixel Data as bulk data when the object has it.
     */
    static List<DicomElement> elements(DicomHeader header) throws DicomException {
        List<DicomElement> elements = elements(header.attributes(), "");
        if (header.hasPixelData()) {
            elements.add(new DicomElement(tagNumber(TagFromName.PixelData), pixelDataVr(header), List.of(), List.of(),
                    DicomElement.PIXEL_DATA_PATH));
        }
        return elements;
    }

    private static List<DicomElement> elements(AttributeList list, String parentPath) throws DicomException {
        List<DicomElement> elements = new ArrayList<>();
        for (Attribute attribute : list.values()) {
            AttributeTag tag = attribute.getTag();
            if (tag.getGroup() == 0x0002 || tag.getElement() == 0x0000 || tag.equals(TagFromName.PixelData)) {
                continue;
            }
            elements.add(element(attribute, parentPath + hex(tag)));
        }
        return elements;
    }

    private static DicomElement element(Attribute attribute, String path) throws DicomException {
        int tag = tagNumber(attribute.getTag());
        String vr = ValueRepresentation.getAsString(attribute.getVR());
        if (attribute instanceof SequenceAttribute sequence) {
            List<List<DicomElement>> items = new ArrayList<>();
            for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                items.add(elements(sequence.getItem(i).getAttributeList(), path + "/" + i + "/"));
            }
            return new DicomElement(tag, vr, List.of(), items, null);
        }
        if (BULK_DATA_VRS.contains(vr)) {
            return new DicomElement(tag, vr, List.of(), List.of(), attribute.getVL() > 0 ? path : null);
        }
        if (attribute.getVM() == 0) {
            return new DicomElement(tag, vr, List.of(), List.of(), null);
        }
        List<String> values = new ArrayList<>();
        if (attribute instanceof AttributeTagAttribute tags) {
            for (AttributeTag value : tags.getAttributeTagValues()) {
                values.add(hex(value));
            }
        } else {
            values.addAll(Arrays.asList(attribute.getStringValues()));
        }
        return new DicomElement(tag, vr, values, List.of(), null);
    }

    /**
     * Returns the value of the bulk data attribute at {@code path} as Explicit VR Little Endian encodes it, or
     * empty when no attribute is there.
     *
     * @throws IllegalArgumentException when the path is malformed, names Pixel Data, or names an attribute whose
     *     value is not bulk data
     */
    static Optional<byte[]> value(AttributeList list, String path) throws DicomException, IOException {
        if (DicomElement.PIXEL_DATA_PATH.equals(path)) {
            throw new IllegalArgumentException("Pixel Data is read frame by frame, not as one bulk data value");
        }
        String[] steps = path.split("/", -1);
        if (steps.length % 2 == 0) {
            throw new IllegalArgumentException("Bulk data path '" + path + "' must end with a tag");
        }

        AttributeList current = list;
        for (int i = 0; i < steps.length - 1; i += 2) {
            if (!(current.get(parseTag(steps[i], path)) instanceof SequenceAttribute sequence)) {
                return Optional.empty();
            }
            int item = parseItem(steps[i + 1], path);
            if (item >= sequence.getNumberOfItems()) {
                return Optional.empty();
            }
            current = sequence.getItem(item).getAttributeList();
        }

        Attribute attribute = current.get(parseTag(steps[steps.length - 1], path));
        if (attribute == null) {
            return Optional.empty();
        }
        String vr = ValueRepresentation.getAsString(attribute.getVR());
        if (!BULK_DATA_VRS.contains(vr)) {
            throw new IllegalArgumentException("The attribute at bulk data path '" + path + "' has VR " + vr
                    + ", whose values are given inline, not as bulk data");
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomOutputStream out = new DicomOutputStream(bytes, null, TransferSyntax.ExplicitVRLittleEndian);
        attribute.write(out);
        out.flush();
        byte[] encoded = bytes.toByteArray();
        return Optional.of(Arrays.copyOfRange(encoded, LONG_HEADER_LENGTH, encoded.length));
    }

    /** Returns OW for native Pixel Data of more than 8 bits, else OB, the VR of encapsulated Pixel Data too. */
    private static String pixelDataVr(DicomHeader header) {
        boolean encapsulated = new TransferSyntax(header.transferSyntaxUid()).isEncapsulated();
        return !encapsulated && header.geometry().bitsAllocated() > 8 ? "OW" : "OB";
    }

    private static AttributeTag parseTag(String step, String path) {
        if (!step.matches("[0-9A-Fa-f]{8}")) {
            throw new IllegalArgumentException("Bulk data path '" + path + "' has '" + step + "' where an 8-digit"
                    + " hexadecimal tag is expected");
        }
        int value = Integer.parseUnsignedInt(step, 16);
        return new AttributeTag(value >>> 16, value & 0xFFFF);
    }

    private static int parseItem(String step, String path) {
        if (!step.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("Bulk data path '" + path + "' has '" + step + "' where a 0-based"
                    + " item index is expected");
        }
        return Integer.parseInt(step);
    }

    private static int tagNumber(AttributeTag tag) {
        return tag.getGroup() << 16 | tag.getElement();
    }

    private static String hex(AttributeTag tag) {
        return String.format("%04X%04X", tag.getGroup(), tag.getElement());
    }
}
