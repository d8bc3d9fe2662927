package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truthline.intake.scp.TestPeers;

/** WADO-RS metadata of studies, series and instances, and the bulk data their BulkDataURIs name. */
class DicomwebMetadataTest extends DicomwebTestBase {

    static final List<String> CT_SERIES = List.of("06-dicomdir/77654033/CT2/17106", "06-dicomdir/77654033/CT2/17136",
            "06-dicomdir/77654033/CT2/17166", "06-dicomdir/77654033/CT2/17196");
    static final String PALETTE = "01-modalities/US_multiframe_palette_RLE_10f.dcm";

    private static Map<String, ImageRow> images;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (images != null) {
            return;
        }
        images = importSamples("DICOMweb metadata test", CT_SERIES.get(0), CT_SERIES.get(1), CT_SERIES.get(2),
                CT_SERIES.get(3), PALETTE);
        clearBurnedIn(images.get(PALETTE));
        assign(images.get(PALETTE), "contributor1");
    }

    @Test
    void studyMetadata_hasEveryInstance() throws Exception {
        ImageRow first = images.get(CT_SERIES.get(0));

        HttpResponse<byte[]> response = get("lead", first.studyPath() + "/metadata", "application/dicom+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/dicom+json"));
        JsonNode instances = mapper.readTree(response.body());
        assertThat(instances).hasSize(4);
        assertThat(instances).extracting(instance -> instance.at("/00080018/Value/0").asText())
                .containsExactlyInAnyOrderElementsOf(CT_SERIES.stream().map(s -> images.get(s).instance()).toList());
        for (JsonNode instance : instances) {
            assertThat(instance.at("/0020000D/Value/0").asText()).isEqualTo(first.study());
            assertThat(instance.at("/7FE00010/BulkDataURI").asText()).isEqualTo("http://127.0.0.1:" + port
                    + first.seriesPath() + "/instances/" + instance.at("/00080018/Value/0").asText()
                    + "/bulkdata/7FE00010");
        }
    }

    @Test
    void seriesMetadata_hasEveryInstance() throws Exception {
        ImageRow first = images.get(CT_SERIES.get(0));

        HttpResponse<byte[]> response = get("lead", first.seriesPath() + "/metadata", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode instances = mapper.readTree(response.body());
        assertThat(instances).hasSize(4);
        assertThat(instances).allSatisfy(instance ->
                assertThat(instance.at("/0020000E/Value/0").asText()).isEqualTo(first.series()));
    }

    @Test
    void instanceMetadata_givesBinaryValuesAsBulkData() throws Exception {
        ImageRow image = images.get(PALETTE);

        JsonNode metadata = mapper.readTree(get("lead", image.instancePath() + "/metadata", null).body()).get(0);

        assertThat(metadata.at("/00281201/vr").asText()).isEqualTo("OW");
        assertThat(metadata.at("/00281201/BulkDataURI").asText())
                .isEqualTo("http://127.0.0.1:" + port + image.instancePath() + "/bulkdata/00281201");
        assertThat(metadata.at("/00281201").has("Value")).isFalse();
        assertThat(metadata.at("/00280009/Value/0").asText()).isEqualTo("00181063");
        assertThat(metadata.at("/00280008/Value/0").asInt()).isEqualTo(10);
    }

    @Test
    void paletteBulkData_equalsStoredValues() throws Exception {
        ImageRow image = images.get(PALETTE);
        AttributeList source = new AttributeList();
        source.read(TestPeers.sample(PALETTE).toFile());
        short[] red = source.get(TagFromName.RedPaletteColorLookupTableData).getShortValues();
        String uri = mapper.readTree(get("lead", image.instancePath() + "/metadata", null).body())
                .at("/0/00281201/BulkDataURI").asText();

        HttpResponse<byte[]> response = get("lead", uri.substring(("http://127.0.0.1:" + port).length()),
                "multipart/related; type=\"application/octet-stream\"");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Part> parts = multipartParts(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).contentType()).isEqualTo("application/octet-stream");
        ByteBuffer expected = ByteBuffer.allocate(red.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        expected.asShortBuffer().put(red);
        assertThat(parts.get(0).body()).isEqualTo(expected.array());
    }

    @Test
    void singlePartBulkData_isRawValue() throws Exception {
        ImageRow image = images.get(PALETTE);
        AttributeList source = new AttributeList();
        source.read(TestPeers.sample(PALETTE).toFile());
        short[] green = source.get(TagFromName.GreenPaletteColorLookupTableData).getShortValues();

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/bulkdata/00281202",
                "application/octet-stream");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        ByteBuffer expected = ByteBuffer.allocate(green.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        expected.asShortBuffer().put(green);
        assertThat(response.body()).isEqualTo(expected.array());
    }

    @Test
    void missingBulkData_isNotFound() throws Exception {
        ImageRow image = images.get(CT_SERIES.get(0));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/bulkdata/00281201", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response)).contains("00281201");
    }

    @Test
    void malformedBulkDataPath_isBadRequest() throws Exception {
        ImageRow image = images.get(CT_SERIES.get(0));

        HttpResponse<byte[]> response = get("lead", image.instancePath() + "/bulkdata/00281201/x", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("00281201/x");
    }

    @Test
    void xmlMetadata_isNotAcceptable() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(PALETTE).instancePath() + "/metadata",
                "multipart/related; type=\"application/dicom+xml\"");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("application/dicom+xml").contains("application/dicom+json");
    }

    @Test
    void contributor_readsOnlyAssignedMetadata() throws Exception {
        ImageRow assigned = images.get(PALETTE);
        ImageRow other = images.get(CT_SERIES.get(0));

        assertThat(get("contributor1", assigned.studyPath() + "/metadata", null).statusCode()).isEqualTo(200);
        assertThat(get("contributor1", assigned.instancePath() + "/bulkdata/00281201", null).statusCode())
                .isEqualTo(200);
        assertThat(get("contributor1", other.studyPath() + "/metadata", null).statusCode()).isEqualTo(404);
        assertThat(get("contributor2", assigned.instancePath() + "/bulkdata/00281201", null).statusCode())
                .isEqualTo(404);
    }
}
