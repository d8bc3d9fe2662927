package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.LongTextAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DescriptorCleanerTest {

    private static final DeidentificationOptions CLEAN_DESCRIPTORS =
            new DeidentificationOptions(false, 0, false, true, false);

    @Test
    void cleanDescriptors_removesHeaderValuesFromText() throws Exception {
        AttributeList list = patient();
        put(list, new LongStringAttribute(TagFromName.StudyDescription), "CT chest John Doe MRN12345");
        put(list, new LongStringAttribute(TagFromName.SeriesDescription), "Axial 3mm St Elsewhere");

        new Deidentifier(Set.of()).apply(list, new TestRemapper(), CLEAN_DESCRIPTORS);

        assertThat(value(list, TagFromName.StudyDescription)).isEqualTo("CT chest * * *");
        assertThat(value(list, TagFromName.SeriesDescription)).isEqualTo("Axial 3mm *");
    }

    @Test
    void cleanDescriptors_removesDatesAndLongNumbers() throws Exception {
        AttributeList list = patient();
        put(list, new LongTextAttribute(TagFromName.PatientComments),
                "Seen 2019-03-04 and 04/05/2020, born 19800102, call 555 123 4567, 2 lesions, T2 4 mm");

        new Deidentifier(Set.of()).apply(list, new TestRemapper(), CLEAN_DESCRIPTORS);

        assertThat(value(list, TagFromName.PatientComments))
                .isEqualTo("Seen * and *, born *, call *, 2 lesions, T2 4 mm");
    }

    @Test
    void cleanDescriptors_keepsTextWithoutIdentifiers() throws Exception {
        AttributeList list = patient();
        put(list, new LongStringAttribute(TagFromName.ProtocolName), "Chest routine 1.25 mm");

        new Deidentifier(Set.of()).apply(list, new TestRemapper(), CLEAN_DESCRIPTORS);

        assertThat(value(list, TagFromName.ProtocolName)).isEqualTo("Chest routine 1.25 mm");
    }

    @Test
    void basicProfile_stillRemovesDescriptors() throws Exception {
        AttributeList list = patient();
        put(list, new LongStringAttribute(TagFromName.StudyDescription), "CT chest John Doe");

        new Deidentifier(Set.of()).apply(list, new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(list.get(TagFromName.StudyDescription)).isNull();
    }

    @Test
    void clean_matchesWholeWordsOnly() throws Exception {
        AttributeList list = patient();
        DescriptorCleaner cleaner = DescriptorCleaner.of(list);

        assertThat(cleaner.clean("Doesn't match Doeskin; Doe matches")).isEqualTo("Doesn't match Doeskin; * matches");
    }

    private static AttributeList patient() throws DicomException {
        AttributeList list = new AttributeList();
        put(list, new PersonNameAttribute(TagFromName.PatientName), "Doe^John");
        put(list, new LongStringAttribute(TagFromName.PatientID), "MRN12345");
        put(list, new DateAttribute(TagFromName.PatientBirthDate), "19800102");
        put(list, new LongStringAttribute(TagFromName.InstitutionName), "St Elsewhere");
        return list;
    }

    private static void put(AttributeList list, Attribute attribute, String value) throws DicomException {
        attribute.addValue(value);
        list.put(attribute);
    }

    private static String value(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag);
    }
}
