package org.truthline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;

/**
 * Signs in as the demo contributor in headless Chromium against the demo data (users, project and the images
 * imported from {@code samples/}), opens an annotate task from the inbox, waits until the image has loaded and
 * saves a screenshot to {@code target/screenshots/contributor-task.png}. Skipped when {@code /usr/bin/chromium}
 * or {@code /usr/bin/chromedriver} is absent.
 */
class ContributorTaskBrowserTest extends BrowserTestBase {

    @Autowired
    TaskInbox inbox;

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

        signIn("contributor1");

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

        assertThat(Files.size(saveScreenshot("contributor-task"))).isPositive();
    }
}
