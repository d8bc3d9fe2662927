package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WADO-RS rendered instances and frames over real HTTP: PNG and JPEG, windows, and the error cases. */
class DicomwebRenderedTest extends DicomwebTestBase {

    /** 169 rows x 211 columns, so a swapped width and height shows. */
    static final String NON_SQUARE = "01-modalities/DX_MONOCHROME1_dx_image.dcm";
    static final String MULTIFRAME = "01-modalities/MR_enhanced_multiframe_emri_small.dcm";

    private static Map<String, ImageRow> images;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (images != null) {
            return;
        }
        images = importSamples("DICOMweb rendered test", NON_SQUARE, MULTIFRAME);
        assign(images.get(NON_SQUARE), "contributor1");
    }

    @Test
    void renderedInstance_isPngOfImageSize() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath() + "/rendered", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(211);
        assertThat(image.getHeight()).isEqualTo(169);
    }

    @Test
    void renderedFrame_isThatFrame() throws Exception {
        String instance = images.get(MULTIFRAME).instancePath();

        HttpResponse<byte[]> first = get("lead", instance + "/frames/1/rendered", "image/png");
        HttpResponse<byte[]> eighth = get("lead", instance + "/frames/8/rendered", "image/png");
        HttpResponse<byte[]> whole = get("lead", instance + "/rendered", "image/png");

        assertThat(eighth.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(eighth.body()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(64);
        assertThat(eighth.body()).isNotEqualTo(first.body());
        assertThat(whole.body()).isEqualTo(first.body());
    }

    @Test
    void acceptJpeg_returnsJpeg() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath() + "/rendered?quality=80",
                "image/jpeg");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.body()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(response.body()[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(211);
        assertThat(image.getHeight()).isEqualTo(169);
    }

    @Test
    void window_changesRendering() throws Exception {
        String rendered = images.get(NON_SQUARE).instancePath() + "/rendered";

        HttpResponse<byte[]> own = get("lead", rendered, null);
        HttpResponse<byte[]> narrow = get("lead", rendered + "?window=100,20,linear", null);
        HttpResponse<byte[]> sigmoid = get("lead", rendered + "?window=100,20,sigmoid", null);

        assertThat(narrow.statusCode()).isEqualTo(200);
        assertThat(sigmoid.statusCode()).isEqualTo(200);
        assertThat(narrow.body()).isNotEqualTo(own.body());
        assertThat(sigmoid.body()).isNotEqualTo(narrow.body());
    }

    @Test
    void invalidWindow_isBadRequest() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath()
                + "/rendered?window=100,20,gamma", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("'100,20,gamma'").contains("linear-exact");
    }

    @Test
    void unsupportedParameter_isNamedInWarning() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath()
                + "/rendered?viewport=64,64", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Warning")).hasValueSatisfying(
                warning -> assertThat(warning).startsWith("299 ").contains("viewport"));
    }

    @Test
    void unsupportedMediaType_isNotAcceptable() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath() + "/rendered",
                "image/gif");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("image/gif").contains("image/png, image/jpeg");
    }

    @Test
    void excludedPng_isNotAcceptable() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath() + "/rendered",
                "image/png;q=0");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(error(response)).contains("image/png;q=0");
        assertThat(mapper.readTree(response.body()).path("offered")).extracting(JsonNode::asText)
                .containsExactly("image/png", "image/jpeg");
    }

    @Test
    void excludedPngBesideWildcard_sendsJpeg() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(NON_SQUARE).instancePath() + "/rendered",
                "image/png;q=0, image/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void frameBeyondImage_isNotFound() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(MULTIFRAME).instancePath() + "/frames/11/rendered",
                null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response)).contains("Frame 11").contains("numbered 1 to 10");
    }

    @Test
    void severalFrames_isBadRequest() throws Exception {
        HttpResponse<byte[]> response = get("lead", images.get(MULTIFRAME).instancePath()
                + "/frames/1,2/rendered", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("'1,2'");
    }

    @Test
    void contributor_rendersOnlyAssignedImages() throws Exception {
        assertThat(get("contributor1", images.get(NON_SQUARE).instancePath() + "/rendered", null).statusCode())
                .isEqualTo(200);
        assertThat(get("contributor2", images.get(NON_SQUARE).instancePath() + "/rendered", null).statusCode())
                .isEqualTo(404);
        assertThat(get("contributor1", images.get(MULTIFRAME).instancePath() + "/frames/1/rendered", null)
                .statusCode()).isEqualTo(404);
    }
}
