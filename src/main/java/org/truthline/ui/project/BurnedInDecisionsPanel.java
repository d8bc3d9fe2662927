package org.truthline.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.truthline.intake.BurnedInReviewConflictException;
import org.truthline.intake.BurnedInReviewService;
import org.truthline.intake.DecidedImage;
import org.truthline.intake.NoteRequiredException;
import org.truthline.ui.Formats;

/**
 * The project's latest burned-in annotation decisions, each with a button that reopens it: the image goes back
 * into the review queue and its labeling is withdrawn, which the service allows until work on the image begins.
 */
class BurnedInDecisionsPanel extends VerticalLayout {

    /** The number of decisions listed, newest first. Older ones can be reopened over the REST API. */
    static final int LISTED_DECISIONS = 50;

    private final BurnedInReviewService reviews;
    private final long projectId;
    private final String userId;
    private final Runnable onReopen;

    private final Grid<DecidedImage> grid = new Grid<>(DecidedImage.class, false);
    private final Paragraph empty = new Paragraph("No burned-in annotation decision has been made yet.");
    private final TextField note = new TextField("Why reopen");
    private final Span message = new Span();

    BurnedInDecisionsPanel(BurnedInReviewService reviews, long projectId, String userId, Runnable onReopen) {
        this.reviews = reviews;
        this.projectId = projectId;
        this.userId = userId;
        this.onReopen = onReopen;
        setPadding(false);
        setId("burned-in-decisions");
        note.setId("burned-in-reopen-note");
        note.setWidth("32em");
        note.setHelperText("Required. Reopening puts the image back on hold and withdraws its labeling, unless a "
                + "contributor has opened it or submitted work on it.");
        message.setId("burned-in-reopen-message");
        grid.setId("burned-in-decision-grid");
        grid.setAriaLabel("Burned-in annotation decisions");
        grid.setAllRowsVisible(true);
        grid.addColumn(DecidedImage::imageId).setHeader("Image").setAutoWidth(true);
        grid.addColumn(DecidedImage::fileName).setHeader("File").setFlexGrow(2);
        grid.addColumn(d -> "MASKED".equals(d.decision()) ? "Masked" : "Cleared").setHeader("Decision")
                .setAutoWidth(true);
        grid.addColumn(DecidedImage::decidedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(d -> Formats.dateTime(d.decidedAt())).setHeader("When").setAutoWidth(true);
        grid.addComponentColumn(this::reopenButton).setKey("reopen").setHeader("").setAutoWidth(true);
        add(new Paragraph("The latest " + LISTED_DECISIONS + " decisions, newest first."), note, message, empty,
                grid);
        refresh();
    }

    void refresh() {
        List<DecidedImage> decided = reviews.decided(projectId, LISTED_DECISIONS);
        grid.setItems(decided);
        grid.setVisible(!decided.isEmpty());
        empty.setVisible(decided.isEmpty());
    }

    private Button reopenButton(DecidedImage image) {
        Button reopen = new Button("Reopen", click -> reopen(image));
        reopen.setId("burned-in-reopen-" + image.imageId());
        reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
        reopen.setAriaLabel("Reopen the decision on image " + image.imageId());
        return reopen;
    }

    /** Reopens a decision. On rejection the note keeps what the lead typed, and the message shows the reason. */
    private void reopen(DecidedImage image) {
        note.setInvalid(false);
        try {
            reviews.reopen(image.imageId(), userId, note.getValue());
            message.setText("Image " + image.imageId() + " is held for review again.");
            note.clear();
            refresh();
            onReopen.run();
        } catch (NoteRequiredException e) {
            note.setErrorMessage(e.getMessage());
            note.setInvalid(true);
            message.setText(e.getMessage());
        } catch (BurnedInReviewConflictException e) {
            message.setText(e.getMessage());
        }
    }
}
