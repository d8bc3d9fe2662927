package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * De-identifies sets of related objects with one project remapper and checks them with real peers: dicom3tools
 * {@code dcentvfy} for patient and study consistency across files, and DCMTK {@code dcmdump} for each file.
 */
class DeidentifiedSetTest {

    private static final Path DCENTVFY = Path.of("/usr/bin/dcentvfy");
    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final List<AttributeTag> REFERENCE_TAGS = List.of(TagFromName.ReferencedSOPInstanceUID,
            TagFromName.StudyInstanceUID, TagFromName.SeriesInstanceUID);

    /** Text Object Sequence (0070,0008) and Unformatted Text Value (0070,0006), which PixelMed has no names for. */
    private static final AttributeTag TEXT_OBJECT_SEQUENCE = new AttributeTag(0x0070, 0x0008);
    private static final AttributeTag UNFORMATTED_TEXT_VALUE = new AttributeTag(0x0070, 0x0006);

    /** Content Sequence (0040,A730) as PixelMed prints the tag in a path. */
    private static final String CONTENT_SEQUENCE = TagFromName.ContentSequence.toString();

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @Test
    void dicomdirSet_isConsistentInDcentvfy() throws Exception {
        List<Path> sources = toolkit.listFiles(SampleCorpus.root().resolve("06-dicomdir"));
        assertThat(sources).as("files referenced by the DICOMDIR").hasSizeGreaterThan(20);

        List<Path> copies = deidentifyAll(sources, new TestRemapper());

        ToolResult check = dcentvfy(copies);
        assertThat(check.exitCode()).as("dcentvfy exit code, output:%n%s", check.output()).isZero();
        assertThat(check.output()).doesNotContain("Error");
    }

    @Test
    void samePatientIdDifferentNames_becomeConsistent() throws Exception {
        List<Path> sources = List.of(SampleCorpus.file("03-phi-deid/MR_same_PatientID_name_FOO.dcm"),
                SampleCorpus.file("03-phi-deid/MR_same_PatientID_name_HELLO.dcm"));
        assertThat(dcentvfy(sources).output()).as("dcentvfy on the originals").contains("Error");

        List<Path> copies = deidentifyAll(sources, new TestRemapper());

        ToolResult check = dcentvfy(copies);
        assertThat(check.exitCode()).as("dcentvfy exit code, output:%n%s", check.output()).isZero();
        assertThat(check.output()).doesNotContain("Error");
    }

    /**
     * The SR, SEG and presentation state reference images that the corpus lacks. Their references still
     * resolve after de-identification when every referenced UID inside a sequence is the project remapper's
     * replacement of the original, because the images would be de-identified with the same remapper. DICOM has
     * no ReferencedSeriesInstanceUID keyword: series are referenced by SeriesInstanceUID inside sequences such
     * as ReferencedSeriesSequence, which this test checks.
     *
     * <p>The Basic Profile removes Content Sequence (action X in PS3.15 Table E.1-1), so the SR's content tree
     * and the image references inside it are gone from the copy. Only references outside it remain.
     */
    @Test
    void srSegPrReferences_useProjectRemapper() throws Exception {
        List<Path> sources = List.of(SampleCorpus.file("05-sr-seg-other/SR_TID1500_measurement_report.dcm"),
                SampleCorpus.file("05-sr-seg-other/SEG_binary_overlapping_segments.dcm"),
                SampleCorpus.file("05-sr-seg-other/PR_GSPS_Issue168.dcm"));
        TestRemapper project = new TestRemapper();

        List<Path> copies = deidentifyAll(sources, project);

        for (int i = 0; i < sources.size(); i++) {
            Map<String, String> original = nestedReferences(read(sources.get(i)));
            Map<String, String> written = nestedReferences(read(copies.get(i)));
            assertThat(original).as("references inside sequences of %s", sources.get(i).getFileName()).isNotEmpty();
            for (Map.Entry<String, String> reference : original.entrySet()) {
                if (reference.getKey().contains(CONTENT_SEQUENCE)) {
                    continue;
                }
                assertThat(written).as("%s in %s", reference.getKey(), copies.get(i).getFileName())
                        .containsEntry(reference.getKey(), project.remap(reference.getValue()));
            }
            assertThat(written.keySet()).as("Content Sequence paths in %s", copies.get(i).getFileName())
                    .noneMatch(path -> path.contains(CONTENT_SEQUENCE));
            assertThat(written.values()).doesNotContainAnyElementsOf(original.values());
            assertDcmdumpShowsDeidentified(copies.get(i));
        }
    }

    /**
     * Graphic Annotation Sequence has action D, so the text a user typed into a presentation state's annotations
     * gets a dummy, while the graphics and the referenced images stay.
     */
    @Test
    void presentationStateText_getsDummyValues() throws Exception {
        Path source = SampleCorpus.file("05-sr-seg-other/PR_GSPS_Issue168.dcm");
        List<String> typed = unformattedTexts(read(source));
        assertThat(typed).as("texts typed into the original's annotations").contains("some caution!!");

        Path copy = deidentifyAll(List.of(source), new TestRemapper()).get(0);

        List<String> written = unformattedTexts(read(copy));
        assertThat(written).as("Unformatted Text Values of the copy").hasSameSizeAs(typed);
        assertThat(written).doesNotContainAnyElementsOf(typed);
        assertThat(Files.readString(copy, StandardCharsets.ISO_8859_1)).doesNotContain("some caution!!")
                .doesNotContain("Abnormality Score");
        SequenceAttribute annotations = (SequenceAttribute) read(copy).get(TagFromName.GraphicAnnotationSequence);
        assertThat(annotations.getNumberOfItems()).as("annotation items kept").isPositive();
    }

    /** Returns every Unformatted Text Value inside Graphic Annotation Sequence's Text Object Sequences. */
    private static List<String> unformattedTexts(AttributeList list) {
        List<String> texts = new ArrayList<>();
        SequenceAttribute annotations = (SequenceAttribute) list.get(TagFromName.GraphicAnnotationSequence);
        for (int i = 0; i < annotations.getNumberOfItems(); i++) {
            Attribute textObjects = annotations.getItem(i).getAttributeList().get(TEXT_OBJECT_SEQUENCE);
            if (textObjects instanceof SequenceAttribute sequence) {
                for (int j = 0; j < sequence.getNumberOfItems(); j++) {
                    texts.add(Attribute.getSingleStringValueOrEmptyString(sequence.getItem(j).getAttributeList(),
                            UNFORMATTED_TEXT_VALUE));
                }
            }
        }
        return texts;
    }

    private List<Path> deidentifyAll(List<Path> sources, UidRemapper project) throws DicomRejectedException {
        List<Path> copies = new ArrayList<>();
        for (Path source : sources) {
            Path copy = output.resolve(copies.size() + "-" + source.getFileName() + ".dcm");
            toolkit.deidentify(source, copy, project, DeidentificationOptions.BASIC);
            copies.add(copy);
        }
        return copies;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile(), TagFromName.PixelData);
        return list;
    }

    /** Returns reference UIDs found inside standard sequences, keyed by their path such as "(0008,1115)[0](0008,1155)". */
    private static Map<String, String> nestedReferences(AttributeList list) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        collect(list, "", 0, found);
        return found;
    }

    private static void collect(AttributeList list, String path, int depth, Map<String, String> found)
            throws Exception {
        for (Attribute attribute : list.values()) {
            if (attribute.getTag().isPrivate()) {
                continue; // private attributes are removed, references inside them included
            }
            String attributePath = path + attribute.getTag();
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    collect(sequence.getItem(i).getAttributeList(), attributePath + "[" + i + "]", depth + 1, found);
                }
            } else if (depth > 0 && REFERENCE_TAGS.contains(attribute.getTag()) && attribute.getVM() > 0) {
                String[] values = attribute.getStringValues();
                for (int v = 0; v < values.length; v++) {
                    found.put(attributePath + "#" + v, values[v].trim());
                }
            }
        }
    }

    private static void assertDcmdumpShowsDeidentified(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCMDUMP), "dcmdump (dcmtk) is not installed; parse check skipped");
        ToolResult dump = run(List.of(DCMDUMP.toString(), "-q", file.toString()));
        assertThat(dump.exitCode()).as("dcmdump exit code, output:%n%s", dump.output()).isZero();
        List<String> privateLines = dump.output().lines()
                .map(String::trim)
                .filter(line -> line.matches("\\([0-9a-f]{3}[13579bdf],[0-9a-f]{4}\\).*"))
                .toList();
        assertThat(privateLines).as("private attributes in %s", file.getFileName()).isEmpty();
        assertThat(dump.output()).contains("(0012,0062) CS [YES]");
    }

    private static ToolResult dcentvfy(List<Path> files) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DCENTVFY), "dcentvfy (dicom3tools) is not installed; consistency check skipped");
        List<String> command = new ArrayList<>(List.of(DCENTVFY.toString()));
        files.forEach(file -> command.add(file.toString()));
        return run(command);
    }

    private record ToolResult(int exitCode, String output) {
    }

    private static ToolResult run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 60 s");
        }
        return new ToolResult(process.exitValue(), text);
    }
}
