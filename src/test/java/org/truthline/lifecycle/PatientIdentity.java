package org.truthline.lifecycle;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads the patient-identifying values of an original file, at every sequence depth, to search for leaks. */
final class PatientIdentity {

    private static final Set<AttributeTag> TAGS = Set.of(TagFromName.PatientName, TagFromName.PatientID,
            TagFromName.PatientBirthDate, TagFromName.OtherPatientIDs);

    private PatientIdentity() {
    }

    static Set<String> valuesIn(Path file) {
        try {
            AttributeList list = new AttributeList();
            list.read(file.toFile());
            Set<String> values = new LinkedHashSet<>();
            collect(list, values);
            return values;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void collect(AttributeList list, Set<String> into) throws Exception {
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                Iterator<?> items = sequence.iterator();
                while (items.hasNext()) {
                    collect(((SequenceItem) items.next()).getAttributeList(), into);
                }
            } else if (TAGS.contains(attribute.getTag())) {
                String[] values = attribute.getStringValues();
                for (String value : values == null ? new String[0] : values) {
                    String trimmed = value == null ? "" : value.strip();
                    // Very short values (e.g. "1") occur everywhere by chance and prove nothing.
                    if (trimmed.length() >= 4) {
                        into.add(trimmed);
                    }
                }
            }
        }
    }
}
