package org.truthline.ui.label;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.truthline.identity.Role;
import org.truthline.labeling.FinalLabel;
import org.truthline.labeling.FinalLabelRepository;
import org.truthline.labeling.LabelHistory;
import org.truthline.ui.Formats;
import org.truthline.ui.MainLayout;

/**
 * Label history for auditors and staff: every final label, and for the selected one the recorded events of its
 * image oldest first, with actor, time, event type, the comment entered with an annotation, review or
 * adjudication, details and the process definition key and version.
 * Select a label with a click, or with the arrow keys and Space in the focused grid.
 */
@Route(value = "labels", layout = MainLayout.class)
@PageTitle("Label history | Truthline")
@RolesAllowed({Role.AUDITOR_ID, Role.LEAD_ID, Role.EXPERT_ID, Role.ADJUDICATOR_ID, Role.ADMIN_ID})
public class LabelHistoryView extends SplitLayout {

    private final LabelHistory history;
    private final Grid<FinalLabel> labels = new Grid<>(FinalLabel.class, false);
    private final Grid<LabelHistory.Event> events = new Grid<>(LabelHistory.Event.class, false);
    private final H3 eventsTitle = new H3("Events");
    private final Paragraph eventsHint = new Paragraph("Select a final label to see its history.");

    public LabelHistoryView(FinalLabelRepository finalLabels, LabelHistory history) {
        this.history = history;
        setSizeFull();
        setOrientation(Orientation.VERTICAL);

        labels.setId("label-grid");
        labels.setAriaLabel("Final labels");
        labels.addColumn(FinalLabel::id).setKey("id").setHeader("Label").setSortable(true).setAutoWidth(true);
        labels.addColumn(FinalLabel::imageId).setKey("image").setHeader("Image").setSortable(true)
                .setAutoWidth(true);
        labels.addColumn(FinalLabel::projectId).setKey("project").setHeader("Project").setSortable(true)
                .setAutoWidth(true);
        labels.addColumn(FinalLabel::grade).setKey("grade").setHeader("Grade").setSortable(true);
        labels.addColumn(FinalLabel::quality).setKey("quality").setHeader("Quality").setSortable(true);
        labels.addColumn(FinalLabel::source).setKey("source").setHeader("Decided by").setSortable(true);
        labels.addColumn(label -> Formats.dateTime(label.finalizedAt())).setKey("finalized").setHeader("Finalized")
                .setSortable(true).setComparator(FinalLabel::finalizedAt);
        labels.asSingleSelect().addValueChangeListener(event -> showEvents(event.getValue()));

        events.setId("label-events");
        events.setAriaLabel("Events of the selected label, oldest first");
        events.addColumn(LabelHistory.Event::auditId).setKey("id").setHeader("#").setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(event -> Formats.dateTime(event.occurredAt())).setKey("when").setHeader("When")
                .setAutoWidth(true);
        events.addColumn(LabelHistory.Event::actor).setKey("who").setHeader("Who").setAutoWidth(true);
        events.addColumn(LabelHistory.Event::type).setKey("what").setHeader("What").setAutoWidth(true);
        events.addColumn(event -> event.comment() == null ? "" : event.comment()).setKey("comment")
                .setHeader("Comment").setFlexGrow(2);
        events.addColumn(LabelHistory.Event::details).setKey("details").setHeader("Details").setFlexGrow(3);
        events.addColumn(LabelHistoryView::process).setKey("process").setHeader("Process definition")
                .setAutoWidth(true);
        events.setEmptyStateText("No events are recorded for this label's image.");

        List<FinalLabel> finalized = finalLabels.list(null);
        labels.setItems(finalized);

        VerticalLayout top = new VerticalLayout(new H2("Label history"));
        top.setSizeFull();
        if (finalized.isEmpty()) {
            Paragraph empty = new Paragraph("No final labels yet. A label appears here when its image's labeling "
                    + "process finalizes it.");
            empty.setId("labels-empty");
            top.add(empty);
        } else {
            top.add(labels);
            top.expand(labels);
        }
        eventsHint.setId("label-events-hint");
        events.setVisible(false);
        VerticalLayout bottom = new VerticalLayout(eventsTitle, eventsHint, events);
        bottom.setSizeFull();
        bottom.expand(events);
        addToPrimary(top);
        addToSecondary(bottom);
    }

    private void showEvents(FinalLabel label) {
        if (label == null) {
            eventsTitle.setText("Events");
            eventsHint.setVisible(true);
            events.setVisible(false);
            return;
        }
        List<LabelHistory.Event> steps = history.forImage(label.imageId());
        eventsTitle.setText("Events of label " + label.id() + " (image " + label.imageId() + ", " + steps.size()
                + " events)");
        eventsHint.setVisible(false);
        events.setItems(steps);
        events.setVisible(true);
    }

    private static String process(LabelHistory.Event event) {
        if (event.processDefinitionKey() == null) {
            return "";
        }
        return event.processDefinitionKey()
                + (event.processDefinitionVersion() == null ? "" : " v" + event.processDefinitionVersion());
    }
}
