package org.truthline.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.Collectors;
import org.truthline.intake.BulkClearance;
import org.truthline.intake.BurnedInReviewService;
import org.truthline.intake.HeldSeries;
import org.truthline.intake.NoteRequiredException;

/**
 * Clears every held image of one series, or of its whole study, in one decision with one note. Images whose
 * original header says Burned In Annotation YES stay held, and the outcome lists them for their own decision.
 */
class BurnedInBulkClearForm extends VerticalLayout {

    private final BurnedInReviewService reviews;
    private final long projectId;
    private final String userId;
    private final Runnable onCleared;

    private final Select<HeldSeries> series = new Select<>();
    private final TextField note = new TextField("Note for every image");
    private final Button clearSeries = new Button("Clear the series", VaadinIcon.CHECK_SQUARE_O.create());
    private final Button clearStudy = new Button("Clear the whole study", VaadinIcon.CHECK_SQUARE_O.create());
    private final Span message = new Span();

    BurnedInBulkClearForm(BurnedInReviewService reviews, long projectId, String userId, Runnable onCleared) {
        this.reviews = reviews;
        this.projectId = projectId;
        this.userId = userId;
        this.onCleared = onCleared;
        setPadding(false);
        setId("burned-in-bulk");
        series.setId("burned-in-bulk-series");
        series.setLabel("Series");
        series.setWidth("36em");
        series.setItemLabelGenerator(BurnedInBulkClearForm::describe);
        note.setId("burned-in-bulk-note");
        note.setWidth("28em");
        note.setRequiredIndicatorVisible(true);
        note.setPlaceholder("What you checked, for example every image of the series");
        clearSeries.setId("burned-in-bulk-clear-series");
        clearSeries.addClickListener(click -> clear(false));
        clearStudy.setId("burned-in-bulk-clear-study");
        clearStudy.addClickListener(click -> clear(true));
        clearStudy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        message.setId("burned-in-bulk-message");

        HorizontalLayout row = new HorizontalLayout(series, note, clearSeries, clearStudy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        add(new Paragraph("Or clear many images at once, for example a CT series without text. Images whose "
                + "original header says Burned In Annotation YES stay held for their own decision."), row, message);
        refresh();
    }

    void refresh() {
        List<HeldSeries> held = reviews.heldSeries(projectId);
        series.setItems(held);
        if (!held.isEmpty()) {
            series.setValue(held.get(0));
        }
        setVisible(!held.isEmpty());
    }

    /**
     * Clears the selected series or its study, then lets the owner refresh the queue and this form. On rejection
     * the form keeps what the lead typed.
     */
    private void clear(boolean wholeStudy) {
        HeldSeries selected = series.getValue();
        if (selected == null) {
            message.setText("Choose a series first.");
            return;
        }
        note.setInvalid(false);
        try {
            BulkClearance outcome = reviews.clearAll(projectId, selected.studyInstanceUid(),
                    wholeStudy ? null : selected.seriesInstanceUid(), userId, note.getValue());
            note.clear();
            message.setText(summary(outcome));
            onCleared.run();
        } catch (NoteRequiredException e) {
            note.setErrorMessage(e.getMessage());
            note.setInvalid(true);
            message.setText(e.getMessage());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }

    static String summary(BulkClearance outcome) {
        String cleared = "Cleared " + outcome.cleared().size() + " image(s).";
        if (outcome.needIndividualDecision().isEmpty()) {
            return cleared;
        }
        return cleared + " " + outcome.needIndividualDecision().size() + " image(s) stay held for their own "
                + "decision: " + outcome.needIndividualDecision().stream()
                        .map(skipped -> "image " + skipped.imageId() + " (" + skipped.fileName() + "): "
                                + skipped.reason())
                        .collect(Collectors.joining(" "));
    }

    private static String describe(HeldSeries held) {
        StringBuilder label = new StringBuilder();
        label.append(held.seriesNumber() == null ? "Series" : "Series " + held.seriesNumber());
        if (held.modality() != null) {
            label.append(" · ").append(held.modality());
        }
        if (held.seriesDescription() != null) {
            label.append(" · ").append(held.seriesDescription());
        }
        label.append(" · ").append(held.heldImages()).append(" held · study …").append(tail(held.studyInstanceUid()));
        return label.toString();
    }

    /** Returns the last characters of a UID, enough to tell studies apart in a list. */
    private static String tail(String uid) {
        return uid == null ? "?" : uid.substring(Math.max(0, uid.length() - 8));
    }
}
