package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The attribute list behind DICOM JSON, and bulk data values read back by their path. */
class AttributeListingTest {

    private static final int RED_PALETTE_DATA = 0x00281201;

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @Test
    void binaryValues_areListedAsBulkData() throws Exception {
        Path file = SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm");

        List<DicomElement> elements = toolkit.readAttributes(file);

        DicomElement palette = find(elements, RED_PALETTE_DATA);
        assertThat(palette.vr()).isEqualTo("OW");
        assertThat(palette.values()).isEmpty();
        assertThat(palette.bulkDataPath()).isEqualTo("00281201");
        DicomElement pixelData = find(elements, 0x7FE00010);
        assertThat(pixelData.vr()).isEqualTo("OB");
        assertThat(pixelData.bulkDataPath()).isEqualTo(DicomElement.PIXEL_DATA_PATH);
        assertThat(elements).noneMatch(element -> element.tag() >>> 16 == 0x0002);
        assertThat(find(elements, 0x00280009).values()).containsExactly("00181063");
    }

    @Test
    void textAndNumbers_areListedAsValues() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        List<DicomElement> elements = toolkit.readAttributes(file);

        assertThat(find(elements, 0x00080060).values()).containsExactly("CT");
        assertThat(find(elements, 0x00280010).values()).containsExactly("128");
        assertThat(find(elements, 0x00281052).vr()).isEqualTo("DS");
        assertThat(find(elements, 0x7FE00010).vr()).isEqualTo("OW");
    }

    @Test
    void bulkData_isLittleEndianValue() throws Exception {
        Path file = SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm");
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        short[] expected = list.get(TagFromName.RedPaletteColorLookupTableData).getShortValues();

        Optional<byte[]> value = toolkit.readBulkData(file, "00281201");

        assertThat(value).isPresent();
        assertThat(value.get()).isEqualTo(littleEndian(expected));
    }

    @Test
    void bulkData_absentAttributeIsEmpty() throws Exception {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        assertThat(toolkit.readBulkData(file, "00281201")).isEmpty();
        assertThat(toolkit.readBulkData(file, "00283010/0/00283006")).isEmpty();
    }

    @Test
    void bulkData_rejectsInvalidPaths() {
        Path file = SampleCorpus.file("01-modalities/CT_small.dcm");

        assertThatThrownBy(() -> toolkit.readBulkData(file, "7FE00010"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pixel Data");
        assertThatThrownBy(() -> toolkit.readBulkData(file, "0028xx10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0028xx10'");
        assertThatThrownBy(() -> toolkit.readBulkData(file, "00283010/0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with a tag");
        assertThatThrownBy(() -> toolkit.readBulkData(file, "00280010"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VR US");
    }

    @Test
    void nestedBulkData_isFoundByItemPath() throws Exception {
        AttributeList item = new AttributeList();
        OtherWordAttribute lutData = new OtherWordAttribute(TagFromName.LUTData);
        lutData.setValues(new short[] {1, 2, 0x0300});
        item.put(lutData);
        UnsignedShortAttribute descriptor = new UnsignedShortAttribute(TagFromName.LUTDescriptor);
        descriptor.addValue(3);
        item.put(descriptor);
        SequenceAttribute sequence = new SequenceAttribute(TagFromName.VOILUTSequence);
        sequence.addItem(new SequenceItem(new AttributeList()));
        sequence.addItem(new SequenceItem(item));
        AttributeList list = new AttributeList();
        list.put(sequence);

        Optional<byte[]> value = DataSets.value(list, "00283010/1/00283006");

        assertThat(value).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 0, 2, 0, 0, 3));
        assertThat(DataSets.value(list, "00283010/2/00283006")).isEmpty();
    }

    private static DicomElement find(List<DicomElement> elements, int tag) {
        return elements.stream().filter(element -> element.tag() == tag).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("no attribute %08X listed", tag)));
    }

    private static byte[] littleEndian(short[] words) {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(words);
        return buffer.array();
    }
}
