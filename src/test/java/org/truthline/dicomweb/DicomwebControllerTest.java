package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truthline.intake.ImportJob;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;

/** QIDO-RS and WADO-RS over real HTTP on the de-identified copies of CT_small and MR_small. */
class DicomwebControllerTest extends DicomwebTestBase {

    private static final String MULTIPART_DICOM = "multipart/related; type=\"application/dicom\"";


    static Map<String, Object> ct;
    static Map<String, Object> mr;
    static Map<String, Object> heldImage;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (ct != null) {
            return;
        }
        ProjectSummary project = projects.create(new NewProject("DICOMweb server test", null, "finding-severity", 2,
                0.0, 0), "lead");
        ImportJob job = imports.startFiles(project.id(), TestPeers.samples(), List.of(
                TestPeers.sample("01-modalities/CT_small.dcm"), TestPeers.sample("01-modalities/MR_small.dcm"),
                TestPeers.sample("02-transfer-syntaxes/OT_RGB_RLE.dcm")),
                "DICOMweb test", "lead");
        assertThat(waitFor(job.id()).importedFiles()).isEqualTo(3);
        ct = row(project.id(), "01-modalities/CT_small.dcm");
        mr = row(project.id(), "01-modalities/MR_small.dcm");
        heldImage = row(project.id(), "02-transfer-syntaxes/OT_RGB_RLE.dcm");
        // All three lack Burned In Annotation, so intake held them. A lead clears CT and MR, and OT stays held.
        jdbc.sql("UPDATE image SET burned_in_status = 'CLEARED' WHERE id IN (?, ?)")
                .params(ct.get("id"), mr.get("id")).update();
        // contributor2 is assigned MR_small and the held OT_RGB_RLE. contributor1 has no assignment.
        assign(mr.get("id"));
        assign(heldImage.get("id"));
    }

    private void assign(Object imageId) {
        jdbc.sql("""
                INSERT INTO assignment (image_id, process_instance_id, contributor, status, created_at)
                VALUES (?, 'dicomweb-test', 'contributor2', 'OPEN', ?)""")
                .params(imageId, OffsetDateTime.now()).update();
    }

    private Map<String, Object> row(long projectId, String sourceName) {
        return jdbc.sql("""
                SELECT id, study_instance_uid, series_instance_uid, sop_instance_uid, original_sop_instance_uid,
                       burned_in_status
                FROM image WHERE project_id = ? AND source_name = ?""").params(projectId, sourceName)
                .query().singleRow().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue));
    }

    @Test
    void qidoStudies_listsImportedStudiesForLead() throws Exception {
        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies", "application/dicom+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/dicom+json"));
        List<String> studies = values(mapper.readTree(response.body()), "0020000D");
        assertThat(studies).contains((String) ct.get("study_instance_uid"), (String) mr.get("study_instance_uid"));
    }

    @Test
    void qidoInstances_returnsBasicAttributesAndRetrieveUrl() throws Exception {
        String path = "/dicomweb/studies/" + ct.get("study_instance_uid") + "/series/"
                + ct.get("series_instance_uid") + "/instances";

        JsonNode instances = mapper.readTree(get("lead", path, null).body());

        assertThat(instances).hasSize(1);
        JsonNode instance = instances.get(0);
        assertThat(instance.at("/00080018/Value/0").asText()).isEqualTo(ct.get("sop_instance_uid"));
        assertThat(instance.at("/00080016/Value/0").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(instance.at("/00080060/Value/0").asText()).isEqualTo("CT");
        assertThat(instance.at("/00280010/Value/0").asInt()).isEqualTo(128);
        assertThat(instance.at("/00280011/Value/0").asInt()).isEqualTo(128);
        assertThat(instance.at("/00280008/Value/0").asInt()).isEqualTo(1);
        assertThat(instance.at("/00081190/Value/0").asText())
                .isEqualTo("http://127.0.0.1:" + port + path + "/" + ct.get("sop_instance_uid"));
    }

    @Test
    void qidoStudies_contributorSeesOnlyAssignedImages() throws Exception {
        List<String> forContributor2 = values(mapper.readTree(get("contributor2", "/dicomweb/studies", null).body()),
                "0020000D");
        List<String> forContributor1 = values(mapper.readTree(get("contributor1", "/dicomweb/studies", null).body()),
                "0020000D");

        assertThat(forContributor2).containsExactly((String) mr.get("study_instance_uid"));
        assertThat(forContributor1).isEmpty();
    }

    @Test
    void heldImage_hiddenFromAssignedContributor() throws Exception {
        String series = "/dicomweb/studies/" + heldImage.get("study_instance_uid") + "/series/"
                + heldImage.get("series_instance_uid");

        List<String> forContributor2 = values(mapper.readTree(get("contributor2", "/dicomweb/studies", null).body()),
                "0020000D");

        assertThat(heldImage.get("burned_in_status")).isEqualTo("PENDING");
        assertThat(forContributor2).doesNotContain((String) heldImage.get("study_instance_uid"));
        assertThat(get("contributor2", series, MULTIPART_DICOM).statusCode()).isEqualTo(404);
        assertThat(get("lead", series, MULTIPART_DICOM).statusCode()).isEqualTo(200);
    }

    @Test
    void wadoStudy_returnsDeidentifiedDicomParts() throws Exception {
        HttpResponse<byte[]> response = get("lead", "/dicomweb/studies/" + ct.get("study_instance_uid"),
                MULTIPART_DICOM);

        assertThat(response.statusCode()).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/related").contains("type=\"application/dicom\"");
        List<byte[]> parts = multipartBodies(contentType, response.body());
        assertThat(parts).hasSize(1);
        AttributeList dicom = readDicom(parts.get(0));
        assertThat(Attribute.getSingleStringValueOrEmptyString(dicom, TagFromName.PatientName))
                .isNotEqualTo(CT_ORIGINAL_PATIENT_NAME);
        assertThat(Attribute.getSingleStringValueOrEmptyString(dicom, TagFromName.SOPInstanceUID))
                .isEqualTo(ct.get("sop_instance_uid"))
                .isNotEqualTo(ct.get("original_sop_instance_uid"));
    }

    @Test
    void wadoInstance_deniedToUnassignedContributor() throws Exception {
        String path = "/dicomweb/studies/" + ct.get("study_instance_uid") + "/series/"
                + ct.get("series_instance_uid") + "/instances/" + ct.get("sop_instance_uid");

        assertThat(get("contributor2", path, MULTIPART_DICOM).statusCode()).isEqualTo(404);
        assertThat(get("lead", path, MULTIPART_DICOM).statusCode()).isEqualTo(200);
    }

    @Test
    void wadoInstance_rejectsUnsupportedAccept() throws Exception {
        String path = "/dicomweb/studies/" + ct.get("study_instance_uid");

        assertThat(get("lead", path, "multipart/related; type=\"image/jpeg\"").statusCode()).isEqualTo(406);
    }

    @Test
    void metadata_isDeidentifiedDicomJson() throws Exception {
        String path = "/dicomweb/studies/" + ct.get("study_instance_uid") + "/series/"
                + ct.get("series_instance_uid") + "/instances/" + ct.get("sop_instance_uid") + "/metadata";

        HttpResponse<byte[]> response = get("lead", path, "application/dicom+json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = mapper.readTree(response.body()).get(0);
        assertThat(metadata.at("/00080018/Value/0").asText()).isEqualTo(ct.get("sop_instance_uid"));
        assertThat(metadata.at("/00100010/Value/0/Alphabetic").asText()).isNotEqualTo(CT_ORIGINAL_PATIENT_NAME);
        assertThat(metadata.at("/7FE00010/vr").asText()).isEqualTo("OW");
        assertThat(metadata.at("/7FE00010/BulkDataURI").asText())
                .isEqualTo("http://127.0.0.1:" + port + path.replace("/metadata", "/bulkdata/7FE00010"));
        assertThat(metadata.at("/7FE00010").has("InlineBinary")).isFalse();
        assertThat(new String(response.body())).doesNotContain("CompressedSamples");
    }

    @Test
    void dicomweb_requiresAuthentication() throws Exception {
        HttpResponse<byte[]> response = get(null, "/dicomweb/studies", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private static List<String> values(JsonNode results, String tag) {
        return java.util.stream.StreamSupport.stream(results.spliterator(), false)
                .map(result -> result.at("/" + tag + "/Value/0").asText()).toList();
    }
}
