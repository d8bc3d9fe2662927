package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;

class InboxViewTest extends KaribuTestBase {

    @SuppressWarnings("unchecked")
    private static Grid<TaskSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    private static List<String> rowIds(Grid<TaskSummary> grid) {
        List<String> ids = new ArrayList<>();
        for (int row = 0; row < GridKt._size(grid); row++) {
            ids.add(GridKt._get(grid, row).id());
        }
        return ids;
    }

    @Test
    void listsRealAnnotateTasksWithCounts() {
        List<TaskSummary> expected = inbox.openTasks("contributor1");
        long annotate = expected.stream().filter(t -> t.kind() == TaskKind.ANNOTATE).count();
        assertThat(annotate).as("contributor1's annotate tasks from the demo import").isPositive();

        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);

        Grid<TaskSummary> grid = grid();
        assertThat(rowIds(grid)).containsExactlyInAnyOrderElementsOf(expected.stream().map(TaskSummary::id).toList());
        assertThat(GridKt._get(grid, 0).imageId()).isNotNull();
        String counts = _get(HorizontalLayout.class, spec -> spec.withId("task-counts")).getElement()
                .getTextRecursively();
        assertThat(counts).contains("Annotate image: " + annotate);
        assertThat(counts).contains("Total: " + expected.size());
        assertThat(GridKt._getFormatted(grid, 0, "queue")).isEqualTo("Assigned to me");
        _assertNone(Paragraph.class, spec -> spec.withId("inbox-empty"));
    }

    @Test
    void openNavigatesToTaskScreen() {
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);
        Grid<TaskSummary> grid = grid();
        String taskId = GridKt._get(grid, 0).id();

        _click((Button) GridKt._getCellComponent(grid, 0, "action"));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("tasks/" + taskId);
    }

    @Test
    void emptyInboxShowsHint() {
        signIn("auditor", Role.AUDITOR);
        UI.getCurrent().navigate(InboxView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("inbox-empty")).getText()).startsWith("No open tasks.");
        _assertNone(Grid.class, spec -> spec.withId("inbox-grid"));
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("task-counts")).getElement()
                .getTextRecursively()).isEqualTo("Total: 0");
    }

    @Test
    void navigationFollowsRoles() {
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).containsExactly("Inbox");
        endSession();

        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel))
                .containsExactly("Inbox", "Projects", "Training", "Label history");
        endSession();

        signIn("expert", Role.EXPERT);
        UI.getCurrent().navigate(InboxView.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel))
                .containsExactly("Inbox", "Training", "Label history");
    }
}
