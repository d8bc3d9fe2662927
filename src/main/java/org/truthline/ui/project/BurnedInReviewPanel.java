package org.truthline.ui.project;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.truthline.image.ImageService;
import org.truthline.intake.BurnedInReviewConflictException;
import org.truthline.intake.BurnedInReviewService;
import org.truthline.intake.HeldImage;
import org.truthline.intake.NoteRequiredException;
import org.truthline.ui.component.ImageViewer;

/**
 * The burned-in annotation review queue of one project: the lead looks at each held image, then clears it or
 * masks rectangles (image pixels) on its de-identified copy. Either releases the image to labeling.
 */
class BurnedInReviewPanel extends VerticalLayout {

    private final BurnedInReviewService reviews;
    private final ImageService images;
    private final long projectId;
    private final String userId;
    private final Runnable onDecision;

    private final Grid<HeldImage> grid = new Grid<>(HeldImage.class, false);
    private final Paragraph empty = new Paragraph("No image is waiting for a burned-in annotation review.");
    private final VerticalLayout editor = new VerticalLayout();
    private final List<Rectangle> rectangles = new ArrayList<>();
    private final Span rectangleList = new Span();
    private final Span message = new Span();
    private final BurnedInBulkClearForm bulk;

    BurnedInReviewPanel(BurnedInReviewService reviews, ImageService images, long projectId, String userId,
            Runnable onDecision) {
        this.reviews = reviews;
        this.images = images;
        this.projectId = projectId;
        this.userId = userId;
        this.onDecision = onDecision;
        setPadding(false);
        setId("burned-in-review");
        grid.setId("burned-in-grid");
        grid.setAriaLabel("Images held for burned-in annotation review");
        grid.setAllRowsVisible(true);
        grid.addColumn(HeldImage::imageId).setHeader("Image").setAutoWidth(true);
        grid.addColumn(HeldImage::fileName).setHeader("File").setFlexGrow(2);
        grid.addColumn(HeldImage::modality).setHeader("Modality").setAutoWidth(true);
        grid.addColumn(h -> h.columns() + " × " + h.rows()).setHeader("Columns × rows").setAutoWidth(true);
        grid.addColumn(HeldImage::reason).setHeader("Why held").setFlexGrow(3);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        message.setId("burned-in-message");
        bulk = new BurnedInBulkClearForm(reviews, projectId, userId, () -> {
            refresh();
            onDecision.run();
        });
        add(empty, grid, editor, bulk);
        refresh();
    }

    void refresh() {
        bulk.refresh();
        List<HeldImage> held = reviews.pending(projectId);
        grid.setItems(held);
        grid.setVisible(!held.isEmpty());
        empty.setVisible(held.isEmpty());
        editor.removeAll();
    }

    private void edit(HeldImage image) {
        editor.removeAll();
        rectangles.clear();
        message.setText("");
        if (image == null) {
            return;
        }
        ImageViewer viewer = new ImageViewer(images, image.imageId(), userId);

        TextField note = new TextField("Note");
        note.setId("burned-in-note");
        note.setPlaceholder("What you checked");
        note.setWidth("24em");
        if (reviews.originalMarksBurnedIn(image.imageId())) {
            // The service also rejects a blank note. The field shows the requirement before the lead clicks.
            note.setRequiredIndicatorVisible(true);
            note.setHelperText("Required: the original header says Burned In Annotation YES");
        }
        Button clear = new Button("Clear: no identifying text", VaadinIcon.CHECK.create(),
                e -> decide(() -> reviews.clear(image.imageId(), userId, note.getValue()), note));
        clear.setId("burned-in-clear");

        IntegerField x = field("x", 0, image.columns() - 1);
        IntegerField y = field("y", 0, image.rows() - 1);
        IntegerField width = field("Width", 1, image.columns());
        IntegerField height = field("Height", 1, image.rows());
        Button add = new Button("Add rectangle", VaadinIcon.PLUS.create(), e -> {
            if (x.isInvalid() || y.isInvalid() || width.isInvalid() || height.isInvalid() || x.isEmpty()
                    || y.isEmpty() || width.isEmpty() || height.isEmpty()) {
                message.setText("Fill x, y, width and height with values inside the image ("
                        + image.columns() + " × " + image.rows() + " pixels).");
                return;
            }
            rectangles.add(new Rectangle(x.getValue(), y.getValue(), width.getValue(), height.getValue()));
            showRectangles();
        });
        add.addClickShortcut(Key.ENTER);
        Button mask = new Button("Mask and release", VaadinIcon.EYE_SLASH.create(),
                e -> decide(() -> reviews.mask(image.imageId(), List.copyOf(rectangles), userId), note));
        mask.setId("burned-in-mask");
        mask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout clearRow = new HorizontalLayout(note, clear);
        clearRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout maskRow = new HorizontalLayout(x, y, width, height, add, mask);
        maskRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        showRectangles();
        editor.add(viewer, clearRow, new Paragraph("Or mask text: rectangles in image pixels, origin at the top left."),
                maskRow, rectangleList, message);
    }

    private void showRectangles() {
        rectangleList.setText(rectangles.isEmpty() ? "No rectangle yet." : "To mask: " + rectangles.stream()
                .map(r -> "(" + r.x + ", " + r.y + ") " + r.width + " × " + r.height).toList());
    }

    /**
     * Runs a decision and reloads the queue. On rejection the editor keeps what the lead typed and shows why,
     * and a missing note also marks the note field as invalid.
     */
    private void decide(Runnable decision, TextField note) {
        note.setInvalid(false);
        try {
            decision.run();
            refresh();
            onDecision.run();
        } catch (NoteRequiredException e) {
            note.setErrorMessage(e.getMessage());
            note.setInvalid(true);
            message.setText(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | BurnedInReviewConflictException e) {
            message.setText(e.getMessage());
        }
    }

    private static IntegerField field(String label, int min, int max) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setWidth("7em");
        field.setStepButtonsVisible(true);
        return field;
    }
}
