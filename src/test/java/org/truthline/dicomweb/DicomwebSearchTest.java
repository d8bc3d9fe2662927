package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.DeidentificationSettings;

/**
 * QIDO-RS result attributes and match keys over real HTTP. Every expected value is read from the de-identified
 * copy with PixelMed and compared with the original sample, so a value taken from the original fails.
 */
class DicomwebSearchTest extends DicomwebTestBase {

    private static final String CT = "01-modalities/CT_small.dcm";
    private static final String MR = "01-modalities/MR_small.dcm";
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /** Imported with shifted dates and kept descriptions. CT_small is assigned to contributor3. */
    static Map<String, ImageRow> retained;
    /** MR_small imported with the default options, which remove dates and descriptions. */
    static ImageRow mrDefault;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (retained != null) {
            return;
        }
        retained = importSamples("QIDO search, dates and descriptions kept",
                new DeidentificationSettings(true, false, true, false), CT, MR);
        mrDefault = importSamples("QIDO search, default options", MR).get(MR);
        retained.values().forEach(this::clearBurnedIn);
        clearBurnedIn(mrDefault);
        assign(retained.get(CT), "contributor3");
    }

    @Test
    void studyResult_hasCopyValues() throws Exception {
        ImageRow ct = retained.get(CT);
        AttributeList copy = readFile(ct.deidentifiedFile());

        JsonNode study = single("lead", "/dicomweb/studies?StudyInstanceUID=" + ct.study());

        assertThat(personName(study, TagFromName.PatientName)).isEqualTo(text(copy, TagFromName.PatientName))
                .startsWith("ANONYMOUS^TL");
        assertThat(value(study, TagFromName.PatientID)).isEqualTo(text(copy, TagFromName.PatientID))
                .startsWith("TL");
        assertThat(value(study, TagFromName.StudyDate)).isEqualTo(text(copy, TagFromName.StudyDate)).hasSize(8);
        assertThat(value(study, TagFromName.StudyTime)).isEqualTo(text(copy, TagFromName.StudyTime))
                .isEqualTo("072730");
        assertThat(value(study, TagFromName.StudyDescription)).isEqualTo(text(copy, TagFromName.StudyDescription))
                .isEqualTo("e+1");
        assertThat(value(study, TagFromName.StudyID)).isEqualTo(text(copy, TagFromName.StudyID));
        assertThat(value(study, TagFromName.AccessionNumber)).isEqualTo(text(copy, TagFromName.AccessionNumber));
        assertThat(value(study, TagFromName.PatientSex)).isEqualTo(text(copy, TagFromName.PatientSex));
        assertThat(study.has(key(TagFromName.AccessionNumber))).as("Accession Number is returned, empty").isTrue();
        assertThat(study.at("/" + key(TagFromName.ModalitiesInStudy) + "/Value/0").asText()).isEqualTo("CT");
        assertThat(study.at("/00080056/Value/0").asText()).as("Instance Availability").isEqualTo("ONLINE");
    }

    @Test
    void studyResult_neverHasOriginalValues() throws Exception {
        AttributeList original = readFile(TestPeers.sample(CT));
        ImageRow ct = retained.get(CT);

        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies?StudyInstanceUID=" + ct.study(), null);
        JsonNode study = mapper.readTree(response.body()).get(0);

        assertThat(personName(study, TagFromName.PatientName)).isNotEqualTo(text(original, TagFromName.PatientName));
        assertThat(value(study, TagFromName.PatientID)).isNotEqualTo(text(original, TagFromName.PatientID));
        assertThat(value(study, TagFromName.StudyDate)).isNotEqualTo(text(original, TagFromName.StudyDate));
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .doesNotContain(text(original, TagFromName.PatientName))
                .doesNotContain("\"" + text(original, TagFromName.PatientID) + "\"");
    }

    @Test
    void defaultOptions_leaveDatesAndDescriptionsEmpty() throws Exception {
        JsonNode study = single("lead", "/dicomweb/studies?StudyInstanceUID=" + mrDefault.study());
        JsonNode series = single("lead", mrDefault.studyPath() + "/series");

        assertThat(study.has(key(TagFromName.StudyDate))).isTrue();
        assertThat(value(study, TagFromName.StudyDate)).isEmpty();
        assertThat(value(study, TagFromName.StudyTime)).isEmpty();
        assertThat(value(study, TagFromName.StudyDescription)).isEmpty();
        assertThat(personName(study, TagFromName.PatientName))
                .isEqualTo(text(readFile(mrDefault.deidentifiedFile()), TagFromName.PatientName));
        assertThat(value(series, TagFromName.SeriesDescription)).isEmpty();
    }

    @Test
    void seriesResult_hasCopyValues() throws Exception {
        ImageRow ct = retained.get(CT);
        AttributeList copy = readFile(ct.deidentifiedFile());
        AttributeList original = readFile(TestPeers.sample(CT));

        JsonNode series = single("lead", ct.studyPath() + "/series");

        assertThat(series.at("/" + key(TagFromName.SeriesNumber) + "/Value/0").isNumber()).isTrue();
        assertThat(series.at("/" + key(TagFromName.SeriesNumber) + "/Value/0").asInt()).isEqualTo(1);
        assertThat(value(series, TagFromName.SeriesDate)).isEqualTo(text(copy, TagFromName.SeriesDate))
                .isNotEqualTo(text(original, TagFromName.SeriesDate)).hasSize(8);
        assertThat(value(series, TagFromName.SeriesTime)).isEqualTo(text(copy, TagFromName.SeriesTime));
        assertThat(value(series, TagFromName.SeriesDescription)).isEqualTo(text(copy, TagFromName.SeriesDescription));
        assertThat(value(series, TagFromName.Modality)).isEqualTo("CT");
        assertThat(series.has(key(TagFromName.PatientName))).as("study attributes need includefield").isFalse();
    }

    @Test
    void instanceResult_hasNumberAndBitsAllocated() throws Exception {
        ImageRow ct = retained.get(CT);

        JsonNode instance = single("lead", ct.seriesPath() + "/instances");

        assertThat(instance.at("/" + key(TagFromName.InstanceNumber) + "/Value/0").asInt()).isEqualTo(1);
        assertThat(instance.at("/" + key(TagFromName.BitsAllocated) + "/Value/0").asInt()).isEqualTo(16);
        assertThat(value(instance, TagFromName.SOPInstanceUID)).isEqualTo(ct.instance());
    }

    @Test
    void includefield_addsHigherLevelAttributes() throws Exception {
        ImageRow ct = retained.get(CT);
        AttributeList copy = readFile(ct.deidentifiedFile());

        JsonNode byKeyword = single("lead", ct.studyPath() + "/series?includefield=StudyDate,PatientID");
        JsonNode byTag = single("lead", ct.studyPath() + "/series?includefield=00081030");
        JsonNode all = single("lead", ct.seriesPath() + "/instances?includefield=all");

        assertThat(value(byKeyword, TagFromName.StudyDate)).isEqualTo(text(copy, TagFromName.StudyDate));
        assertThat(value(byKeyword, TagFromName.PatientID)).isEqualTo(text(copy, TagFromName.PatientID));
        assertThat(byKeyword.has(key(TagFromName.PatientName))).isFalse();
        assertThat(value(byTag, TagFromName.StudyDescription)).isEqualTo("e+1");
        assertThat(personName(all, TagFromName.PatientName)).isEqualTo(text(copy, TagFromName.PatientName));
        assertThat(value(all, TagFromName.SeriesDate)).isEqualTo(text(copy, TagFromName.SeriesDate));
    }

    @Test
    void includefield_unknownValueIsNamedInWarning() throws Exception {
        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies?includefield=InstanceNumber,Foo", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Warning"))
                .anySatisfy(warning -> assertThat(warning).startsWith("299 ").contains("InstanceNumber, Foo"));
    }

    @Test
    void patientId_matchesOnlyThatPatient() throws Exception {
        ImageRow ct = retained.get(CT);
        String pseudonym = text(readFile(ct.deidentifiedFile()), TagFromName.PatientID);
        String wildcard = pseudonym.substring(0, pseudonym.length() - 2) + "?*";

        List<String> exact = studies("lead", "PatientID=" + pseudonym);
        List<String> withWildcards = studies("lead", "PatientID=" + encode(wildcard));
        List<String> original = studies("lead", "PatientID=" + text(readFile(TestPeers.sample(CT)),
                TagFromName.PatientID));

        assertThat(exact).containsExactly(ct.study());
        assertThat(withWildcards).contains(ct.study()).doesNotContain(retained.get(MR).study());
        assertThat(original).doesNotContain(ct.study());
    }

    @Test
    void studyDate_matchesSingleDateAndRanges() throws Exception {
        ImageRow ct = retained.get(CT);
        LocalDate shifted = LocalDate.parse(text(readFile(ct.deidentifiedFile()), TagFromName.StudyDate), DA);
        String day = DA.format(shifted);
        String before = DA.format(shifted.minusDays(1));
        String after = DA.format(shifted.plusDays(1));
        String originalDate = text(readFile(TestPeers.sample(CT)), TagFromName.StudyDate);

        assertThat(studies("lead", "StudyDate=" + day)).contains(ct.study()).doesNotContain(mrDefault.study());
        assertThat(studies("lead", "StudyDate=" + before + "-" + after)).contains(ct.study());
        assertThat(studies("lead", "StudyDate=" + before + "-")).contains(ct.study());
        assertThat(studies("lead", "StudyDate=-" + after)).contains(ct.study());
        assertThat(studies("lead", "StudyDate=" + after + "-")).doesNotContain(ct.study());
        assertThat(studies("lead", "StudyDate=-" + before)).doesNotContain(ct.study());
        assertThat(studies("lead", "StudyDate=" + originalDate)).doesNotContain(ct.study());
    }

    @Test
    void studyDate_invalidIsBadRequest() throws Exception {
        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies?StudyDate=2004-01", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("'2004-01'").contains("YYYYMMDD-YYYYMMDD");
    }

    @Test
    void emptyMatchKey_matchesEveryStudy() throws Exception {
        List<String> all = studies("lead", "");

        assertThat(all).contains(retained.get(CT).study(), mrDefault.study());
        assertThat(studies("lead", "StudyInstanceUID=")).containsExactlyElementsOf(all);
        assertThat(studies("lead", "0020000D=&Modality=")).containsExactlyElementsOf(all);
    }

    @Test
    void emptyMatchKey_returnsAttribute() throws Exception {
        ImageRow ct = retained.get(CT);
        AttributeList copy = readFile(ct.deidentifiedFile());

        JsonNode series = single("lead", ct.studyPath() + "/series?StudyDate=");

        assertThat(value(series, TagFromName.StudyDate)).isEqualTo(text(copy, TagFromName.StudyDate));
    }

    @Test
    void excludedDicomJson_isNotAcceptable() throws Exception {
        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies", "application/dicom+json;q=0, */*");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("application/dicom+json;q=0");
    }

    @Test
    void modalitiesInStudy_matchesAnyListedModality() throws Exception {
        ImageRow ct = retained.get(CT);
        ImageRow mr = retained.get(MR);

        assertThat(studies("lead", "ModalitiesInStudy=MR")).contains(mr.study()).doesNotContain(ct.study());
        assertThat(studies("lead", "ModalitiesInStudy=CT,MR")).contains(mr.study(), ct.study());
        assertThat(studies("lead", "00080061=CT")).contains(ct.study()).doesNotContain(mr.study());
    }

    @Test
    void contributor_getsNoPatientIdentifiers() throws Exception {
        ImageRow ct = retained.get(CT);
        AttributeList copy = readFile(ct.deidentifiedFile());

        JsonNode study = single("contributor3", "/dicomweb/studies?StudyInstanceUID=" + ct.study());
        JsonNode instance = single("contributor3", ct.seriesPath() + "/instances?includefield=all");

        for (JsonNode result : List.of(study, instance)) {
            for (AttributeTag tag : List.of(TagFromName.PatientName, TagFromName.PatientID,
                    TagFromName.AccessionNumber)) {
                assertThat(result.has(key(tag))).as("%s is returned", tag).isTrue();
                assertThat(result.get(key(tag)).has("Value")).as("%s has no value", tag).isFalse();
            }
            assertThat(value(result, TagFromName.StudyDate)).isEqualTo(text(copy, TagFromName.StudyDate));
        }
        assertThat(value(study, TagFromName.StudyDescription)).isEqualTo("e+1");
    }

    @Test
    void contributor_cannotMatchOnPatientId() throws Exception {
        ImageRow ct = retained.get(CT);
        String pseudonym = text(readFile(ct.deidentifiedFile()), TagFromName.PatientID);

        assertThat(studies("contributor3", "")).containsExactly(ct.study());
        assertThat(studies("contributor3", "PatientID=" + pseudonym)).isEmpty();
        assertThat(studies("contributor3", "PatientID=*")).containsExactly(ct.study());
    }

    @Test
    void imageWithoutStoredValues_returnsThemEmpty() throws Exception {
        Map<String, ImageRow> imported = importSamples("QIDO search, image from before V46",
                "02-transfer-syntaxes/MR_small_RLE.dcm");
        ImageRow image = imported.values().iterator().next();
        clearBurnedIn(image);
        // The state of a row imported before migration V46 added these columns.
        jdbc.sql("""
                UPDATE image SET patient_name = NULL, patient_id = NULL, study_date = NULL, study_time = NULL,
                    accession_number = NULL, study_description = NULL, series_number = NULL,
                    instance_number = NULL, bits_allocated = NULL
                WHERE id = ?""").param(image.id()).update();

        JsonNode study = single("lead", "/dicomweb/studies?StudyInstanceUID=" + image.study());
        JsonNode instance = single("lead", image.seriesPath() + "/instances");

        assertThat(value(study, TagFromName.StudyInstanceUID)).isEqualTo(image.study());
        assertThat(study.get(key(TagFromName.PatientName)).has("Value")).isFalse();
        assertThat(study.get(key(TagFromName.StudyDate)).has("Value")).isFalse();
        assertThat(instance.get(key(TagFromName.InstanceNumber)).has("Value")).isFalse();
        assertThat(instance.get(key(TagFromName.BitsAllocated)).has("Value")).isFalse();
    }

    private JsonNode single(String user, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(user, path, null);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        JsonNode results = mapper.readTree(response.body());
        assertThat(results).as("results of %s", path).hasSize(1);
        return results.get(0);
    }

    private List<String> studies(String user, String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(user, "/dicomweb/studies?" + query, null);
        assertThat(response.statusCode()).as("status of %s", query).isEqualTo(200);
        return StreamSupport.stream(mapper.readTree(response.body()).spliterator(), false)
                .map(result -> value(result, TagFromName.StudyInstanceUID)).toList();
    }

    private static String key(AttributeTag tag) {
        return String.format("%04X%04X", tag.getGroup(), tag.getElement());
    }

    /** Returns the first value of a result attribute as text, or "" when it has none. */
    private static String value(JsonNode result, AttributeTag tag) {
        return result.at("/" + key(tag) + "/Value/0").asText("");
    }

    private static String personName(JsonNode result, AttributeTag tag) {
        return result.at("/" + key(tag) + "/Value/0/Alphabetic").asText("");
    }

    /** Returns an attribute of a DICOM file as PixelMed reads it, trimmed, or "" when absent. */
    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static AttributeList readFile(Path file) throws Exception {
        return readDicom(Files.readAllBytes(file));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
