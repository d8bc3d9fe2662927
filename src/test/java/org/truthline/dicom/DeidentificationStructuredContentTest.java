package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.truthline.dicom.TestStructuredReport.LOCAL;
import static org.truthline.dicom.TestStructuredReport.codeItem;
import static org.truthline.dicom.TestStructuredReport.contentTree;
import static org.truthline.dicom.TestStructuredReport.find;
import static org.truthline.dicom.TestStructuredReport.item;
import static org.truthline.dicom.TestStructuredReport.numItem;
import static org.truthline.dicom.TestStructuredReport.put;
import static org.truthline.dicom.TestStructuredReport.putGraphic;
import static org.truthline.dicom.TestStructuredReport.referenceItem;
import static org.truthline.dicom.TestStructuredReport.stringItem;
import static org.truthline.dicom.TestStructuredReport.withChildren;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
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
import org.truthline.dicom.TestStructuredReport.Node;

/**
 * The Clean Structured Content Option on the corpus TID 1500 report, which references CT_small, on the specimen
 * preparation steps of the corpus slide, and on an SR built here with an item of every value type. Each SR is
 * de-identified under the same remapper as the images it references, as intake uses one remapper per project.
 */
class DeidentificationStructuredContentTest {

    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final String CORPUS_SR = "05-sr-seg-other/SR_TID1500_measurement_report.dcm";
    private static final String CORPUS_CT = "01-modalities/CT_small.dcm";
    private static final String CORPUS_SLIDE = "01-modalities/SM_slide_microscopy_rgb.dcm";
    private static final DeidentificationOptions CLEAN_STRUCTURED_CONTENT =
            new DeidentificationOptions(false, 0, false, false, true);
    private static final List<String> REFERENCE_VALUE_TYPES = List.of("IMAGE", "COMPOSITE", "WAVEFORM");
    private static final List<AttributeTag> IDENTIFYING_VALUES = List.of(TagFromName.TextValue, TagFromName.PersonName);

    // Original values of the built SR. The UIDs are made up, and none starts with the test remapper's 2.25.
    private static final String IMAGE_UID = "1.2.826.0.1.3680043.9.9999.1.1";
    private static final String PRESENTATION_STATE_UID = "1.2.826.0.1.3680043.9.9999.1.2";
    private static final String WAVEFORM_UID = "1.2.826.0.1.3680043.9.9999.1.3";
    private static final String DEVICE_OBSERVER_UID = "1.2.826.0.1.3680043.9.9999.1.4";
    private static final String TRACKING_UID = "1.2.826.0.1.3680043.9.9999.1.5";
    private static final String FRAME_OF_REFERENCE_UID = "1.2.826.0.1.3680043.9.9999.1.6";
    private static final String OBSERVATION_UID = "1.2.826.0.1.3680043.9.9999.1.7";

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @Test
    void corpusSr_imageReferencesResolveToProjectImages() throws Exception {
        Path sr = SampleCorpus.file(CORPUS_SR);
        Path ct = SampleCorpus.file(CORPUS_CT);
        TestRemapper project = new TestRemapper();

        DicomSummary image = toolkit.deidentify(ct, output.resolve("ct.dcm"), project, CLEAN_STRUCTURED_CONTENT)
                .deidentified();
        toolkit.deidentify(sr, output.resolve("sr.dcm"), project, CLEAN_STRUCTURED_CONTENT);

        List<String> original = referencedInstances(read(sr));
        List<String> written = referencedInstances(read(output.resolve("sr.dcm")));
        assertThat(original).as("IMAGE and COMPOSITE references in the corpus SR").isNotEmpty()
                .containsOnly(toolkit.read(ct).sopInstanceUid());
        assertThat(written).as("references in the de-identified SR").hasSameSizeAs(original)
                .containsOnly(image.sopInstanceUid());
    }

    @Test
    void corpusSr_keepsTreeAndRemovesText() throws Exception {
        Path sr = SampleCorpus.file(CORPUS_SR);
        TestRemapper project = new TestRemapper();
        Path copy = output.resolve("sr.dcm");

        DeidentificationReport report = toolkit.deidentify(sr, copy, project, CLEAN_STRUCTURED_CONTENT);

        List<Node> original = contentTree(read(sr));
        List<Node> written = contentTree(read(copy));
        assertThat(shape(written)).as("positions, value types and concept names").isEqualTo(shape(original));
        Set<String> identifying = values(original, IDENTIFYING_VALUES);
        assertThat(identifying).as("TEXT and PNAME values of the corpus SR").contains("Foo");
        assertThat(values(written, List.of(TagFromName.TextValue))).containsOnly("ANONYMIZED");
        for (int i = 0; i < original.size(); i++) {
            if (original.get(i).valueType().equals("UIDREF")) {
                assertThat(written.get(i).string(TagFromName.UID)).as("UIDREF at %s", original.get(i).position())
                        .isEqualTo(project.remap(original.get(i).string(TagFromName.UID)));
            }
        }
        assertThat(report.options()).containsExactly(Deidentifier.OPTION_CLEAN_STRUCTURED_CONTENT);
        assertNoneInDcmdump(copy, identifying);
    }

    @Test
    void corpusSr_withoutOption_losesContentTree() throws Exception {
        Path sr = SampleCorpus.file(CORPUS_SR);
        assertThat(read(sr).get(TagFromName.ContentSequence)).as("Content Sequence of the corpus SR").isNotNull();

        toolkit.deidentify(sr, output.resolve("sr.dcm"), new TestRemapper(), DeidentificationOptions.BASIC);

        AttributeList written = read(output.resolve("sr.dcm"));
        assertThat(written.get(TagFromName.ContentSequence)).isNull();
        assertThat(methodCodes(written)).containsExactly("113100");
    }

    @Test
    void corpusSlide_specimenPreparationTextReplaced() throws Exception {
        Path slide = SampleCorpus.file(CORPUS_SLIDE);
        Set<String> original = textValuesAtAnyDepth(read(slide));
        assertThat(original).as("Text Values of the slide's specimen preparation steps").contains("S19-1_A");
        Path copy = output.resolve("slide.dcm");

        toolkit.deidentify(slide, copy, new TestRemapper(), CLEAN_STRUCTURED_CONTENT);

        AttributeList written = read(copy);
        assertThat(written.get(Keywords.tag("SpecimenDescriptionSequence"))).isNotNull();
        assertThat(textValuesAtAnyDepth(written)).containsExactly("ANONYMIZED");
        // Container Identifier and Specimen Identifier repeat these identifiers outside the preparation steps, so
        // the whole dump is checked.
        String dump = dcmdump(copy);
        for (String value : original) {
            assertThat(dump).as("dcmdump of the copy").doesNotContain(value);
        }
    }

    @Test
    void builtSr_cleansEveryValueType() throws Exception {
        Path source = output.resolve("built.dcm");
        TestStructuredReport.write(builtReport(), source);
        TestRemapper project = new TestRemapper();
        Path copy = output.resolve("copy.dcm");

        DeidentificationReport report = toolkit.deidentify(source, copy, project, CLEAN_STRUCTURED_CONTENT);

        AttributeList written = read(copy);
        List<Node> before = contentTree(read(source));
        List<Node> tree = contentTree(written);
        assertThat(shape(tree)).as("positions, value types and concept names").isEqualTo(shape(before));

        assertThat(find(tree, "121008").string(TagFromName.PersonName)).as("Person Observer Name")
                .isEqualTo("ANONYMOUS");
        assertThat(find(tree, "121009").string(TagFromName.TextValue)).as("observer's organization")
                .isEqualTo("ANONYMIZED");
        assertThat(find(tree, "121012").string(TagFromName.UID)).as("Device Observer UID")
                .isEqualTo(project.remap(DEVICE_OBSERVER_UID));
        assertThat(find(tree, "121029").string(TagFromName.PersonName)).as("Subject Name").isEqualTo("ANONYMOUS");
        assertThat(find(tree, "121030").string(TagFromName.TextValue)).as("Subject ID").isEqualTo("ANONYMIZED");
        assertThat(find(tree, "121031").string(TagFromName.Date)).as("Subject Birth Date").isEqualTo("19000101");
        assertThat(measuredValues(find(tree, "121033"))).as("Subject Age measured values").isZero();
        assertThat(TestStructuredReport.concept(find(tree, "121032").attributes(), TagFromName.ConceptCodeSequence))
                .as("Subject Sex, kept because a CODE has no empty value").isEqualTo("DCM:F");

        assertThat(find(tree, "TEXT-3").string(TagFromName.TextValue)).isEqualTo("ANONYMIZED");
        assertThat(find(tree, "TEXT-4").string(TagFromName.TextValue)).as("TEXT four levels deep")
                .isEqualTo("ANONYMIZED");
        assertThat(find(tree, "DATE").string(TagFromName.Date)).isEqualTo("19000101");
        assertThat(find(tree, "TIME").string(TagFromName.Time)).isEqualTo("000000");
        assertThat(find(tree, "DATETIME").string(TagFromName.DateTime)).isEqualTo("19000101000000");
        assertThat(find(tree, "DATETIME").has(TagFromName.ObservationDateTime)).as("Observation DateTime").isFalse();
        assertThat(find(tree, "DATETIME").string(TagFromName.ObservationUID)).as("Observation UID")
                .isEqualTo(project.remap(OBSERVATION_UID));
        assertThat(find(tree, "TCOORD").string(TagFromName.ReferencedDateTime)).isEqualTo("19000101000000");
        assertThat(find(tree, "112040").string(TagFromName.UID)).as("Tracking Unique Identifier")
                .isEqualTo(project.remap(TRACKING_UID));

        assertThat(TestStructuredReport.concept(find(tree, "CODE").attributes(), TagFromName.ConceptCodeSequence))
                .isEqualTo(LOCAL + ":FINDING-1");
        assertThat(measurement(find(tree, "NUM"))).isEqualTo("12.5 UCUM:mm");
        assertThat(Attribute.getFloatValues(find(tree, "SCOORD").attributes(), TagFromName.GraphicData))
                .containsExactly(10f, 20f, 30f, 40f);
        assertThat(Attribute.getFloatValues(find(tree, "SCOORD3D").attributes(), TagFromName.GraphicData))
                .containsExactly(1.5f, 2.5f, 3.5f);
        assertThat(find(tree, "SCOORD3D").string(TagFromName.ReferencedFrameOfReferenceUID))
                .isEqualTo(project.remap(FRAME_OF_REFERENCE_UID));
        assertThat(find(tree, "IMAGE").referencedInstances()).containsExactly(project.remap(IMAGE_UID));
        assertThat(find(tree, "COMPOSITE").referencedInstances())
                .containsExactly(project.remap(PRESENTATION_STATE_UID));
        assertThat(find(tree, "WAVEFORM").referencedInstances()).containsExactly(project.remap(WAVEFORM_UID));
        assertThat(referencedSopClass(find(tree, "WAVEFORM"))).isEqualTo(TestStructuredReport.TWELVE_LEAD_ECG);

        List<Node> context = TestStructuredReport.items(written, TagFromName.AcquisitionContextSequence);
        assertThat(find(context, "OPERATOR").string(TagFromName.TextValue)).isEqualTo("ANONYMIZED");
        assertThat(find(context, "CONTEXT-CODE").has(TagFromName.ConceptCodeSequence)).isTrue();

        assertThat(report.options()).containsExactly(Deidentifier.OPTION_CLEAN_STRUCTURED_CONTENT);
        assertThat(methodCodes(written)).containsExactly("113100", "113104");
        assertThat(written.get(TagFromName.DeidentificationMethod).getStringValues())
                .containsExactly(Deidentifier.PROFILE, "Clean Structured Content")
                .allSatisfy(value -> assertThat(value).hasSizeLessThanOrEqualTo(64));
        Set<String> identifying = values(before, IDENTIFYING_VALUES);
        identifying.add("Operator Roe");
        assertNoneInDcmdump(copy, identifying);
    }

    @Test
    void builtSr_withRetainedDates() throws Exception {
        Path source = output.resolve("built.dcm");
        TestStructuredReport.write(builtReport(), source);
        DeidentificationOptions options = new DeidentificationOptions(true, -10, true, false, true);

        toolkit.deidentify(source, output.resolve("copy.dcm"), new TestRemapper(), options);

        List<Node> tree = contentTree(read(output.resolve("copy.dcm")));
        assertThat(find(tree, "DATE").string(TagFromName.Date)).isEqualTo("20230326");
        assertThat(find(tree, "TIME").string(TagFromName.Time)).as("times are kept").isEqualTo("143015");
        assertThat(find(tree, "DATETIME").string(TagFromName.DateTime)).isEqualTo("20230326143015");
        assertThat(find(tree, "DATETIME").string(TagFromName.ObservationDateTime)).isEqualTo("20230326143500");
        assertThat(find(tree, "121031").string(TagFromName.Date)).as("Subject Birth Date is never shifted")
                .isEqualTo("19000101");
        assertThat(measuredValues(find(tree, "121033"))).as("Subject Age, kept with patient characteristics")
                .isEqualTo(1);
    }

    @Test
    void builtSr_withoutOption_removesContentEmptiesContext() throws Exception {
        Path source = output.resolve("built.dcm");
        TestStructuredReport.write(builtReport(), source);

        DeidentificationReport report = toolkit.deidentify(source, output.resolve("copy.dcm"), new TestRemapper(),
                DeidentificationOptions.BASIC);

        AttributeList written = read(output.resolve("copy.dcm"));
        assertThat(written.get(TagFromName.ContentSequence)).isNull();
        assertThat(written.get(TagFromName.AcquisitionContextSequence)).isInstanceOf(SequenceAttribute.class);
        assertThat(((SequenceAttribute) written.get(TagFromName.AcquisitionContextSequence)).getNumberOfItems())
                .as("items of Acquisition Context Sequence, X/Z in Table E.1-1").isZero();
        assertThat(report.options()).isEmpty();
        assertThat(Files.readString(output.resolve("copy.dcm"), StandardCharsets.ISO_8859_1))
                .doesNotContain("Curie").doesNotContain(IMAGE_UID);
    }

    /**
     * Builds an SR with an item of every value type, observer and patient subject context, TEXT four levels deep,
     * and an Acquisition Context Sequence. Every TEXT and PNAME value is a made-up identifying value.
     */
    private static AttributeList builtReport() throws Exception {
        AttributeList scoord = item("INFERRED FROM", "SCOORD", LOCAL, "SCOORD", "Region");
        putGraphic(scoord, "POLYLINE", 10f, 20f, 30f, 40f);
        withChildren(scoord, referenceItem("SELECTED FROM", "IMAGE", "IMAGE", TestStructuredReport.CT_IMAGE_STORAGE,
                IMAGE_UID));
        AttributeList scoord3d = item("CONTAINS", "SCOORD3D", LOCAL, "SCOORD3D", "Point");
        putGraphic(scoord3d, "POINT", 1.5f, 2.5f, 3.5f);
        put(scoord3d, TagFromName.ReferencedFrameOfReferenceUID, FRAME_OF_REFERENCE_UID);
        AttributeList dateTime = stringItem("CONTAINS", "DATETIME", TagFromName.DateTime, LOCAL, "DATETIME",
                "Started", "20230405143015");
        put(dateTime, TagFromName.ObservationDateTime, "20230405143500");
        put(dateTime, TagFromName.ObservationUID, OBSERVATION_UID);
        AttributeList tcoord = item("CONTAINS", "TCOORD", LOCAL, "TCOORD", "Event");
        put(tcoord, TagFromName.TemporalRangeType, "POINT");
        put(tcoord, TagFromName.ReferencedDateTime, "20230405143015");
        withChildren(tcoord, referenceItem("SELECTED FROM", "WAVEFORM", "WAVEFORM",
                TestStructuredReport.TWELVE_LEAD_ECG, WAVEFORM_UID));

        AttributeList group = withChildren(item("CONTAINS", "CONTAINER", "DCM", "125007", "Measurement Group"),
                stringItem("HAS OBS CONTEXT", "TEXT", TagFromName.TextValue, "DCM", "112039", "Tracking Identifier",
                        "Lesion of Jane Doe"),
                stringItem("HAS OBS CONTEXT", "UIDREF", TagFromName.UID, "DCM", "112040",
                        "Tracking Unique Identifier", TRACKING_UID),
                codeItem("CONTAINS", LOCAL, "CODE", "Finding", LOCAL, "FINDING-1", "Nodule"),
                withChildren(numItem("CONTAINS", LOCAL, "NUM", "Diameter", "12.5", "mm", "millimeter"), scoord),
                scoord3d,
                withChildren(stringItem("CONTAINS", "TEXT", TagFromName.TextValue, LOCAL, "TEXT-3", "Comment",
                        "Seen by Dr Gregory House"),
                        stringItem("HAS CONCEPT MOD", "TEXT", TagFromName.TextValue, LOCAL, "TEXT-4", "Note",
                                "Call Jane at 555-0100")),
                stringItem("CONTAINS", "DATE", TagFromName.Date, LOCAL, "DATE", "Onset", "20230405"),
                stringItem("CONTAINS", "TIME", TagFromName.Time, LOCAL, "TIME", "Onset time", "143015"),
                dateTime,
                tcoord,
                referenceItem("CONTAINS", "COMPOSITE", "COMPOSITE", TestStructuredReport.GRAYSCALE_PRESENTATION_STATE,
                        PRESENTATION_STATE_UID));

        AttributeList root = withChildren(item(null, "CONTAINER", "DCM", "126000", "Imaging Measurement Report"),
                codeItem("HAS OBS CONTEXT", "DCM", "121005", "Observer Type", "DCM", "121006", "Person"),
                stringItem("HAS OBS CONTEXT", "PNAME", TagFromName.PersonName, "DCM", "121008",
                        "Person Observer Name", "Curie^Marie"),
                stringItem("HAS OBS CONTEXT", "TEXT", TagFromName.TextValue, "DCM", "121009",
                        "Person Observer's Organization Name", "St Elsewhere Hospital"),
                stringItem("HAS OBS CONTEXT", "UIDREF", TagFromName.UID, "DCM", "121012", "Device Observer UID",
                        DEVICE_OBSERVER_UID),
                stringItem("HAS OBS CONTEXT", "PNAME", TagFromName.PersonName, "DCM", "121029", "Subject Name",
                        "Doe^Jane"),
                stringItem("HAS OBS CONTEXT", "TEXT", TagFromName.TextValue, "DCM", "121030", "Subject ID",
                        "MRN-4711"),
                stringItem("HAS OBS CONTEXT", "DATE", TagFromName.Date, "DCM", "121031", "Subject Birth Date",
                        "19610203"),
                codeItem("HAS OBS CONTEXT", "DCM", "121032", "Subject Sex", "DCM", "F", "Female"),
                numItem("HAS OBS CONTEXT", "DCM", "121033", "Subject Age", "62", "a", "year"),
                withChildren(item("CONTAINS", "CONTAINER", "DCM", "126010", "Imaging Measurements"), group));
        put(root, TagFromName.ContinuityOfContent, "SEPARATE");

        put(root, TagFromName.SOPClassUID, TestStructuredReport.COMPREHENSIVE_SR);
        put(root, TagFromName.SOPInstanceUID, "1.2.826.0.1.3680043.9.9999.2.1");
        put(root, TagFromName.StudyInstanceUID, "1.2.826.0.1.3680043.9.9999.2.2");
        put(root, TagFromName.SeriesInstanceUID, "1.2.826.0.1.3680043.9.9999.2.3");
        put(root, TagFromName.Modality, "SR");
        put(root, TagFromName.PatientName, "Doe^Jane");
        put(root, TagFromName.PatientID, "MRN-4711");
        put(root, TagFromName.PatientBirthDate, "19610203");
        put(root, TagFromName.StudyDate, "20230405");
        put(root, TagFromName.ContentDate, "20230405");
        put(root, TagFromName.ContentTime, "143500");
        put(root, TagFromName.CompletionFlag, "COMPLETE");
        put(root, TagFromName.VerificationFlag, "UNVERIFIED");

        SequenceAttribute acquisitionContext = new SequenceAttribute(TagFromName.AcquisitionContextSequence);
        acquisitionContext.addItem(stringItem(null, "TEXT", TagFromName.TextValue, LOCAL, "OPERATOR", "Operator",
                "Operator Roe"));
        acquisitionContext.addItem(codeItem(null, LOCAL, "CONTEXT-CODE", "Position", LOCAL, "SUPINE", "Supine"));
        root.put(acquisitionContext);
        return root;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return list;
    }

    /** Returns the Referenced SOP Instance UIDs of every IMAGE, COMPOSITE and WAVEFORM item in the content tree. */
    private static List<String> referencedInstances(AttributeList dataSet) {
        List<String> uids = new ArrayList<>();
        for (Node node : contentTree(dataSet)) {
            if (REFERENCE_VALUE_TYPES.contains(node.valueType())) {
                uids.addAll(node.referencedInstances());
            }
        }
        return uids;
    }

    private static List<String> shape(List<Node> tree) {
        return tree.stream().map(node -> node.position() + " " + node.valueType() + " " + node.concept()).toList();
    }

    private static Set<String> values(List<Node> tree, List<AttributeTag> tags) {
        Set<String> values = new LinkedHashSet<>();
        for (Node node : tree) {
            for (AttributeTag tag : tags) {
                String value = node.string(tag).trim();
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static int measuredValues(Node node) {
        return node.attributes().get(TagFromName.MeasuredValueSequence) instanceof SequenceAttribute sequence
                ? sequence.getNumberOfItems()
                : -1;
    }

    /** Returns the NUM item's numeric value and unit code, as "12.5 UCUM:mm". */
    private static String measurement(Node node) {
        SequenceAttribute measured = (SequenceAttribute) node.attributes().get(TagFromName.MeasuredValueSequence);
        AttributeList value = measured.getItem(0).getAttributeList();
        return Attribute.getSingleStringValueOrEmptyString(value, TagFromName.NumericValue) + " "
                + TestStructuredReport.concept(value, TagFromName.MeasurementUnitsCodeSequence);
    }

    private static String referencedSopClass(Node node) {
        SequenceAttribute references = (SequenceAttribute) node.attributes().get(TagFromName.ReferencedSOPSequence);
        return Attribute.getSingleStringValueOrEmptyString(references.getItem(0).getAttributeList(),
                TagFromName.ReferencedSOPClassUID);
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

    private static Set<String> textValuesAtAnyDepth(AttributeList list) throws Exception {
        Set<String> values = new LinkedHashSet<>();
        for (Attribute attribute : list.values()) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    values.addAll(textValuesAtAnyDepth(sequence.getItem(i).getAttributeList()));
                }
            } else if (attribute.getTag().equals(TagFromName.TextValue)) {
                values.add(attribute.getSingleStringValueOrEmptyString().trim());
            }
        }
        return values;
    }

    /** Checks that DCMTK parses the copy, that it keeps Content Sequence, and that no value appears in its dump. */
    private static void assertNoneInDcmdump(Path copy, Set<String> values) throws IOException, InterruptedException {
        String dump = dcmdump(copy);
        assertThat(dump).as("dcmdump of the copy").contains("(0040,a730)");
        for (String value : values) {
            assertThat(dump).as("dcmdump of the copy").doesNotContain(value);
        }
    }

    /** Returns DCMTK's dump of the file with long values printed in full; skips the test without dcmdump. */
    private static String dcmdump(Path copy) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCMDUMP), "dcmdump (dcmtk) is not installed; dump check skipped");
        Process process = new ProcessBuilder(DCMDUMP.toString(), "-q", "+L", copy.toString())
                .redirectErrorStream(true)
                .start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("dcmdump did not finish within 60 s on " + copy);
        }
        assertThat(process.exitValue()).as("dcmdump exit code, output:%n%s", dump).isZero();
        return dump;
    }
}
