package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An image held for burned-in annotation review may show the patient's name in its pixels, so only the roles
 * that review it (lead, admin) see it, over DICOMweb and over {@code /api/images}. Other staff see it once a lead
 * clears it or masks its text.
 */
class HeldImageVisibilityTest extends DicomwebTestBase {

    private static final List<String> REVIEWERS = List.of("lead", "admin");
    private static final List<String> OTHER_STAFF = List.of("expert", "adjudicator", "auditor");
    private static final String HELD_SAMPLE = "02-transfer-syntaxes/OT_RGB_RLE.dcm";
    private static final String CLEARED_SAMPLE = "01-modalities/CT_small.dcm";

    static ImageRow held;
    static ImageRow cleared;

    @BeforeEach
    synchronized void importOnce() throws Exception {
        if (held != null) {
            return;
        }
        Map<String, ImageRow> rows = importSamples("Held image visibility", HELD_SAMPLE, CLEARED_SAMPLE);
        held = rows.get(HELD_SAMPLE);
        cleared = rows.get(CLEARED_SAMPLE);
        clearBurnedIn(cleared);
    }

    /** Returns every DICOMweb path that serves content of one instance, for the image given. */
    private static List<String> instancePaths(ImageRow image) {
        return List.of(image.studyPath(), image.seriesPath(), image.instancePath(), image.studyPath() + "/metadata",
                image.seriesPath() + "/metadata", image.instancePath() + "/metadata", image.instancePath()
                        + "/frames/1", image.instancePath() + "/rendered", image.instancePath() + "/frames/1/rendered",
                image.seriesPath() + "/instances");
    }

    private static List<String> imageApiPaths(ImageRow image) {
        return List.of("/api/images/" + image.id(), "/api/images/" + image.id() + "/preview",
                "/api/images/" + image.id() + "/thumbnail");
    }

    @Test
    void heldImage_overDicomweb_onlyForReviewers() throws Exception {
        assertThat(held.burnedInStatus()).isEqualTo("PENDING");
        for (String path : instancePaths(held)) {
            for (String user : REVIEWERS) {
                assertThat(get(user, path, null).statusCode()).as("%s %s", user, path).isEqualTo(200);
            }
            for (String user : OTHER_STAFF) {
                HttpResponse<byte[]> response = get(user, path, null);
                if (path.endsWith("/instances")) {
                    // A search returns 200 with no matches rather than 404.
                    assertThat(response.statusCode()).as("%s %s", user, path).isEqualTo(200);
                    assertThat(mapper.readTree(response.body())).as("%s %s", user, path).isEmpty();
                } else {
                    assertThat(response.statusCode()).as("%s %s", user, path).isEqualTo(404);
                }
            }
        }
    }

    @Test
    void heldImage_studySearch_onlyForReviewers() throws Exception {
        for (String user : REVIEWERS) {
            assertThat(studies(user)).as(user).contains(held.study());
        }
        for (String user : OTHER_STAFF) {
            assertThat(studies(user)).as(user).doesNotContain(held.study()).contains(cleared.study());
        }
    }

    @Test
    void heldImage_overImageApi_onlyForReviewers() throws Exception {
        for (String path : imageApiPaths(held)) {
            for (String user : REVIEWERS) {
                assertThat(get(user, path, null).statusCode()).as("%s %s", user, path).isEqualTo(200);
            }
            for (String user : OTHER_STAFF) {
                HttpResponse<byte[]> response = get(user, path, null);
                assertThat(response.statusCode()).as("%s %s", user, path).isEqualTo(403);
                assertThat(error(response)).as("%s %s", user, path).contains("held for burned-in annotation review");
            }
        }
    }

    @Test
    void clearedImage_servedToEveryStaffRole() throws Exception {
        for (String user : List.of("lead", "admin", "expert", "adjudicator", "auditor")) {
            for (String path : instancePaths(cleared)) {
                assertThat(get(user, path, null).statusCode()).as("%s %s", user, path).isEqualTo(200);
            }
            for (String path : imageApiPaths(cleared)) {
                assertThat(get(user, path, null).statusCode()).as("%s %s", user, path).isEqualTo(200);
            }
        }
    }

    private List<String> studies(String user) throws Exception {
        JsonNode results = mapper.readTree(get(user, "/dicomweb/studies", "application/dicom+json").body());
        return StreamSupport.stream(results.spliterator(), false)
                .map(result -> result.at("/0020000D/Value/0").asText()).toList();
    }
}
