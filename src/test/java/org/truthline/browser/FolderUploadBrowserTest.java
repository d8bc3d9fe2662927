package org.truthline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.DicomDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * Uploads a hospital-style export folder through the project page's folder picker in headless Chromium: two
 * sub-folders that both contain a file named IM0001, and a DICOMDIR that lists every image. ChromeDriver hands a
 * directory path to a file input that has the {@code webkitdirectory} attribute, as a person picking the folder
 * would. Saves a screenshot to {@code target/screenshots/folder-upload.png}.
 */
class FolderUploadBrowserTest extends BrowserTestBase {

    @Autowired
    ProjectService projects;

    @Autowired
    ImportService imports;

    @TempDir
    Path temp;

    /** Writes {@code export/} with SERIES1/IM0001, SERIES2/IM0001, SERIES2/IM0002 and a DICOMDIR listing them. */
    private Path hospitalExport() throws Exception {
        Path export = temp.resolve("export");
        List<String> images = List.of("SERIES1/IM0001", "SERIES2/IM0001", "SERIES2/IM0002");
        List<String> samples = List.of("CT_small.dcm", "MR_small.dcm", "OT_YBR_FULL_422_uncompressed.dcm");
        for (int i = 0; i < images.size(); i++) {
            Files.createDirectories(export.resolve(images.get(i)).getParent());
            Files.copy(Path.of("samples", samples.get(i)), export.resolve(images.get(i)));
        }
        new DicomDirectory(export.toFile(), images.toArray(String[]::new))
                .write(export.resolve("DICOMDIR").toString());
        return export;
    }

    @Test
    void folderUploadKeepsSubFolderPaths() throws Exception {
        Path export = hospitalExport();
        ProjectSummary project = projects.create(new NewProject("Folder upload " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);

        signIn("lead");
        driver.get("http://localhost:" + port + "/projects");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-grid-cell-content[normalize-space()='" + project.name() + "']"))).click();
        WebElement folderButton = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("upload-folder-button")));
        // The click switches the upload's file input to folder selection before the component opens it.
        // Headless Chromium shows no file chooser, so the test then hands the folder to the input itself.
        folderButton.click();
        WebElement input = driver.findElement(By.id("upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type='file']"));
        assertThat(input.getDomProperty("webkitdirectory")).isEqualTo("true");
        input.sendKeys(export.toString());

        wait.until(ExpectedConditions.textToBe(By.id("upload-counts"), "4 of 4 selected files uploaded."));
        assertThat(driver.findElement(By.id("upload-batch")).getText())
                .startsWith("4 files ready to import")
                .contains("export/SERIES1/IM0001", "export/SERIES2/IM0001", "export/SERIES2/IM0002",
                        "export/DICOMDIR");
        assertThat(driver.findElement(By.id("upload-dicomdir")).getText()).isEmpty();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("upload")));
        saveScreenshot("folder-upload-ready");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("upload-import"))).click();

        for (String image : List.of("export/SERIES1/IM0001", "export/SERIES2/IM0001", "export/SERIES2/IM0002")) {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//vaadin-grid[@id='import-files']/vaadin-grid-cell-content[normalize-space()='" + image + "']")));
        }
        ImportJob job = imports.recent(project.id()).get(0);
        assertThat(job.source()).isEqualTo("upload of 3 files by lead");
        assertThat(imports.files(job.id())).extracting(ImportFileResult::fileName).containsExactlyInAnyOrder(
                "export/SERIES1/IM0001", "export/SERIES2/IM0001", "export/SERIES2/IM0002");
        assertThat(Files.size(saveScreenshot("folder-upload"))).isPositive();
    }

    /**
     * Drops a folder whose entries come from stand-in objects of the browser's File and Directory Entries API:
     * Chromium builds real entries only for a drop from the desktop, which WebDriver cannot perform. The stand-in
     * folder returns its entries one per readEntries call, as a large real folder does in chunks of 100.
     */
    @Test
    void droppedFolderKeepsSubFolderPaths() throws Exception {
        ProjectSummary project = projects.create(new NewProject("Folder drop " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        String ct = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("samples", "CT_small.dcm")));
        String mr = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("samples", "MR_small.dcm")));

        signIn("lead");
        driver.get("http://localhost:" + port + "/projects");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-grid-cell-content[normalize-space()='" + project.name() + "']"))).click();
        WebElement upload = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-folder-button")));
        ((JavascriptExecutor) driver).executeScript("""
                const [upload, ct, mr] = arguments;
                const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
                const file = (fullPath, base64) => ({isFile: true, isDirectory: false, fullPath,
                    file: (done) => done(new File([bytes(base64)], fullPath.split('/').pop()))});
                const folder = (fullPath, children) => ({isFile: false, isDirectory: true, fullPath,
                    createReader: () => {
                        let next = 0;
                        return {readEntries: (done) => done(children.slice(next, ++next))};
                    }});
                const root = folder('/export', [
                    folder('/export/SERIES1', [file('/export/SERIES1/IM0001', ct)]),
                    folder('/export/SERIES2', [file('/export/SERIES2/IM0001', mr)])]);
                const drop = new Event('drop', {bubbles: true, cancelable: true});
                Object.defineProperty(drop, 'dataTransfer', {value: {files: [],
                    items: [{webkitGetAsEntry: () => root}]}});
                upload.dispatchEvent(drop);
                """, upload, ct, mr);

        wait.until(ExpectedConditions.textToBe(By.id("upload-counts"), "2 of 2 selected files uploaded."));
        assertThat(driver.findElement(By.id("upload-batch")).getText())
                .startsWith("2 files ready to import")
                .contains("export/SERIES1/IM0001", "export/SERIES2/IM0001");
    }
}
