package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UnknownAttribute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeidentificationTest {

    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final List<AttributeTag> IDENTIFYING =
            List.of(TagFromName.PatientName, TagFromName.PatientID, TagFromName.PatientBirthDate);

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest
    @ValueSource(strings = {"01-modalities/CT_small.dcm", "03-phi-deid/PT_nested_PHI_in_sequences_GH610.dcm"})
    void patientValues_appearNowhereInCopy(String relative) throws Exception {
        Path source = SampleCorpus.file(relative);
        Set<String> identifying = valuesAtAnyDepth(read(source), IDENTIFYING);
        assertThat(identifying).as("identifying values of the original").isNotEmpty();
        Path copy = output.resolve("copy.dcm");

        toolkit.deidentify(source, copy, new TestRemapper(), DeidentificationOptions.BASIC);

        String bytes = new String(Files.readAllBytes(copy), StandardCharsets.ISO_8859_1);
        AttributeList written = read(copy);
        Set<String> writtenValues = allStringValues(written);
        for (String value : identifying) {
            assertThat(bytes).as("bytes of the copy").doesNotContain(value);
            assertThat(writtenValues).as("attribute values of the copy").doesNotContain(value);
        }
        assertThat(privateTags(written)).isEmpty();
        assertThat(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.PatientIdentityRemoved))
                .isEqualTo("YES");
        assertThat(methodCodes(written)).containsExactly("113100");
        assertThat(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.MediaStorageSOPInstanceUID))
                .isEqualTo(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.SOPInstanceUID));
    }

    @Test
    void ctSmall_reportCountsPrivateAndUids() throws Exception {
        DeidentificationReport report = toolkit.deidentify(SampleCorpus.file("01-modalities/CT_small.dcm"),
                output.resolve("ct.dcm"), new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(report.profile()).isEqualTo(Deidentifier.PROFILE);
        assertThat(report.options()).isEmpty();
        assertThat(report.privateAttributesRemoved()).isEqualTo(179);
        assertThat(report.uidsRemapped()).isGreaterThanOrEqualTo(4);
        assertThat(report.deidentified().sopInstanceUid()).startsWith("2.25.");
    }

    @Test
    void sameStudy_sharesRemappedStudyUid() throws Exception {
        Path first = SampleCorpus.file("01-modalities/MR_small.dcm");
        Path second = SampleCorpus.file("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm");
        assumeTrue(toolkit.read(first).studyInstanceUid().equals(toolkit.read(second).studyInstanceUid()),
                "the two MR_small samples no longer share a Study Instance UID");
        TestRemapper project = new TestRemapper();

        DicomSummary a = toolkit.deidentify(first, output.resolve("a.dcm"), project, DeidentificationOptions.BASIC)
                .deidentified();
        DicomSummary b = toolkit.deidentify(second, output.resolve("b.dcm"), project, DeidentificationOptions.BASIC)
                .deidentified();

        assertThat(a.studyInstanceUid()).isEqualTo(b.studyInstanceUid());
        assertThat(a.studyInstanceUid()).isEqualTo(project.replacements().get(toolkit.read(first).studyInstanceUid()));
        assertThat(a.sopClassUid()).isEqualTo(toolkit.read(first).sopClassUid());
        assertThat(Attribute.getSingleStringValueOrEmptyString(read(output.resolve("b.dcm")), TagFromName.PatientID))
                .isEqualTo(Attribute.getSingleStringValueOrEmptyString(read(output.resolve("a.dcm")),
                        TagFromName.PatientID));
    }

    @Test
    void nestedReferencedSopInstanceUid_isRemapped() throws Exception {
        Path source = SampleCorpus.file("01-modalities/MR_siemens_mosaic_0051.dcm");
        Set<String> originalReferences = valuesAtAnyDepth(read(source), List.of(TagFromName.ReferencedSOPInstanceUID));
        assumeTrue(!originalReferences.isEmpty(), "sample has no Referenced SOP Instance UID");
        TestRemapper project = new TestRemapper();

        toolkit.deidentify(source, output.resolve("mr.dcm"), project, DeidentificationOptions.BASIC);

        Set<String> written = valuesAtAnyDepth(read(output.resolve("mr.dcm")),
                List.of(TagFromName.ReferencedSOPInstanceUID));
        for (String uid : originalReferences) {
            assertThat(written).doesNotContain(uid).contains(project.replacements().get(uid));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "03-phi-deid/MR_private_Philips_GH064.dcm",
            "03-phi-deid/private_SQ_as_UN.dcm",
            "03-phi-deid/OT_encapsulated_PDF.dcm",
            "01-modalities/CT_small.dcm",
            "01-modalities/VL_colour_photo_3340x2670_J2K.dcm"})
    void copy_hasNoPrivateTagsAndParsesInDcmdump(String relative) throws Exception {
        Path source = SampleCorpus.file(relative);
        Path copy = output.resolve("copy.dcm");

        DeidentificationReport report = toolkit.deidentify(source, copy, new TestRemapper(),
                DeidentificationOptions.BASIC);

        assertThat(privateTags(read(copy))).isEmpty();
        assertThat(report.deidentified().transferSyntaxUid()).isEqualTo(toolkit.read(source).transferSyntaxUid());
        assumeTrue(Files.isExecutable(DCMDUMP), "dcmdump (dcmtk) is not installed; parse check skipped");
        DcmdumpResult dump = dcmdump(copy);
        assertThat(dump.exitCode()).as("dcmdump exit code, output:%n%s", dump.output()).isZero();
        assertThat(dump.output()).doesNotContain("E: ");
        assertThat(privateLines(dump.output())).isEmpty();
    }

    @Test
    void slideMicroscopy_specimenIdentifiersAppearNowhereInDump() throws Exception {
        Path source = SampleCorpus.file("01-modalities/SM_slide_microscopy_rgb.dcm");
        Set<String> identifiers = valuesAtAnyDepth(read(source),
                List.of(TagFromName.ContainerIdentifier, TagFromName.SpecimenIdentifier));
        assertThat(identifiers).as("Container and Specimen Identifiers of the original").isNotEmpty();
        Path copy = output.resolve("sm.dcm");

        toolkit.deidentify(source, copy, new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(Attribute.getSingleStringValueOrEmptyString(read(copy), TagFromName.ContainerIdentifier))
                .as("Container Identifier of the copy").isEqualTo("ANONYMIZED");
        assumeTrue(Files.isExecutable(DCMDUMP), "dcmdump (dcmtk) is not installed; dump check skipped");
        DcmdumpResult dump = dcmdump(copy);
        assertThat(dump.exitCode()).as("dcmdump exit code, output:%n%s", dump.output()).isZero();
        for (String value : identifiers) {
            assertThat(dump.output()).as("dcmdump of the copy").doesNotContain(value);
        }
    }

    @Test
    void encapsulatedPdf_documentReplacedByDummy() throws Exception {
        Path source = SampleCorpus.file("03-phi-deid/OT_encapsulated_PDF.dcm");
        assertThat(Files.readString(source, StandardCharsets.ISO_8859_1)).as("bytes of the original").contains("%PDF");
        Path copy = output.resolve("pdf.dcm");

        toolkit.deidentify(source, copy, new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(Files.readString(copy, StandardCharsets.ISO_8859_1)).as("bytes of the copy").doesNotContain("%PDF");
        assertThat(new String(read(copy).get(TagFromName.EncapsulatedDocument).getByteValues(),
                StandardCharsets.US_ASCII)).isEqualTo("ANONYMIZED");
    }

    @Test
    void dummyForUnknownVr_isWrittenAsBytes() throws Exception {
        // Person Name (action D) as a writer may encode it with VR UN.
        UnknownAttribute original = new UnknownAttribute(TagFromName.PersonName);
        original.setValues("DOE^JANE".getBytes(StandardCharsets.US_ASCII));
        AttributeList dataSet = new AttributeList();
        dataSet.put(original);

        new Deidentifier(Set.of()).apply(dataSet, new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(new String(dataSet.get(TagFromName.PersonName).getByteValues(), StandardCharsets.US_ASCII))
                .isEqualTo("ANONYMIZED");
    }

    @Test
    void privateSequenceEncodedAsUn_isRemoved() throws Exception {
        DeidentificationReport report = toolkit.deidentify(SampleCorpus.file("03-phi-deid/private_SQ_as_UN.dcm"),
                output.resolve("un.dcm"), new TestRemapper(), DeidentificationOptions.BASIC);

        assertThat(report.privateAttributesRemoved()).isEqualTo(1);
        assertThat(Files.readString(output.resolve("un.dcm"), StandardCharsets.ISO_8859_1))
                .doesNotContain("1.2.840.113619.2.327.3.185221411.476.1398588726.278.80");
    }

    @Test
    void options_shiftDatesKeepCharacteristicsAndAddCodes() throws Exception {
        Path source = SampleCorpus.file("01-modalities/CT_small.dcm");
        AttributeList original = read(source);
        DeidentificationOptions options = new DeidentificationOptions(true, -10, true, true, false);

        DeidentificationReport report = toolkit.deidentify(source, output.resolve("opt.dcm"), new TestRemapper(),
                options);

        AttributeList written = read(output.resolve("opt.dcm"));
        assertThat(report.options()).containsExactly(Deidentifier.OPTION_MODIFIED_DATES,
                Deidentifier.OPTION_PATIENT_CHARACTERISTICS, Deidentifier.OPTION_CLEAN_DESCRIPTORS);
        assertThat(methodCodes(written)).containsExactly("113100", "113107", "113108", "113105");
        String studyDate = Attribute.getSingleStringValueOrEmptyString(original, TagFromName.StudyDate);
        assumeTrue(studyDate.length() == 8, "CT_small has no Study Date to shift");
        assertThat(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.StudyDate))
                .isEqualTo(java.time.LocalDate.parse(studyDate, java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                        .minusDays(10).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.PatientSex))
                .isEqualTo(Attribute.getSingleStringValueOrEmptyString(original, TagFromName.PatientSex));
        assertThat(Attribute.getSingleStringValueOrEmptyString(written, TagFromName.LongitudinalTemporalInformationModified))
                .isEqualTo("MODIFIED");
    }

    @Test
    void samePatientIdDifferentNames_getOnePseudonym() throws Exception {
        TestRemapper project = new TestRemapper();
        toolkit.deidentify(SampleCorpus.file("03-phi-deid/MR_same_PatientID_name_FOO.dcm"),
                output.resolve("foo.dcm"), project, DeidentificationOptions.BASIC);
        toolkit.deidentify(SampleCorpus.file("03-phi-deid/MR_same_PatientID_name_HELLO.dcm"),
                output.resolve("hello.dcm"), project, DeidentificationOptions.BASIC);

        String foo = Attribute.getSingleStringValueOrEmptyString(read(output.resolve("foo.dcm")), TagFromName.PatientID);
        String hello = Attribute.getSingleStringValueOrEmptyString(read(output.resolve("hello.dcm")),
                TagFromName.PatientID);
        assertThat(foo).startsWith("TL").isEqualTo(hello).isNotEqualTo("COMMON");
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        return list;
    }

    private static Set<String> valuesAtAnyDepth(AttributeList list, List<AttributeTag> tags) throws Exception {
        Set<String> values = new LinkedHashSet<>();
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    values.addAll(valuesAtAnyDepth(sequence.getItem(i).getAttributeList(), tags));
                }
            } else if (tags.contains(attribute.getTag()) && attribute.getVM() > 0) {
                for (String value : attribute.getStringValues()) {
                    if (!value.isBlank()) {
                        values.add(value.trim());
                    }
                }
            }
        }
        return values;
    }

    private static Set<String> allStringValues(AttributeList list) throws Exception {
        Set<String> values = new LinkedHashSet<>();
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    values.addAll(allStringValues(sequence.getItem(i).getAttributeList()));
                }
            } else if (attribute instanceof StringAttribute && attribute.getVM() > 0) {
                String[] strings = attribute.getStringValues();
                if (strings != null) {
                    for (String value : strings) {
                        values.add(value.trim());
                    }
                }
            }
        }
        return values;
    }

    private static List<AttributeTag> privateTags(AttributeList list) {
        List<AttributeTag> found = new ArrayList<>();
        for (Attribute attribute : list.values()) {
            if (attribute.getTag().isPrivate()) {
                found.add(attribute.getTag());
            }
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    found.addAll(privateTags(sequence.getItem(i).getAttributeList()));
                }
            }
        }
        return found;
    }

    private static List<String> methodCodes(AttributeList list) {
        List<String> codes = new ArrayList<>();
        if (list.get(TagFromName.DeidentificationMethodCodeSequence) instanceof SequenceAttribute sequence) {
            for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                codes.add(Attribute.getSingleStringValueOrEmptyString(sequence.getItem(i).getAttributeList(),
                        TagFromName.CodeValue));
            }
        }
        return codes;
    }

    /** Returns dcmdump lines whose tag has an odd group number, at any nesting depth. */
    private static List<String> privateLines(String dump) {
        return dump.lines()
                .map(String::trim)
                .filter(line -> line.matches("\\([0-9a-f]{3}[13579bdf],[0-9a-f]{4}\\).*"))
                .toList();
    }

    private record DcmdumpResult(int exitCode, String output) {
    }

    private static DcmdumpResult dcmdump(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(DCMDUMP.toString(), "-q", file.toString())
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("dcmdump did not finish within 60 s on " + file);
        }
        return new DcmdumpResult(process.exitValue(), text);
    }
}
