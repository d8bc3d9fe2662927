package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.identity.Role;
import org.truthline.image.ImageService;
import org.truthline.labeling.FinalLabel;
import org.truthline.labeling.FinalLabelRepository;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;
import org.truthline.ui.component.FormRenderer;
import org.truthline.ui.component.ImageViewer;

class TaskViewTest extends KaribuTestBase {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Autowired
    FinalLabelRepository finalLabels;

    @Autowired
    ImageService images;

    private static void open(String taskId) {
        UI.getCurrent().navigate("tasks/" + taskId);
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String key) {
        return _get(Select.class, spec -> spec.withId("field-" + key));
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String key) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("field-" + key));
    }

    private static TextArea textArea(String key) {
        return _get(TextArea.class, spec -> spec.withId("field-" + key));
    }

    private static FormRenderer form() {
        return _get(FormRenderer.class);
    }

    private static void submit() {
        _click(_get(Button.class, spec -> spec.withId("submit-task")));
    }

    private static String formError() {
        return _get(Div.class, spec -> spec.withId("form-error")).getText();
    }

    private boolean isOpenFor(String userId, String taskId) {
        return inbox.openTasks(userId).stream().anyMatch(task -> task.id().equals(taskId));
    }

    private TaskSummary firstAnnotateTask() {
        return inbox.openTasks("contributor1").stream().filter(t -> t.kind() == TaskKind.ANNOTATE).findFirst()
                .orElseThrow();
    }

    @Nested
    class Annotate {

        @Test
        void showsRealPreview() {
            TaskSummary task = firstAnnotateTask();
            signIn("contributor1", Role.CONTRIBUTOR);
            open(task.id());

            ImageViewer viewer = _get(ImageViewer.class);
            byte[] png = viewer.renderedPng();
            assertThat(viewer.renders()).isEqualTo(1);
            assertThat(png).as("rendered preview of image " + task.imageId()).isNotNull();
            assertThat(png.length).isGreaterThan(PNG_SIGNATURE.length);
            assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
            _assertNone(Paragraph.class, spec -> spec.withId("image-problem"));
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo(task.name() + " | Truthline");
        }

        @Test
        void validFormCompletesTask() {
            long imageId = reserveImage();
            TaskSummary task = awaitTask("contributor1", TaskKind.ANNOTATE, imageId);
            signIn("contributor1", Role.CONTRIBUTOR);
            open(task.id());

            TaskViewTest.<String>select("grade").setValue("2");
            TaskViewTest.<String>radio("quality").setValue("good");
            _setValue(textArea("comment"), "Small lesion in the upper field");
            submit();

            assertThat(isOpenFor("contributor1", task.id())).as("task still open after submit").isFalse();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
        }

        @Test
        void invalidFormShowsErrorsAndKeepsValues() {
            TaskSummary task = firstAnnotateTask();
            signIn("contributor1", Role.CONTRIBUTOR);
            open(task.id());

            _setValue(textArea("comment"), "Typed before the grade");
            TaskViewTest.<String>radio("quality").setValue("adequate");
            submit();

            assertThat(isOpenFor("contributor1", task.id())).isTrue();
            assertThat(form().errorOf("grade")).isNotBlank();
            assertThat(form().errorOf("quality")).isNull();
            assertThat(form().errorOf("comment")).isNull();
            assertThat(textArea("comment").getValue()).isEqualTo("Typed before the grade");
            assertThat(TaskViewTest.<String>radio("quality").getValue()).isEqualTo("adequate");
            assertThat(formError()).contains("correct the marked");
        }

        @Test
        void ctrlEnterSubmits() {
            TaskSummary task = firstAnnotateTask();
            signIn("contributor1", Role.CONTRIBUTOR);
            open(task.id());

            ShortcutsKt.fireShortcut(Key.ENTER, Key.CONTROL);

            assertThat(form().errorOf("grade")).isNotBlank();
            assertThat(form().errorOf("quality")).isNotBlank();
            assertThat(isOpenFor("contributor1", task.id())).isTrue();
        }

        @Test
        void missingImageShowsMessage() {
            signIn("lead", Role.LEAD);
            UI.getCurrent().add(new ImageViewer(images, 999_999L, "lead"));

            Paragraph problem = _get(Paragraph.class, spec -> spec.withId("image-problem"));
            assertThat(problem.isVisible()).isTrue();
            assertThat(problem.getText()).contains("999999").contains("not found");
        }
    }

    /** Both contributors grade the image alike with a review rate of 1, so the expert group gets a review task. */
    private long imageInReview() {
        long imageId = reserveImage();
        setSamplingPlan(1.0, 0);
        annotate("contributor1", imageId, 2, "good");
        annotate("contributor2", imageId, 2, "good");
        awaitTask("expert", TaskKind.REVIEW, imageId);
        return imageId;
    }

    @Nested
    class Review {

        @Test
        void claimThenRejectNeedsReason() {
            long imageId = imageInReview();
            signIn("expert", Role.EXPERT);
            UI.getCurrent().navigate(InboxView.class);
            @SuppressWarnings("unchecked")
            Grid<TaskSummary> grid = _get(Grid.class, spec -> spec.withId("inbox-grid"));
            int row = 0;
            while (!Long.valueOf(imageId).equals(GridKt._get(grid, row).imageId())) {
                row++;
            }
            String taskId = GridKt._get(grid, row).id();
            assertThat(GridKt._getFormatted(grid, row, "queue")).isEqualTo("Group queue");
            assertThat(((Button) GridKt._getCellComponent(grid, row, "action")).getText()).isEqualTo("Claim");

            open(taskId);
            assertThat(_get(Button.class, spec -> spec.withId("submit-task")).isEnabled()).isFalse();
            _click(_get(Button.class, spec -> spec.withId("claim-task")));
            assertThat(_get(Button.class, spec -> spec.withId("submit-task")).isEnabled()).isTrue();
            String readers = _get(FlexLayout.class, spec -> spec.withId("reader-comparison")).getElement()
                    .getTextRecursively();
            assertThat(readers).contains("Reader A").contains("Reader B").doesNotContain("contributor1");

            TaskViewTest.<String>radio("outcome").setValue("REJECT");
            submit();

            assertThat(isOpenFor("expert", taskId)).isTrue();
            assertThat(form().errorOf("reason")).contains("Reason is required");
            assertThat(TaskViewTest.<String>radio("outcome").getValue()).isEqualTo("REJECT");
            assertThat(TaskViewTest.<String>select("grade").getValue()).as("no corrected grade is prefilled").isIn(null, "");

            _setValue(textArea("reason"), "Both readers missed the lesion at the margin.");
            submit();

            assertThat(isOpenFor("expert", taskId)).isFalse();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
            assertThat(awaitTask("adjudicator", TaskKind.ADJUDICATE, imageId)).isNotNull();
        }
    }

    @Nested
    class Adjudicate {

        @Test
        void rationaleIsRequiredThenCompletes() {
            long imageId = imageInReview();
            TaskSummary review = awaitTask("expert", TaskKind.REVIEW, imageId);
            inbox.claim(review.id(), "expert");
            inbox.open(review.id(), "expert");
            inbox.complete(review.id(), "expert", Map.of("outcome", "REJECT", "reason", "Lesion missed."));
            TaskSummary task = awaitTask("adjudicator", TaskKind.ADJUDICATE, imageId);
            signIn("adjudicator", Role.ADJUDICATOR);
            open(task.id());
            if (!_get(Button.class, spec -> spec.withId("submit-task")).isEnabled()) {
                _click(_get(Button.class, spec -> spec.withId("claim-task")));
            }
            String context = _get(FlexLayout.class, spec -> spec.withId("reader-comparison")).getElement()
                    .getTextRecursively();
            assertThat(context).contains("Expert review").contains("Lesion missed.");

            TaskViewTest.<String>select("grade").setValue("3");
            TaskViewTest.<String>radio("quality").setValue("good");
            submit();

            assertThat(isOpenFor("adjudicator", task.id())).isTrue();
            assertThat(form().errorOf("rationale")).isNotBlank();
            assertThat(TaskViewTest.<String>select("grade").getValue()).isEqualTo("3");

            _setValue(textArea("rationale"), "The lesion is moderate on the full-resolution view.");
            submit();

            assertThat(isOpenFor("adjudicator", task.id())).isFalse();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
            FinalLabel label = await("a final label for image " + imageId, () -> finalLabels.list(null).stream()
                    .filter(l -> l.imageId() == imageId).findFirst());
            assertThat(label.grade()).isEqualTo(3);
            assertThat(label.source()).isEqualTo(FinalLabel.ADJUDICATION);
        }
    }

    @Test
    void unknownTaskShowsNotFound() {
        signIn("contributor1", Role.CONTRIBUTOR);
        open("no-such-task");

        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .contains("no-such-task").contains("no open task");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Task not found | Truthline");
    }

    @Test
    void foreignTaskShowsAccessDenied() {
        // Other tests may complete every demo task of contributor2, so this test makes its own task for them.
        org.camunda.bpm.engine.TaskService tasks = context.getBean(org.camunda.bpm.engine.TaskService.class);
        org.camunda.bpm.engine.task.Task others = tasks.newTask();
        others.setName("Another contributor's task");
        others.setAssignee("contributor2");
        tasks.saveTask(others);
        try {
            signIn("contributor1", Role.CONTRIBUTOR);
            open(others.getId());

            assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                    .startsWith("You may not open task " + others.getId());
        } finally {
            tasks.deleteTask(others.getId(), true);
        }
    }
}
