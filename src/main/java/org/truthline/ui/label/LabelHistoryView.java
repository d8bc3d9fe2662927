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
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;
import org.truthline.audit.AuditRecord;
import org.truthline.identity.Role;
import org.truthline.ui.Formats;
import org.truthline.ui.MainLayout;

/**
 * Label history for auditors and staff: the final labels, and for the selected one every recorded event of its
 * image in order, with actor, time, event type, details and the process definition key and version.
 */
@Route(value = "labels", layout = MainLayout.class)
@PageTitle("Label history | Truthline")
@RolesAllowed({Role.AUDITOR_ID, Role.LEAD_ID, Role.EXPERT_ID, Role.ADJUDICATOR_ID, Role.ADMIN_ID})
public class LabelHistoryView extends SplitLayout {

    /** Number of most recent audit events searched for finalized labels. */
    static final int SEARCHED_EVENTS = 5000;

    private final AuditLog audit;
    private final Grid<AuditRecord> labels = new Grid<>(AuditRecord.class, false);
    private final Grid<AuditRecord> events = new Grid<>(AuditRecord.class, false);
    private final H3 eventsTitle = new H3("Events");
    private final Paragraph eventsHint = new Paragraph("Select a final label to see its history.");

    public LabelHistoryView(AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        setOrientation(Orientation.VERTICAL);

        labels.setId("label-grid");
        labels.setAriaLabel("Final labels");
        labels.addColumn(AuditRecord::imageId).setHeader("Image").setSortable(true).setAutoWidth(true);
        labels.addColumn(AuditRecord::projectId).setHeader("Project").setSortable(true).setAutoWidth(true);
        labels.addColumn(record -> Formats.dateTime(record.occurredAt())).setHeader("Finalized").setSortable(true)
                .setComparator(AuditRecord::occurredAt);
        labels.addColumn(AuditRecord::details).setHeader("Label").setFlexGrow(3);
        labels.addColumn(LabelHistoryView::process).setHeader("Process");
        labels.asSingleSelect().addValueChangeListener(event -> showEvents(event.getValue()));

        events.setId("label-events");
        events.setAriaLabel("Events of the selected label");
        events.addColumn(AuditRecord::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(record -> Formats.dateTime(record.occurredAt())).setHeader("When").setAutoWidth(true);
        events.addColumn(AuditRecord::actor).setHeader("Who").setAutoWidth(true);
        events.addColumn(AuditRecord::type).setHeader("What").setAutoWidth(true);
        events.addColumn(AuditRecord::details).setHeader("Details").setFlexGrow(3);
        events.addColumn(LabelHistoryView::process).setHeader("Process definition").setAutoWidth(true);

        // NOTE: final labels are read from LABEL_FINALIZED audit events until the labeling package offers a
        // final-label query; only the most recent SEARCHED_EVENTS events are searched.
        List<AuditRecord> finalized = audit.recent(SEARCHED_EVENTS).stream()
                .filter(record -> AuditEventType.LABEL_FINALIZED.name().equals(record.type()))
                .filter(record -> record.imageId() != null)
                .toList();
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
        events.setVisible(false);
        VerticalLayout bottom = new VerticalLayout(eventsTitle, eventsHint, events);
        bottom.setSizeFull();
        bottom.expand(events);
        addToPrimary(top);
        addToSecondary(bottom);
    }

    private void showEvents(AuditRecord label) {
        if (label == null) {
            eventsTitle.setText("Events");
            eventsHint.setVisible(true);
            events.setVisible(false);
            return;
        }
        List<AuditRecord> history = audit.eventsForImage(label.imageId());
        eventsTitle.setText("Events of image " + label.imageId() + " (" + history.size() + ")");
        eventsHint.setVisible(false);
        events.setItems(history);
        events.setVisible(true);
    }

    private static String process(AuditRecord record) {
        if (record.processDefinitionKey() == null) {
            return "";
        }
        return record.processDefinitionKey()
                + (record.processDefinitionVersion() == null ? "" : " v" + record.processDefinitionVersion());
    }
}
