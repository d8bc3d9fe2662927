package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;
import org.truthline.task.TaskDetails.ReaderAnswer;
import org.truthline.task.TaskDetails.ReviewSummary;
import org.truthline.task.TaskKind;
import org.truthline.ui.component.FormRenderer;

class TaskViewTest extends KaribuTestBase {

    private static final List<ReaderAnswer> READERS = List.of(
            new ReaderAnswer("Reader A", 2, "good", "Small haemorrhages"),
            new ReaderAnswer("Reader B", 3, "good", null));

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

    @Nested
    class Annotate {

        @Test
        void validFormCompletesTask() {
            inbox.add("t-ann", TaskKind.ANNOTATE, "contributor1", List.of(), null, Map.of(), List.of(), null);
            signIn("contributor1", Role.CONTRIBUTOR);
            open("t-ann");

            TaskViewTest.<String>select("grade").setValue("2");
            TaskViewTest.<String>radio("quality").setValue("good");
            _setValue(textArea("comment"), "Few microaneurysms");
            submit();

            assertThat(inbox.completed).containsOnlyKeys("t-ann");
            assertThat(inbox.completed.get("t-ann"))
                    .containsEntry("grade", "2")
                    .containsEntry("quality", "good")
                    .containsEntry("comment", "Few microaneurysms");
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEmpty();
        }

        @Test
        void ctrlEnterSubmits() {
            inbox.add("t-ann", TaskKind.ANNOTATE, "contributor1", List.of(), null, Map.of(), List.of(), null);
            signIn("contributor1", Role.CONTRIBUTOR);
            open("t-ann");

            TaskViewTest.<String>select("grade").setValue("0");
            TaskViewTest.<String>radio("quality").setValue("adequate");
            ShortcutsKt.fireShortcut(Key.ENTER, Key.CONTROL);

            assertThat(inbox.completed).containsOnlyKeys("t-ann");
        }

        @Test
        void invalidFormShowsErrorsAndKeepsValues() {
            inbox.add("t-ann", TaskKind.ANNOTATE, "contributor1", List.of(), null, Map.of(), List.of(), null);
            signIn("contributor1", Role.CONTRIBUTOR);
            open("t-ann");

            _setValue(textArea("comment"), "Typed before the grade");
            submit();

            assertThat(inbox.completed).isEmpty();
            assertThat(form().errorOf("grade")).isEqualTo("Grade is required.");
            assertThat(form().errorOf("quality")).isEqualTo("Image quality is required.");
            assertThat(form().errorOf("comment")).isNull();
            assertThat(textArea("comment").getValue()).isEqualTo("Typed before the grade");
            assertThat(_get(Div.class, spec -> spec.withId("form-error")).getText()).contains("correct the marked");
        }

        @Test
        void missingImageShowsMessage() {
            inbox.add("t-img", TaskKind.ANNOTATE, "contributor1", List.of(), 999_999L, Map.of(), List.of(), null);
            signIn("contributor1", Role.CONTRIBUTOR);
            open("t-img");

            Paragraph problem = _get(Paragraph.class, spec -> spec.withId("image-problem"));
            assertThat(problem.isVisible()).isTrue();
            assertThat(problem.getText()).contains("999999").contains("not found");
        }

        @Test
        void queueTaskNeedsClaimBeforeSubmit() {
            inbox.add("t-q", TaskKind.ANNOTATE, null, List.of("contributor1"), null, Map.of(), List.of(), null);
            signIn("contributor1", Role.CONTRIBUTOR);
            open("t-q");

            assertThat(_get(Button.class, spec -> spec.withId("submit-task")).isEnabled()).isFalse();
            _click(_get(Button.class, spec -> spec.withId("claim-task")));

            assertThat(inbox.claims).containsExactly("t-q:contributor1");
            assertThat(_get(Button.class, spec -> spec.withId("submit-task")).isEnabled()).isTrue();
        }
    }

    @Nested
    class Review {

        @Test
        void rejectWithoutReasonShowsError() {
            inbox.add("t-rev", TaskKind.REVIEW, "expert1", List.of(), null, Map.of("grade", 2, "quality", "good"),
                    READERS, null);
            signIn("expert1", Role.EXPERT);
            open("t-rev");

            TaskViewTest.<String>radio("outcome").setValue("REJECT");
            submit();

            assertThat(inbox.completed).isEmpty();
            assertThat(form().errorOf("reason")).isEqualTo("Reason is required when the outcome is REJECT.");
            assertThat(TaskViewTest.<String>radio("outcome").getValue()).isEqualTo("REJECT");
            assertThat(TaskViewTest.<String>select("grade").getValue()).isEqualTo("2");
        }

        @Test
        void rejectWithReasonCompletes() {
            inbox.add("t-rev", TaskKind.REVIEW, "expert1", List.of(), null, Map.of(), READERS, null);
            signIn("expert1", Role.EXPERT);
            open("t-rev");

            TaskViewTest.<String>radio("outcome").setValue("REJECT");
            _setValue(textArea("reason"), "Image is out of focus");
            submit();

            assertThat(inbox.completed.get("t-rev")).containsEntry("outcome", "REJECT")
                    .containsEntry("reason", "Image is out of focus");
        }

        @Test
        void showsBothReaders() {
            inbox.add("t-rev", TaskKind.REVIEW, "expert1", List.of(), null, Map.of(), READERS, null);
            signIn("expert1", Role.EXPERT);
            open("t-rev");

            String text = _get(FlexLayout.class, spec -> spec.withId("reader-comparison")).getElement()
                    .getTextRecursively();
            assertThat(text).contains("Reader A").contains("Reader B").contains("differs")
                    .contains("Small haemorrhages");
        }
    }

    @Nested
    class Adjudicate {

        private void addTask() {
            inbox.add("t-adj", TaskKind.ADJUDICATE, "adjudicator", List.of(), null, Map.of(), READERS,
                    new ReviewSummary("CORRECT", 3, "good", "Neovascularisation missed by reader A"));
        }

        @Test
        void rationaleIsRequired() {
            addTask();
            signIn("adjudicator", Role.ADJUDICATOR);
            open("t-adj");

            TaskViewTest.<String>select("grade").setValue("3");
            TaskViewTest.<String>radio("quality").setValue("good");
            submit();

            assertThat(inbox.completed).isEmpty();
            assertThat(form().errorOf("rationale")).isEqualTo("Rationale is required.");
            assertThat(TaskViewTest.<String>select("grade").getValue()).isEqualTo("3");
        }

        @Test
        void decisionWithRationaleCompletes() {
            addTask();
            signIn("adjudicator", Role.ADJUDICATOR);
            open("t-adj");

            TaskViewTest.<String>select("grade").setValue("3");
            TaskViewTest.<String>radio("quality").setValue("good");
            _setValue(textArea("rationale"), "Agree with the expert: new vessels at the disc.");
            submit();

            assertThat(inbox.completed.get("t-adj")).containsEntry("grade", "3")
                    .containsEntry("rationale", "Agree with the expert: new vessels at the disc.");
        }

        @Test
        void showsReadersAndReview() {
            addTask();
            signIn("adjudicator", Role.ADJUDICATOR);
            open("t-adj");

            String text = _get(FlexLayout.class, spec -> spec.withId("reader-comparison")).getElement()
                    .getTextRecursively();
            assertThat(text).contains("Reader A").contains("Reader B").contains("Expert review")
                    .contains("Neovascularisation missed by reader A");
        }
    }

    @Test
    void unknownTaskShowsNotFound() {
        signIn("contributor1", Role.CONTRIBUTOR);
        open("no-such-task");

        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .contains("no-such-task").contains("no open task");
        assertThat(UI.getCurrent().getPage()).isNotNull();
    }

    @Test
    void foreignTaskShowsAccessDenied() {
        inbox.add("t-other", TaskKind.ANNOTATE, "contributor2", List.of(), null, Map.of(), List.of(), null);
        signIn("contributor1", Role.CONTRIBUTOR);
        open("t-other");

        assertThat(_get(Paragraph.class, spec -> spec.withId("task-problem")).getText())
                .startsWith("You may not open task t-other");
    }
}
