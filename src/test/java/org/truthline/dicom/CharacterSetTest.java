package org.truthline.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding of the 04-charsets samples. The expected names are the output of DCMTK 3.6.7 {@code dcmdump +U8}
 * for each file. dcmdump cannot convert ISO 2022 IR 87 on this system ("Cannot open character encoding"), so
 * the expected value of chrH31 is the raw PN value converted with {@code iconv -f ISO-2022-JP -t UTF-8}.
 */
class CharacterSetTest {

    private final PixelMedDicomToolkit toolkit = new PixelMedDicomToolkit(DicomLimits.DEFAULTS);

    @TempDir
    Path output;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chrFrenMulti_ISO_IR_100.dcm  | Buc^Jérôme
            chrGreek_ISO_IR_126.dcm      | Διονυσιος
            chrRuss_ISO_IR_144.dcm       | Люкceмбypг
            chrX1_ISO_IR_192_UTF8.dcm    | Wang^XiaoDong=王^小東=
            chrX2_GB18030.dcm            | Wang^XiaoDong=王^小东=
            chrH31_ISO2022_IR87.dcm      | Yamada^Tarou=山田^太郎=やまだ^たろう
            """)
    void patientName_matchesDcmdump(String fileName, String expected) throws Exception {
        Path file = SampleCorpus.file("04-charsets/" + fileName);

        assertThat(toolkit.decodedText(file, "PatientName")).isEqualTo(expected);
        assertThat(toolkit.identifyingText(file)).containsEntry("PatientName", expected);
    }

    @Test
    void identifyingText_listsPresentAttributesInOrder() throws Exception {
        Map<String, String> text = toolkit.identifyingText(SampleCorpus.file("04-charsets/chrX1_ISO_IR_192_UTF8.dcm"));

        assertThat(text.keySet()).containsSubsequence("PatientName", "PatientID", "ReferringPhysicianName");
        assertThat(text).containsEntry("PatientID", "X1EXAMPLE");
        assertThat(text).doesNotContainKey("InstitutionAddress");
    }

    @Test
    void emptyCharacterSet_decodesAsDefaultRepertoire() throws Exception {
        Path file = SampleCorpus.file("04-charsets/empty_SpecificCharacterSet.dcm");

        assertThat(toolkit.decodedText(file, "PatientName")).isNull();
        assertThat(toolkit.decodedText(file, "SpecificCharacterSet")).isEmpty();
    }

    @Test
    void unknownKeyword_isRejected() {
        Path file = SampleCorpus.file("04-charsets/chrX1_ISO_IR_192_UTF8.dcm");

        assertThatThrownBy(() -> toolkit.decodedText(file, "PatientNom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PatientNom");
    }

    static Stream<String> charsetSamples() {
        Path folder = SampleCorpus.root().resolve("04-charsets");
        String[] names = folder.toFile().list((dir, name) -> name.endsWith(".dcm"));
        return names == null ? Stream.empty() : Arrays.stream(names).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charsetSamples")
    void everySample_readsAndDeidentifies(String fileName) throws Exception {
        Path file = SampleCorpus.file("04-charsets/" + fileName);
        Path copy = output.resolve(fileName);

        toolkit.read(file);
        toolkit.identifyingText(file);
        if (fileName.equals("empty_SpecificCharacterSet.dcm")) {
            // This sample has no SOP Class UID anywhere, so it is rejected for that, not for its character set.
            assertThatThrownBy(() -> toolkit.deidentify(file, copy, new TestRemapper(), DeidentificationOptions.BASIC))
                    .hasMessageContaining("no SOP Class UID");
            return;
        }
        DeidentificationReport report = toolkit.deidentify(file, copy, new TestRemapper(),
                DeidentificationOptions.BASIC);

        assertThat(report.deidentified().sopInstanceUid()).startsWith("2.25.");
        assertThat(toolkit.decodedText(copy, "PatientName")).startsWith("ANONYMOUS^TL");
        assertThat(toolkit.decodedText(copy, "SpecificCharacterSet"))
                .isEqualTo(toolkit.decodedText(file, "SpecificCharacterSet"));
    }

    /**
     * PixelMed 20220618 decodes GB2312 text under a lone "ISO 2022 IR 58" as Latin-1 and leaves "$)A" of the
     * escape sequence in it, so the value must come back in the marked raw form.
     */
    @Test
    void undecodableValue_isMarkedRaw() throws Exception {
        byte[] value = gb2312Name();
        Path file = withPatientNameBytes(SampleCorpus.file("04-charsets/chrX1_ISO_IR_192_UTF8.dcm"),
                "ISO 2022 IR 58", value);

        String decoded = toolkit.decodedText(file, "PatientName");

        assertThat(decoded).startsWith("[undecoded ISO 2022 IR 58] 0x");
        assertThat(decoded).contains(HexFormat.of().withUpperCase().formatHex(value));
        assertThat(toolkit.identifyingText(file).get("PatientName")).isEqualTo(decoded);
        toolkit.read(file);
        toolkit.deidentify(file, output.resolve("gb-copy.dcm"), new TestRemapper(), DeidentificationOptions.BASIC);
        assertThat(toolkit.decodedText(output.resolve("gb-copy.dcm"), "PatientName")).startsWith("ANONYMOUS^TL");
    }

    /** Returns ESC $ ) A (GB2312 into G1) followed by the name in GB2312, 10 bytes. */
    private static byte[] gb2312Name() {
        byte[] escape = {0x1B, '$', ')', 'A'};
        byte[] name = "王小东".getBytes(Charset.forName("GB2312"));
        byte[] value = Arrays.copyOf(escape, escape.length + name.length);
        System.arraycopy(name, 0, value, escape.length, name.length);
        return value;
    }

    /**
     * Writes a copy of a sample whose Specific Character Set is {@code characterSet} and whose Patient Name
     * contains exactly {@code value}. PixelMed writes an ASCII placeholder of the same length, which is then
     * replaced byte for byte, so no encoder touches the value.
     */
    private Path withPatientNameBytes(Path sample, String characterSet, byte[] value) throws Exception {
        AttributeList list = new AttributeList();
        list.read(sample.toFile());
        String placeholder = "Q".repeat(value.length);
        replace(list, TagFromName.SpecificCharacterSet, characterSet);
        replace(list, TagFromName.PatientName, placeholder);
        Path file = output.resolve("gb2312.dcm");
        list.write(file.toFile(), Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID),
                true, true);

        byte[] bytes = Files.readAllBytes(file);
        byte[] marker = placeholder.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, marker);
        assertThat(at).as("placeholder position").isPositive();
        System.arraycopy(value, 0, bytes, at, value.length);
        Files.write(file, bytes);
        return file;
    }

    private static void replace(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String value)
            throws Exception {
        Attribute attribute = list.get(tag);
        attribute.removeValues();
        attribute.addValue(value);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void keywordsOfIdentifyingText_areInDictionary() {
        List<String> keywords = DicomToolkit.IDENTIFYING_TEXT_KEYWORDS;

        for (String keyword : keywords) {
            assertThat(AttributeList.getDictionary().getTagFromName(keyword)).as(keyword).isNotNull();
        }
    }
}
