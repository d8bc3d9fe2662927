package org.truthline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens studies of the demo project in the OHIF Viewer, a DICOMweb client many sites use, running in headless
 * Chromium against Truthline's {@code /dicomweb}. The viewer has to find the study over QIDO-RS, load the series
 * metadata and the frames over WADO-RS, and draw the image. {@link OhifServer} serves the viewer on the same host
 * and forwards its DICOMweb requests with the browser's cookies, so the viewer acts as the user signed in to
 * Truthline.
 *
 * <p>The prebuilt viewer comes from npm ({@code @ohif/app} {@value #OHIF_VERSION}); {@code scripts/install-deps.sh
 * test} unpacks it into {@code ~/.cache/truthline}. {@code TRUTHLINE_OHIF_DIST} names another {@code dist}
 * folder. The test is skipped, with the reason, when the viewer or Chromium is missing.
 */
class OhifViewerBrowserTest extends BrowserTestBase {

    static final String OHIF_VERSION = "3.13.2";

    @Autowired
    JdbcClient jdbc;

    private OhifServer ohif;

    @BeforeEach
    void startViewer() throws IOException {
        Path dist = ohifDist();
        assumeTrue(Files.isRegularFile(dist.resolve("index.html")), "The OHIF Viewer is not unpacked at " + dist
                + "; run scripts/install-deps.sh test (it downloads @ohif/app " + OHIF_VERSION + " from npm) or set "
                + "TRUTHLINE_OHIF_DIST to the dist folder of an OHIF build to run this test.");
        ohif = new OhifServer(dist, URI.create("http://localhost:" + port));
    }

    @AfterEach
    void stopViewer() {
        if (ohif != null) {
            ohif.close();
        }
    }

    static Path ohifDist() {
        String configured = System.getenv("TRUTHLINE_OHIF_DIST");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "truthline", "ohif-app-" + OHIF_VERSION,
                "package", "dist");
    }

    /**
     * Opens one sample's study as the lead. The CT is 16-bit signed and uncompressed, the mosaic a large MR, and the
     * third file's data set is deflated, so the viewer gets it through Truthline's frames endpoint as native pixels.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CT_small.dcm", "MR_siemens_mosaic_0051.dcm", "OT_deflated_image_dfl.dcm"})
    void viewerShowsDemoStudy(String sample) throws IOException, InterruptedException {
        String study = awaitStudyOf(sample);
        signIn("lead");
        new WebDriverWait(driver, WAIT).until(browser -> !browser.getCurrentUrl().contains("/login"));

        driver.get(ohif.address() + "/viewer?StudyInstanceUIDs=" + study);

        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(browser -> ohif.forwarded().stream()
                .anyMatch(request -> request.pathAndQuery().contains("/frames/") && request.status() == 200));
        wait.until(browser -> distinctViewportColours() >= 16);
        saveScreenshot("ohif-" + sample.replace(".dcm", ""));

        List<OhifServer.Forwarded> requests = ohif.forwarded();
        assertThat(requests).as("DICOMweb requests of the viewer")
                .anyMatch(request -> request.pathAndQuery().startsWith("/dicomweb/studies?"))
                .anyMatch(request -> request.pathAndQuery().endsWith("/metadata"))
                .allSatisfy(request -> assertThat(request.status())
                        .as("status of %s (Accept: %s)", request.pathAndQuery(), request.accept())
                        .isLessThan(400));
    }

    @Test
    void viewerWithoutSessionGets401() throws InterruptedException {
        String study = awaitStudyOf("CT_small.dcm");

        driver.get(ohif.address() + "/viewer?StudyInstanceUIDs=" + study);

        new WebDriverWait(driver, WAIT).until(browser -> !ohif.forwarded().isEmpty());
        assertThat(ohif.forwarded()).as("DICOMweb requests of a viewer whose user has not signed in to Truthline")
                .allSatisfy(request -> assertThat(request.status()).isEqualTo(401));
    }

    /** Waits until the demo import has stored the sample, and returns the Study Instance UID of its copy. */
    private String awaitStudyOf(String sample) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            var study = jdbc.sql("SELECT study_instance_uid FROM image WHERE source_name = ?").param(sample)
                    .query(String.class).optional();
            if (study.isPresent()) {
                return study.get();
            }
            assertThat(Instant.now()).as("demo import of " + sample).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * Counts the colours in the middle of the viewer's image area, where only the drawn image can be: an empty or
     * failed viewport is a single colour.
     */
    private int distinctViewportColours() {
        try {
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));
            int width = shot.getWidth();
            int height = shot.getHeight();
            Set<Integer> colours = new HashSet<>();
            for (int y = height * 3 / 10; y < height * 7 / 10; y += 2) {
                for (int x = width * 4 / 10; x < width * 8 / 10; x += 2) {
                    colours.add(shot.getRGB(x, y) & 0xFFFFFF);
                }
            }
            return colours.size();
        } catch (IOException e) {
            return 0;
        }
    }
}
