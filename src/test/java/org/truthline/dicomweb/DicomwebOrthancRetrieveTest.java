package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real peer reading Truthline's DICOMweb server: Orthanc, on loopback, configured with Truthline's /dicomweb as
 * a remote DICOMweb server, searches it and retrieves a study into its own store. Skipped when Orthanc or its
 * DICOMweb plugin is not installed.
 */
class DicomwebOrthancRetrieveTest extends DicomwebTestBase {

    static final List<String> CT_SERIES = List.of("06-dicomdir/77654033/CT2/17106", "06-dicomdir/77654033/CT2/17136",
            "06-dicomdir/77654033/CT2/17166", "06-dicomdir/77654033/CT2/17196");
    static final String JPEG_2000 = "02-transfer-syntaxes/MR_small_J2K_lossless.dcm";

    private OrthancProcess orthanc;

    @AfterEach
    void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private OrthancProcess orthancReading(String user) throws Exception {
        String servers = """
                {"truthline": {"Url": "http://127.0.0.1:%d/dicomweb/", "Username": "%s", "Password": "%s"}}
                """.formatted(port, user, user);
        orthanc = OrthancProcess.start(servers);
        return orthanc;
    }

    @Test
    void orthanc_retrievesStudyFromTruthline() throws Exception {
        Map<String, ImageRow> images = importSamples("Orthanc retrieves a study", CT_SERIES.toArray(String[]::new));
        ImageRow first = images.get(CT_SERIES.get(0));
        OrthancProcess peer = orthancReading("lead");

        HttpResponse<String> found = searchStudy(peer, first.study());
        HttpResponse<String> retrieved = peer.post("/dicom-web/servers/truthline/retrieve",
                "{\"Resources\": [{\"Study\": \"" + first.study() + "\"}]}");

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(first.study());
        assertThat(retrieved.statusCode()).as("%s%n%s", retrieved.body(), peer.log()).isEqualTo(200);
        List<String> stored = storedSopInstanceUids(peer);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
                CT_SERIES.stream().map(sample -> images.get(sample).instance()).toList());
    }

    @Test
    void orthanc_retrievesCompressedInstanceAsStored() throws Exception {
        ImageRow image = importSamples("Orthanc retrieves JPEG 2000", JPEG_2000).get(JPEG_2000);
        OrthancProcess peer = orthancReading("lead");

        HttpResponse<String> retrieved = peer.post("/dicom-web/servers/truthline/retrieve",
                "{\"Resources\": [{\"Study\": \"" + image.study() + "\"}]}");

        assertThat(retrieved.statusCode()).as("%s%n%s", retrieved.body(), peer.log()).isEqualTo(200);
        JsonNode instances = mapper.readTree(peer.get("/instances?expand").body());
        assertThat(instances).hasSize(1);
        String orthancId = instances.get(0).path("ID").asText();
        JsonNode metadata = mapper.readTree(peer.get("/instances/" + orthancId + "/metadata?expand").body());
        assertThat(metadata.path("TransferSyntax").asText()).isEqualTo("1.2.840.10008.1.2.4.90");
        assertThat(instances.get(0).at("/MainDicomTags/SOPInstanceUID").asText()).isEqualTo(image.instance());
    }

    @Test
    void orthancAsUnassignedContributor_retrievesNothing() throws Exception {
        ImageRow image = importSamples("Orthanc as contributor", JPEG_2000).get(JPEG_2000);
        OrthancProcess peer = orthancReading("contributor2");

        HttpResponse<String> found = searchStudy(peer, image.study());
        peer.post("/dicom-web/servers/truthline/retrieve",
                "{\"Resources\": [{\"Study\": \"" + image.study() + "\"}]}");

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(mapper.readTree(found.body())).isEmpty();
        assertThat(storedSopInstanceUids(peer)).isEmpty();
    }

    /** Has Orthanc run QIDO-RS for one study against Truthline and returns Orthanc's response. */
    private static HttpResponse<String> searchStudy(OrthancProcess peer, String study) throws Exception {
        return peer.post("/dicom-web/servers/truthline/qido",
                "{\"Uri\": \"/studies\", \"Arguments\": {\"StudyInstanceUID\": \"" + study + "\"}}");
    }

    private List<String> storedSopInstanceUids(OrthancProcess peer) throws Exception {
        JsonNode instances = mapper.readTree(peer.get("/instances?expand").body());
        List<String> uids = new ArrayList<>();
        for (JsonNode instance : instances) {
            uids.add(instance.at("/MainDicomTags/SOPInstanceUID").asText());
        }
        return uids;
    }
}
