package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data set digest that duplicate detection compares, on the MR_small transfer-syntax variants. */
class DataSetDigestTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @Test
    void otherSourceAeTitle_sameDigest(@TempDir Path folder) throws Exception {
        Path original = Path.of("samples", "MR_small.dcm");
        AttributeList list = read(original);
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "OTHER_SENDER");
        Path resent = folder.resolve("resent.dcm");
        list.write(resent.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        assertThat(Files.mismatch(original, resent)).as("first differing byte").isNotEqualTo(-1L);
        assertThat(toolkit.digestDataSet(resent)).isEqualTo(toolkit.digestDataSet(original));
    }

    @Test
    void nativeTransferSyntaxes_sameDigest() throws Exception {
        DataSetDigest explicit = toolkit.digestDataSet(SampleCorpus.file("01-modalities/MR_small.dcm"));
        DataSetDigest implicit = toolkit.digestDataSet(
                SampleCorpus.file("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm"));
        DataSetDigest bigEndian = toolkit.digestDataSet(
                SampleCorpus.file("02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm"));

        assertThat(implicit.sha256()).isEqualTo(explicit.sha256());
        assertThat(bigEndian.sha256()).isEqualTo(explicit.sha256());
        assertThat(explicit.transferSyntaxUid()).isEqualTo(TransferSyntax.ExplicitVRLittleEndian);
        assertThat(implicit.transferSyntaxUid()).isEqualTo(TransferSyntax.ImplicitVRLittleEndian);
        assertThat(bigEndian.transferSyntaxUid()).isEqualTo(TransferSyntax.ExplicitVRBigEndian);
    }

    @Test
    void compressedPixelData_otherDigest() throws Exception {
        DataSetDigest explicit = toolkit.digestDataSet(SampleCorpus.file("01-modalities/MR_small.dcm"));
        DataSetDigest rle = toolkit.digestDataSet(SampleCorpus.file("02-transfer-syntaxes/MR_small_RLE.dcm"));

        assertThat(rle.sha256()).isNotEqualTo(explicit.sha256());
        assertThat(rle.transferSyntaxUid()).isEqualTo(TransferSyntax.RLE);
    }

    @Test
    void changedValue_otherDigest(@TempDir Path folder) throws Exception {
        Path original = Path.of("samples", "MR_small.dcm");
        AttributeList list = read(original);
        Attribute description = list.get(TagFromName.SeriesDescription);
        if (description == null) {
            description = new LongStringAttribute(TagFromName.SeriesDescription);
            list.put(description);
        }
        description.setValue("edited");
        Path edited = folder.resolve("edited.dcm");
        list.write(edited.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);

        assertThat(toolkit.digestDataSet(edited).sha256()).isNotEqualTo(toolkit.digestDataSet(original).sha256());
    }

    @Test
    void sopInstanceUid_readFromFileMeta() throws Exception {
        Path file = Path.of("samples", "MR_small.dcm");

        assertThat(toolkit.mediaStorageSopInstanceUid(file)).hasValue(toolkit.read(file).sopInstanceUid());
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }
}
