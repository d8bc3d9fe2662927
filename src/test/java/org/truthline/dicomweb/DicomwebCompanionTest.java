package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.identity.Role;
import org.truthline.intake.ImportJob;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;

/**
 * Companion objects over DICOMweb: the corpus SR, which belongs to CT_small's study and series, and the corpus
 * SEG, in a study of its own. Two contributors of their own keep the other tests' contributor assertions intact:
 * one is assigned CT_small, the other nothing.
 */
class DicomwebCompanionTest extends DicomwebTestBase {

    private static final String CT = "01-modalities/CT_small.dcm";
    private static final String SR = "05-sr-seg-other/SR_TID1500_measurement_report.dcm";
    private static final String SEG = "05-sr-seg-other/SEG_binary_overlapping_segments.dcm";
    private static final String MULTIPART_DICOM = "multipart/related; type=\"application/dicom\"";
    private static final String ASSIGNED = "companionreader";
    private static final String UNASSIGNED = "companionoutsider";

    @Autowired
    IdentityService identityService;

    static ImageRow ct;
    static ImageRow sr;
    static ImageRow seg;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (ct != null) {
            return;
        }
        ProjectSummary project = projects.create(new NewProject("DICOMweb companion objects", null,
                "finding-severity", 2, 0.0, 0), "lead");
        ImportJob job = waitFor(imports.startFiles(project.id(), TestPeers.samples(),
                List.of(TestPeers.sample(CT), TestPeers.sample(SR), TestPeers.sample(SEG)), "companion test", "lead")
                .id());
        assertThat(job.importedFiles()).as("images imported").isEqualTo(1);
        assertThat(job.companionFiles()).as("companion objects stored").isEqualTo(2);
        ct = jdbc.sql("""
                SELECT id, study_instance_uid, series_instance_uid, sop_instance_uid, deidentified_path,
                       burned_in_status
                FROM image WHERE project_id = ? AND source_name = ?""").params(project.id(), CT)
                .query((rs, n) -> new ImageRow(rs.getLong("id"), rs.getString("study_instance_uid"),
                        rs.getString("series_instance_uid"), rs.getString("sop_instance_uid"),
                        Path.of(rs.getString("deidentified_path")), rs.getString("burned_in_status")))
                .single();
        sr = companion(project.id(), SR);
        seg = companion(project.id(), SEG);
        clearBurnedIn(ct);
        createContributor(ASSIGNED);
        createContributor(UNASSIGNED);
        assign(ct, ASSIGNED);
    }

    private ImageRow companion(long projectId, String sourceName) {
        return jdbc.sql("""
                SELECT id, study_instance_uid, series_instance_uid, sop_instance_uid, deidentified_path
                FROM companion_object WHERE project_id = ? AND source_name = ?""").params(projectId, sourceName)
                .query((rs, n) -> new ImageRow(rs.getLong("id"), rs.getString("study_instance_uid"),
                        rs.getString("series_instance_uid"), rs.getString("sop_instance_uid"),
                        Path.of(rs.getString("deidentified_path")), null))
                .single();
    }

    private void createContributor(String userId) {
        User user = identityService.newUser(userId);
        user.setPassword(userId);
        identityService.saveUser(user);
        identityService.createMembership(userId, Role.CONTRIBUTOR.id());
    }

    @Test
    void qidoStudy_countsCompanionObject() throws Exception {
        JsonNode study = single("lead", "/dicomweb/studies?StudyInstanceUID=" + ct.study());

        assertThat(sr.study()).as("the SR copy's study").isEqualTo(ct.study());
        assertThat(study.at("/00201208/Value/0").asInt()).as("Number of Study Related Instances").isEqualTo(2);
        assertThat(texts(study.at("/00080061/Value"))).as("Modalities in Study").containsExactly("CT", "SR");
    }

    @Test
    void qidoInstances_listCompanionAfterImage() throws Exception {
        JsonNode instances = mapper.readTree(get("lead", ct.seriesPath() + "/instances", null).body());

        assertThat(instances).hasSize(2);
        assertThat(instances.get(0).at("/00080018/Value/0").asText()).isEqualTo(ct.instance());
        JsonNode report = instances.get(1);
        assertThat(report.at("/00080018/Value/0").asText()).isEqualTo(sr.instance());
        assertThat(report.at("/00080016/Value/0").asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.34");
        assertThat(report.at("/00080060/Value/0").asText()).isEqualTo("SR");
        assertThat(report.at("/00280008").has("Value")).as("Number of Frames of an SR").isFalse();
        assertThat(report.at("/00081190/Value/0").asText()).endsWith(sr.instancePath());
    }

    @Test
    void qidoModalitiesInStudy_matchesCompanionModality() throws Exception {
        JsonNode studies = mapper.readTree(get("lead", "/dicomweb/studies?ModalitiesInStudy=SEG", null).body());

        assertThat(texts(studies, "0020000D")).contains(seg.study()).doesNotContain(ct.study());
    }

    @Test
    void wadoInstance_retrievesDeidentifiedReport() throws Exception {
        HttpResponse<byte[]> response = get("lead", sr.instancePath(), MULTIPART_DICOM);

        assertThat(response.statusCode()).isEqualTo(200);
        List<byte[]> parts = multipartBodies(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        AttributeList report = readDicom(parts.get(0));
        assertThat(text(report, TagFromName.SOPInstanceUID)).isEqualTo(sr.instance());
        assertThat(text(report, TagFromName.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(text(report, TagFromName.PatientName)).startsWith("ANONYMOUS^TL");
    }

    @Test
    void wadoStudy_includesCompanionObject() throws Exception {
        HttpResponse<byte[]> response = get("lead", ct.studyPath(), MULTIPART_DICOM);

        List<byte[]> parts = multipartBodies(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        List<String> instances = parts.stream().map(part -> {
            try {
                return text(readDicom(part), TagFromName.SOPInstanceUID);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(instances).containsExactly(ct.instance(), sr.instance());
    }

    @Test
    void wadoSegmentation_transcodesToExplicitLittleEndian() throws Exception {
        HttpResponse<byte[]> response = get("lead", seg.instancePath(),
                MULTIPART_DICOM + "; transfer-syntax=1.2.840.10008.1.2.1");

        assertThat(response.statusCode()).isEqualTo(200);
        List<byte[]> parts = multipartBodies(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        AttributeList segmentation = readDicom(parts.get(0));
        assertThat(text(segmentation, TagFromName.TransferSyntaxUID)).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(text(segmentation, TagFromName.SOPInstanceUID)).isEqualTo(seg.instance());
        assertThat(text(segmentation, TagFromName.NumberOfFrames)).isEqualTo("8");
    }

    @Test
    void wadoMetadata_describesCompanionObject() throws Exception {
        HttpResponse<byte[]> response = get("lead", sr.instancePath() + "/metadata", "application/dicom+json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = mapper.readTree(response.body()).get(0);
        assertThat(metadata.at("/00080018/Value/0").asText()).isEqualTo(sr.instance());
        assertThat(metadata.at("/00120062/Value/0").asText()).as("Patient Identity Removed").isEqualTo("YES");
    }

    @Test
    void contributor_seesNoCompanionObject() throws Exception {
        JsonNode instances = mapper.readTree(get(ASSIGNED, ct.seriesPath() + "/instances", null).body());

        assertThat(texts(instances, "00080018")).as("instances a contributor finds in its image's series")
                .doesNotContain(sr.instance());
        assertThat(get(ASSIGNED, sr.instancePath(), MULTIPART_DICOM).statusCode()).isEqualTo(404);
        assertThat(get(ASSIGNED, seg.instancePath(), MULTIPART_DICOM).statusCode()).isEqualTo(404);
        assertThat(get("lead", sr.instancePath(), MULTIPART_DICOM).statusCode()).isEqualTo(200);
    }

    @Test
    void contributor_missesOtherStudies() throws Exception {
        JsonNode studiesOfOutsider = mapper.readTree(get(UNASSIGNED, "/dicomweb/studies", null).body());
        JsonNode studiesOfReader = mapper.readTree(get(ASSIGNED, "/dicomweb/studies", null).body());

        assertThat(studiesOfOutsider).isEmpty();
        assertThat(get(UNASSIGNED, sr.instancePath(), MULTIPART_DICOM).statusCode()).isEqualTo(404);
        assertThat(texts(studiesOfReader, "0020000D")).containsExactly(ct.study());
        assertThat(get("lead", seg.instancePath(), MULTIPART_DICOM).statusCode()).isEqualTo(200);
    }

    @Test
    void rendered_rejectsCompanionObject() throws Exception {
        HttpResponse<byte[]> report = get("lead", sr.instancePath() + "/rendered", "image/png");
        HttpResponse<byte[]> segmentation = get("lead", seg.instancePath() + "/rendered", "image/png");

        assertThat(report.statusCode()).isEqualTo(404);
        assertThat(error(report)).contains("Comprehensive 3D SR Storage", "does not render");
        assertThat(segmentation.statusCode()).isEqualTo(404);
        assertThat(error(segmentation)).contains("Segmentation Storage", "retrieve the instance");
    }

    @Test
    void frames_servedForSegmentationOnly() throws Exception {
        HttpResponse<byte[]> segmentation = get("lead", seg.instancePath() + "/frames/1,8", null);
        HttpResponse<byte[]> report = get("lead", sr.instancePath() + "/frames/1", null);

        assertThat(segmentation.statusCode()).isEqualTo(200);
        List<byte[]> frames = multipartBodies(segmentation.headers().firstValue("Content-Type").orElseThrow(),
                segmentation.body());
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).as("a 16x16 1-bit frame").hasSize(32);
        assertThat(report.statusCode()).isEqualTo(404);
        assertThat(error(report)).contains("has no Pixel Data");
    }

    private JsonNode single(String user, String path) throws Exception {
        HttpResponse<byte[]> response = get(user, path, null);
        assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
        JsonNode results = mapper.readTree(response.body());
        assertThat(results).as("results of %s", path).hasSize(1);
        return results.get(0);
    }

    private static List<String> texts(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode results, String tag) {
        return StreamSupport.stream(results.spliterator(), false)
                .map(result -> result.at("/" + tag + "/Value/0").asText()).toList();
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }
}
