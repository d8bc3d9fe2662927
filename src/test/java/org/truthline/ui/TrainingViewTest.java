package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.identity.Role;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;
import org.truthline.training.TrainingRepository.GoldCase;
import org.truthline.training.TrainingService;
import org.truthline.ui.training.TrainingView;

class TrainingViewTest extends KaribuTestBase {

    @Autowired
    org.truthline.intake.BurnedInReviewService burnedInReviews;

    @Autowired
    TrainingService training;

    @SuppressWarnings("unchecked")
    private static Grid<GoldCase> goldCases() {
        return _get(Grid.class, spec -> spec.withId("gold-cases"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<ProjectSummary> projectBox() {
        return _get(ComboBox.class, spec -> spec.withId("training-project"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> contributorBox() {
        return _get(ComboBox.class, spec -> spec.withId("enrol-contributor"));
    }

    @SuppressWarnings("unchecked")
    private static void fillGoldCase(long imageId, int grade, String quality) {
        _setValue(_get(IntegerField.class, spec -> spec.withId("gold-image")), (int) imageId);
        ((Select<Integer>) _get(Select.class, spec -> spec.withId("gold-grade"))).setValue(grade);
        ((Select<String>) _get(Select.class, spec -> spec.withId("gold-quality"))).setValue(quality);
        _click(_get(Button.class, spec -> spec.withId("gold-add")));
    }

    private ProjectSummary demoProject() {
        return projects.get(demoProjectId());
    }

    /** Creates a project with one imported image, CT_small.dcm, and returns the image id. */
    private long projectWithOneImage(ProjectSummary project) {
        ImportJob started = imports.start(project.id(), Path.of("samples", "CT_small.dcm").toAbsolutePath(), "lead");
        ImportJob job = await("import " + started.id(), () -> Optional.of(imports.get(started.id()))
                .filter(j -> !"RUNNING".equals(j.status())));
        long imageId = imports.files(job.id()).stream().map(ImportFileResult::imageId).filter(id -> id != null)
                .findFirst().orElseThrow();
        // CT_small has no BurnedInAnnotation, so it waits for the review; a gold case needs a cleared image.
        if (burnedInReviews.pending(project.id()).stream().anyMatch(image -> image.imageId() == imageId)) {
            burnedInReviews.clear(imageId, "lead", "Training view test: no burned-in text");
        }
        return imageId;
    }

    @Test
    void listsDemoGoldCasesAndAddsOne() {
        ProjectSummary demo = demoProject();
        List<GoldCase> before = await("the demo gold cases", () -> Optional.of(training.goldCases(demo.id()))
                .filter(list -> list.size() >= 2));
        List<Long> goldImages = before.stream().map(GoldCase::imageId).toList();
        List<Long> awaitingReview = burnedInReviews.pending(demo.id()).stream().map(image -> image.imageId())
                .toList();
        long newGoldImage = demoImages().stream().filter(id -> !goldImages.contains(id) && !awaitingReview.contains(id))
                .findFirst().orElseThrow();
        signIn("expert", Role.EXPERT);
        UI.getCurrent().navigate(TrainingView.class);
        projectBox().setValue(demo);
        assertThat(GridKt._size(goldCases())).isEqualTo(before.size());

        fillGoldCase(newGoldImage, 3, "adequate");

        assertThat(GridKt._size(goldCases())).isEqualTo(before.size() + 1);
        assertThat(training.goldCases(demo.id())).extracting(GoldCase::imageId).contains(newGoldImage);
        assertThat(_get(Paragraph.class, spec -> spec.withId("gold-error")).getText()).isEmpty();
    }

    @Test
    void goldCaseOfUnknownImageShowsError() {
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(TrainingView.class);
        projectBox().setValue(demoProject());
        int before = GridKt._size(goldCases());

        fillGoldCase(999_999, 1, "good");

        assertThat(_get(Paragraph.class, spec -> spec.withId("gold-error")).getText())
                .contains("Image 999999 is not in project");
        assertThat(GridKt._size(goldCases())).isEqualTo(before);
    }

    @Test
    void missingGoldCaseFieldsAreMarked() {
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(TrainingView.class);

        _click(_get(Button.class, spec -> spec.withId("gold-add")));

        assertThat(_get(IntegerField.class, spec -> spec.withId("gold-image")).isInvalid()).isTrue();
        assertThat(_get(Select.class, spec -> spec.withId("gold-grade")).isInvalid()).isTrue();
        assertThat(_get(Select.class, spec -> spec.withId("gold-quality")).isInvalid()).isTrue();
    }

    @Test
    void enrolOffersContributorsAndShowsServiceError() {
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(TrainingView.class);
        projectBox().setValue(demoProject());
        ComboBox<String> contributor = contributorBox();
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestions(contributor))
                .containsExactly("contributor1", "contributor2", "contributor3");

        contributor.setValue("contributor1");
        _click(_get(Button.class, spec -> spec.withId("enrol-start")));

        assertThat(contributor.isInvalid()).isTrue();
        assertThat(contributor.getErrorMessage()).contains("contributor1 is already certified");
    }

    @Test
    void enrolStartsTraining() {
        ProjectSummary project = projects.create(new NewProject("Training test " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
        long imageId = projectWithOneImage(project);
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(TrainingView.class);
        projectBox().setValue(project);
        contributorBox().setValue("contributor2");
        _click(_get(Button.class, spec -> spec.withId("enrol-start")));
        assertThat(contributorBox().getErrorMessage()).contains("no gold-standard cases");

        fillGoldCase(imageId, 0, "good");
        contributorBox().setValue("contributor2");
        _click(_get(Button.class, spec -> spec.withId("enrol-start")));

        assertThat(contributorBox().isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("enrol-status")).getText())
                .startsWith("contributor2 is enrolled in the training of " + project.name());
    }
}
