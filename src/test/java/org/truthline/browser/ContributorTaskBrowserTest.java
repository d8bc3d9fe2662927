package org.truthline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.truthline.dicom.DicomToolkit;
import org.truthline.forms.FormRegistry;
import org.truthline.task.TaskKind;
import org.truthline.ui.FakeTaskInbox;

/**
 * Signs in as the demo contributor in headless Chromium, opens an annotate task from the inbox and saves a
 * screenshot to {@code target/screenshots/contributor-task.png}. Skipped when {@code /usr/bin/chromium} is absent.
 *
 * <p>NOTE: the task comes from the in-memory {@link FakeTaskInbox} because neither the process branch's
 * TaskInbox implementation nor the demo seeding of annotate tasks is on main yet; login, users and screens are
 * the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Disabled("LoginView throws NullPointerException: LoginI18n.createDefault().getHeader() is null in Vaadin 24.9.5,"
        + " so /login shows an error page. Enable once LoginView calls i18n.setHeader(new LoginI18n.Header()).")
class ContributorTaskBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "contributor-task.png");

    @LocalServerPort
    int port;

    @Autowired
    FakeTaskInbox inbox;

    // NOTE: a mock until a DicomToolkit implementation reaches main; the annotate task here has no image.
    @MockitoBean
    DicomToolkit dicomToolkit;

    private WebDriver driver;
    private Path profileDir;

    @TestConfiguration
    static class FakeInboxConfiguration {
        @Bean
        @Primary
        FakeTaskInbox fakeTaskInbox(FormRegistry forms) {
            return new FakeTaskInbox(forms);
        }
    }

    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("truthline-browser-test");
        registry.add("truthline.data-dir", dataDir::toString);
        // An empty samples folder keeps the demo profile from importing files in this test.
        registry.add("truthline.demo.samples-dir", () -> dataDir.resolve("no-samples").toString());
    }

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + "; install the Debian packages chromium and chromium-driver to run this test.");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "ChromeDriver is not installed at " + CHROMEDRIVER
                + "; install the Debian package chromium-driver to run this test.");
        profileDir = Files.createTempDirectory("truthline-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        inbox.reset();
    }

    @Test
    void contributorOpensTaskFromInbox() throws IOException {
        inbox.add("t-browser", TaskKind.ANNOTATE, "contributor1", List.of(), null, Map.of(), List.of(), null);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));

        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")))
                .sendKeys("contributor1");
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("contributor1", Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space()='Open']"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-grade")));
        assertThat(driver.getCurrentUrl()).endsWith("/tasks/t-browser");
        assertThat(driver.getTitle()).isEqualTo("Annotate image | Truthline");

        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }
}
