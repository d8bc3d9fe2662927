package org.truthline.demo;

import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.truthline.intake.BurnedInReviewService;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;
import org.truthline.training.TrainingService;

/**
 * Seeds the demo project at first start with the {@code demo} profile: certifies contributor1 and contributor2,
 * imports the sample images (which starts their labeling), marks two of them as gold-standard cases and enrols
 * contributor3 in training. Runs after the demo users exist; does nothing when the project already exists.
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

    static final String PROJECT_NAME = "Demo: finding severity";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String SEEDED_BY = "demo-seed";

    private final DemoProperties properties;
    private final ProjectService projects;
    private final ImportService imports;
    private final TrainingService training;
    private final BurnedInReviewService burnedInReviews;

    DemoData(DemoProperties properties, ProjectService projects, ImportService imports, TrainingService training,
            BurnedInReviewService burnedInReviews) {
        this.burnedInReviews = burnedInReviews;
        this.properties = properties;
        this.projects = projects;
        this.imports = imports;
        this.training = training;
    }

    @Override
    public void run(ApplicationArguments args) {
        ProjectSummary project = projects.findByName(PROJECT_NAME).orElse(null);
        if (project != null && !imports.recent(project.id()).isEmpty()) {
            return;
        }
        if (project == null) {
            project = projects.create(new NewProject(PROJECT_NAME,
                    "Grade the severity of the main finding (0 none to 4 severe) and the image quality.",
                    "finding-severity", 2, 0.25, 2), SEEDED_BY);
            for (String contributor : List.of("contributor1", "contributor2")) {
                training.certifyDirectly(project.id(), contributor, SEEDED_BY, "Certified by the demo seed");
            }
        }
        if (properties.samplesDir() == null || !Files.isDirectory(properties.samplesDir())) {
            log.warn("Demo samples folder {} not found; the demo project starts without images",
                    properties.samplesDir());
            return;
        }
        // The samples folder comes from the server's configuration, not from a user, so the import roots that
        // limit users' folder imports do not apply to it. A demo project left without an import (for example by
        // an earlier start that failed) gets its import now.
        long projectId = project.id();
        ImportJob job = imports.startConfiguredFolder(projectId, properties.samplesDir().toAbsolutePath(), "lead");
        log.info("Demo project {} ready; importing {}", projectId, properties.samplesDir().toAbsolutePath());
        Thread follower = new Thread(() -> startTraining(projectId, job.id()), "truthline-demo-training");
        follower.setDaemon(true);
        follower.start();
    }

    /**
     * Once the sample import is done, clears all but one of the images held for burned-in annotation review,
     * makes two images gold-standard cases and enrols contributor3.
     */
    private void startTraining(long projectId, long importId) {
        try {
            ImportJob job = imports.get(importId);
            while ("RUNNING".equals(job.status())) {
                Thread.sleep(250);
                job = imports.get(importId);
            }
            List<ImportFileResult> held = imports.files(importId).stream().filter(f -> "HELD".equals(f.outcome()))
                    .toList();
            // The demo leaves the last held image in the burned-in review queue for the lead to try.
            for (ImportFileResult image : held.subList(0, Math.max(0, held.size() - 1))) {
                burnedInReviews.clear(image.imageId(), "lead", "Demo seed: public test image without burned-in text");
            }
            Long stillHeld = held.isEmpty() ? null : held.get(held.size() - 1).imageId();
            List<Long> images = imports.files(importId).stream().map(ImportFileResult::imageId)
                    .filter(id -> id != null && !id.equals(stillHeld)).limit(2).toList();
            if (images.size() < 2) {
                log.warn("Demo import {} produced {} images; contributor3's training needs two gold cases",
                        importId, images.size());
                return;
            }
            training.addGoldCase(projectId, images.get(0), 0, "good", "expert");
            training.addGoldCase(projectId, images.get(1), 2, "adequate", "expert");
            training.enrol(projectId, "contributor3", "lead");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Demo training for contributor3 could not start in project {}", projectId, e);
        }
    }
}
