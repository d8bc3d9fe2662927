package org.truthline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;

/**
 * Signs in as the demo contributor in headless Chromium against the demo data (users, project and the images
 * imported from {@code samples/}), opens an annotate task from the inbox, waits until the image has loaded and
 * saves a screenshot to {@code target/screenshots/contributor-task.png}. Skipped when {@code /usr/bin/chromium}
 * or {@code /usr/bin/chromedriver} is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ContributorTaskBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "contributor-task.png");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    TaskInbox inbox;

    private WebDriver driver;
    private Path profileDir;

    @DynamicPropertySource
    static void isolatedStores(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("truthline-browser-test");
        registry.add("truthline.data-dir", dataDir::toString);
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
    }

    /** Waits until the demo seed has given contributor1 annotate tasks, so the inbox is not empty on sign-in. */
    private List<TaskSummary> awaitAnnotateTasks() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            List<TaskSummary> tasks = inbox.openTasks("contributor1").stream()
                    .filter(task -> task.kind() == TaskKind.ANNOTATE).toList();
            if (!tasks.isEmpty()) {
                return tasks;
            }
            assertThat(Instant.now()).as("contributor1's annotate tasks from the demo import").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void contributorOpensTaskFromInbox() throws IOException, InterruptedException {
        List<TaskSummary> tasks = awaitAnnotateTasks();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);

        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")))
                .sendKeys("contributor1");
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("contributor1", Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inbox-grid")));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space()='Open']"))).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-grade")));
        String taskId = driver.getCurrentUrl().replaceFirst(".*/tasks/", "");
        TaskSummary opened = tasks.stream().filter(task -> task.id().equals(taskId)).findFirst().orElseThrow(
                () -> new AssertionError("Opened task " + taskId + " is not one of contributor1's annotate tasks"));
        assertThat(driver.getTitle()).isEqualTo(opened.name() + " | Truthline");

        WebElement picture = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("image-picture")));
        wait.until(browser -> (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", picture));
        assertThat(picture.getAttribute("alt")).contains("image " + opened.imageId());

        Files.createDirectories(SCREENSHOT.getParent());
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }
}
