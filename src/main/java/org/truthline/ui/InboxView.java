package org.truthline.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.truthline.task.TaskAccessDeniedException;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskNotFoundException;
import org.truthline.task.TaskSummary;
import org.truthline.ui.task.TaskView;

/**
 * The start page: the user's open tasks (assigned to the user, or waiting in a queue of one of the user's groups).
 * A task opens with a double click or with Enter on the focused row. Group tasks are claimed first.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Inbox | Truthline")
@PermitAll
public class InboxView extends VerticalLayout {

    private final TaskInbox inbox;
    private final CurrentUser user;
    private final HorizontalLayout counts = new HorizontalLayout();
    private final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    private final Paragraph empty = new Paragraph(
            "No open tasks. Tasks assigned to you and tasks offered to your groups appear here.");
    private TaskSummary focused;

    public InboxView(TaskInbox inbox, CurrentUser user) {
        this.inbox = inbox;
        this.user = user;
        setSizeFull();

        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Inbox"), counts, refresh);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(counts);
        counts.setId("task-counts");

        empty.setId("inbox-empty");
        configureGrid();
        add(header, empty, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Open tasks");
        grid.addColumn(TaskSummary::name).setHeader("Task").setSortable(true).setFlexGrow(2);
        grid.addColumn(task -> Formats.kind(task.kind())).setHeader("Kind").setSortable(true);
        grid.addColumn(InboxView::subject).setHeader("Image / project");
        grid.addColumn(task -> Formats.dateTime(task.created())).setHeader("Created").setSortable(true)
                .setComparator(TaskSummary::created);
        grid.addComponentColumn(InboxView::due).setHeader("Due").setSortable(true)
                .setComparator((a, b) -> DUE_ORDER.compare(a.due(), b.due()));
        grid.addColumn(task -> task.assignee() != null ? "Assigned to me" : "Group queue").setKey("queue")
                .setHeader("Queue");
        grid.addComponentColumn(this::actions).setKey("action").setHeader("Action").setAutoWidth(true).setFlexGrow(0);

        grid.addItemDoubleClickListener(event -> open(event.getItem()));
        grid.addCellFocusListener(event -> focused = event.getItem().orElse(null));
        Shortcuts.addShortcutListener(grid, () -> {
            if (focused != null) {
                open(focused);
            }
        }, Key.ENTER).listenOn(grid);
    }

    private static String subject(TaskSummary task) {
        String image = task.imageId() == null ? null : "Image " + task.imageId();
        String project = task.projectId() == null ? null : "project " + task.projectId();
        if (image != null && project != null) {
            return image + " (" + project + ")";
        }
        if (image != null) {
            return image;
        }
        return project != null ? "Project " + task.projectId() : "";
    }

    private static Span due(TaskSummary task) {
        Span due = new Span(Formats.dateTime(task.due()));
        if (task.due() != null && task.due().isBefore(OffsetDateTime.now())) {
            due.setText(due.getText() + " (overdue)");
            due.getElement().getThemeList().add("badge error");
        }
        return due;
    }

    /** Orders due dates earliest first, tasks without a due date last. */
    private static final Comparator<OffsetDateTime> DUE_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private Button actions(TaskSummary task) {
        if (task.claimable()) {
            Button claim = new Button("Claim", click -> claim(task));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            claim.setAriaLabel("Claim " + task.name());
            return claim;
        }
        Button open = new Button("Open", click -> open(task));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.setAriaLabel("Open " + task.name());
        return open;
    }

    void refresh() {
        List<TaskSummary> tasks = inbox.openTasks(user.id());
        grid.setItems(tasks);
        grid.setVisible(!tasks.isEmpty());
        empty.setVisible(tasks.isEmpty());
        focused = null;

        Map<TaskKind, Integer> perKind = new EnumMap<>(TaskKind.class);
        int other = 0;
        for (TaskSummary task : tasks) {
            if (task.kind() == null) {
                other++;
            } else {
                perKind.merge(task.kind(), 1, Integer::sum);
            }
        }
        counts.removeAll();
        perKind.forEach((kind, count) -> counts.add(badge(Formats.kind(kind) + ": " + count)));
        if (other > 0) {
            counts.add(badge(Formats.kind(null) + ": " + other));
        }
        counts.add(badge("Total: " + tasks.size()));
    }

    private static Span badge(String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private void claim(TaskSummary task) {
        tryClaim(task);
        refresh();
    }

    private boolean tryClaim(TaskSummary task) {
        try {
            inbox.claim(task.id(), user.id());
            notify("Claimed: " + task.name(), NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (TaskAccessDeniedException | TaskNotFoundException e) {
            notify("Could not claim '" + task.name() + "': " + e.getMessage() + " The list has been refreshed.",
                    NotificationVariant.LUMO_ERROR);
            refresh();
            return false;
        }
    }

    /** Navigates to the task screen, claiming a group task first so that the user can complete it. */
    private void open(TaskSummary task) {
        if (task.claimable() && !tryClaim(task)) {
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", task.id())));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
