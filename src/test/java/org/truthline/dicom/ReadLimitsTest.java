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

/** The configured limits, each exceeded on a sample or a generated file. */
class ReadLimitsTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    private DicomRejectedException rejection(Path file) {
        return catchThrowableOfType(DicomRejectedException.class, () -> toolkit.read(file));
    }


    @TempDir
    Path folder;

    @Test
    void fileOverSizeLimit_isFileTooLarge() {
        PixelMedDicomToolkit strict = new PixelMedDicomToolkit(new DicomLimits(1000, 16, 2000, 400_000_000));

        DicomRejectedException e = catchThrowableOfType(DicomRejectedException.class,
                () -> strict.read(SampleCorpus.file("01-modalities/CT_small.dcm")));

        assertThat(e.reason()).isEqualTo(QuarantineReason.FILE_TOO_LARGE);
    }

    @Test
    void framesOverLimit_isTooManyFrames() {
        PixelMedDicomToolkit strict = new PixelMedDicomToolkit(new DicomLimits(1L << 30, 16, 5, 400_000_000));

        DicomRejectedException e = catchThrowableOfType(DicomRejectedException.class,
                () -> strict.read(SampleCorpus.file("01-modalities/US_multiframe_palette_RLE_10f.dcm")));

        assertThat(e.reason()).isEqualTo(QuarantineReason.TOO_MANY_FRAMES);
        assertThat(e.getMessage()).contains("Number of Frames is 10");
    }

    @Test
    void deepSequences_areSequenceTooDeep() throws Exception {
        Path file = folder.resolve("deep.dcm");
        writeNestedSequences(file, 20);

        DicomRejectedException e = rejection(file);

        assertThat(e.reason()).isEqualTo(QuarantineReason.SEQUENCE_TOO_DEEP);
        assertThat(e.getMessage()).contains("nested 20 levels deep");
    }

    @Test
    void textFile_isNotDicom() throws IOException {
        Path file = folder.resolve("notes.dcm");
        Files.writeString(file, "not an image at all, just some text that is long enough to pass the preamble"
                .repeat(4));

        assertThat(rejection(file).reason()).isEqualTo(QuarantineReason.NOT_DICOM);
    }

    private static void writeNestedSequences(Path file, int depth) throws DicomException, IOException {
        AttributeList list = new AttributeList();
        list.putNewAttribute(TagFromName.SOPClassUID).addValue("1.2.840.10008.5.1.4.1.1.7");
        list.putNewAttribute(TagFromName.SOPInstanceUID).addValue("2.25.1234");
        AttributeList current = list;
        for (int i = 0; i < depth; i++) {
            SequenceAttribute sequence = new SequenceAttribute(TagFromName.ReferencedImageSequence);
            AttributeList item = new AttributeList();
            sequence.addItem(item);
            current.put(sequence);
            current = item;
        }
        current.putNewAttribute(new AttributeTag(0x0008, 0x1155)).addValue("2.25.5678");
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }
}
