package org.truthline.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole application with the demo profile on a random local port, in a fresh temporary data folder, and
 * drives it with headless Chromium. Subclasses share one application context. Each test is skipped when
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class BrowserTestBase {

    static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver driver;
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
                "--user-data-dir=" + profileDir,
                // Every page under test is on loopback; any other host name fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
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

    /** Signs in through the login form with the demo password, which equals the user name. */
    void signIn(String userId) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        driver.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")))
                .sendKeys(userId);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(userId, Keys.ENTER);
    }

    /** Saves a screenshot of the browser window to {@code target/screenshots/<name>.png}. */
    Path saveScreenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
