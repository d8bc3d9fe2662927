package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per malformed sample in 08-broken, each asserting its specific reason. */
class BrokenFileReadTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    private DicomRejectedException rejection(Path file) {
        return catchThrowableOfType(DicomRejectedException.class, () -> toolkit.read(file));
    }


    @Test
    void truncatedPixelData_isTruncated() {
        DicomRejectedException e = rejection(SampleCorpus.file("08-broken/MR_truncated_pixeldata.dcm"));

        assertThat(e.reason()).isEqualTo(QuarantineReason.TRUNCATED);
        assertThat(e.getMessage()).startsWith("MR_truncated_pixeldata.dcm: Pixel Data is truncated: declared 8192"
                + " bytes, file ends after 8130");
    }

    @Test
    void strayFirstByte_isNotDicom() {
        // The file has no preamble and starts with one stray byte (20) before (0008,0005). No parser finds
        // a valid first element there, and dcmdump -f -te reads garbage from it.
        DicomRejectedException e = rejection(SampleCorpus.file("08-broken/CT_no_preamble_no_meta.dcm"));

        assertThat(e.reason()).isEqualTo(QuarantineReason.NOT_DICOM);
        assertThat(e.getMessage()).contains("CT_no_preamble_no_meta.dcm", "20 08 00 05");
    }

    @Test
    void metaWithoutTransferSyntax_isMissingTransferSyntax() {
        DicomRejectedException e = rejection(SampleCorpus.file("08-broken/meta_missing_TransferSyntaxUID.dcm"));

        assertThat(e.reason()).isEqualTo(QuarantineReason.MISSING_TRANSFER_SYNTAX);
        assertThat(e.getMessage()).contains("(0002,0010)");
    }

    @Test
    void headerBomb_isImageTooLarge() {
        DicomRejectedException e = rejection(SampleCorpus.file("08-broken/OT_65535x65535_header_bomb.dcm"));

        assertThat(e.reason()).isEqualTo(QuarantineReason.IMAGE_TOO_LARGE);
        assertThat(e.getMessage()).contains("65535 rows x 65535 columns");
    }

    @Test
    void headerBombHighLimit_isSizeMismatch() {
        PixelMedDicomToolkit generous = new PixelMedDicomToolkit(
                new DicomLimits(1L << 30, 16, 2000, Long.MAX_VALUE));

        DicomRejectedException e = catchThrowableOfType(DicomRejectedException.class,
                () -> generous.read(SampleCorpus.file("08-broken/OT_65535x65535_header_bomb.dcm")));

        assertThat(e.reason()).isEqualTo(QuarantineReason.PIXEL_DATA_SIZE_MISMATCH);
        assertThat(e.getMessage()).contains("contains 256 bytes", "needs 8589672450 bytes");
    }

    @Test
    void implicitSequenceInExplicitFile_isRead() throws Exception {
        DicomSummary summary = toolkit.read(SampleCorpus.file("08-broken/bad_sequence_implicit_in_explicit.dcm"));

        assertThat(summary.modality()).isEqualTo("CT");
        assertThat(summary.rows()).isEqualTo(512);
        assertThat(summary.windows()).hasSize(2);
    }

    @Test
    void cutMidElement_isTruncated() {
        DicomRejectedException e = rejection(SampleCorpus.file("08-broken/RTPLAN_truncated_mid_element.dcm"));

        assertThat(e.reason()).isEqualTo(QuarantineReason.TRUNCATED);
        assertThat(e.getMessage()).contains("RTPLAN_truncated_mid_element.dcm", "past the end of the file");
    }
}
