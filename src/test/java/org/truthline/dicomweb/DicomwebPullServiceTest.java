package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.scp.TestPeers;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;

/** Pulls CT_small from a real Orthanc on loopback over QIDO-RS and WADO-RS into fresh projects. */
class DicomwebPullServiceTest extends DicomwebTestBase {

    private static OrthancProcess orthanc;
    private static String studyInstanceUid;
    private static String patientId;

    @Autowired
    DicomwebPullService pulls;
    @Autowired
    ProjectDicomwebUrls urls;

    @BeforeAll
    static void startOrthanc() throws Exception {
        Path ct = TestPeers.sample("01-modalities/CT_small.dcm");
        AttributeList original = readDicom(Files.readAllBytes(ct));
        studyInstanceUid = Attribute.getSingleStringValueOrEmptyString(original, TagFromName.StudyInstanceUID);
        patientId = Attribute.getSingleStringValueOrEmptyString(original, TagFromName.PatientID);
        orthanc = OrthancProcess.start();
        orthanc.upload(ct);
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private ProjectSummary projectPullingFromOrthanc(String name) {
        ProjectSummary project = projects.create(new NewProject(name, null, "finding-severity", 2, 0.0, 0), "lead");
        urls.assign(project.id(), orthanc.dicomwebUrl() + "/");
        return project;
    }

    @Test
    void pullByStudyUid_importsDeidentifiedCopy() throws Exception {
        ProjectSummary project = projectPullingFromOrthanc("Pull by study");

        ImportJob job = waitFor(pulls.pull(project.id(), PullRequest.study(studyInstanceUid), "lead").id());

        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.source()).isEqualTo("DICOMweb pull from " + orthanc.dicomwebUrl());
        assertThat(job.importedFiles()).isEqualTo(1);
        Map<String, Object> image = jdbc.sql("""
                SELECT study_instance_uid, sop_instance_uid, original_sop_instance_uid, deidentified_path
                FROM image WHERE project_id = ?""").param(project.id()).query().singleRow();
        assertThat(image.get("STUDY_INSTANCE_UID")).isNotEqualTo(studyInstanceUid);
        AttributeList copy = readDicom(Files.readAllBytes(Path.of((String) image.get("DEIDENTIFIED_PATH"))));
        assertThat(Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.PatientName))
                .isNotEqualTo(CT_ORIGINAL_PATIENT_NAME);
        assertThat(Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.SOPInstanceUID))
                .isEqualTo(image.get("SOP_INSTANCE_UID"))
                .isNotEqualTo(image.get("ORIGINAL_SOP_INSTANCE_UID"));
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName)
                .containsExactly(image.get("ORIGINAL_SOP_INSTANCE_UID") + ".dcm");
    }

    @Test
    void pullByPatientIdSearch_importsMatchingStudy() throws Exception {
        ProjectSummary project = projectPullingFromOrthanc("Pull by search");

        ImportJob job = waitFor(pulls.pull(project.id(), new PullRequest(null, patientId, null), "lead").id());

        assertThat(job.importedFiles()).isEqualTo(1);
    }

    @Test
    void pullEndpoint_returnsImportJobForLead() throws Exception {
        ProjectSummary project = projectPullingFromOrthanc("Pull over REST");
        String body = "{\"studyInstanceUid\": \"" + studyInstanceUid + "\"}";

        HttpResponse<String> response = post("lead", "/api/projects/" + project.id() + "/dicomweb-pulls", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode job = mapper.readTree(response.body());
        assertThat(job.get("projectId").asLong()).isEqualTo(project.id());
        assertThat(waitFor(job.get("id").asLong()).importedFiles()).isEqualTo(1);
        assertThat(post("contributor1", "/api/projects/" + project.id() + "/dicomweb-pulls", body).statusCode())
                .isEqualTo(403);
    }

    @Test
    void unknownStudy_isRejectedWithTheUid() {
        ProjectSummary project = projectPullingFromOrthanc("Pull unknown study");

        assertThatThrownBy(() -> pulls.pull(project.id(), PullRequest.study("1.2.3.4.5"), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.3.4.5");
    }

    @Test
    void projectWithoutUrl_isRejected() {
        ProjectSummary project = projects.create(new NewProject("Pull without PACS", null, "finding-severity", 2,
                0.0, 0), "lead");

        assertThatThrownBy(() -> pulls.pull(project.id(), PullRequest.study(studyInstanceUid), "lead"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no DICOMweb URL");
    }
}
