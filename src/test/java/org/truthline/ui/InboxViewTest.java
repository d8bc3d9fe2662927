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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;
import org.truthline.task.TaskKind;
import org.truthline.task.TaskSummary;

class InboxViewTest extends KaribuTestBase {

    private void addAnnotateTasks() {
        inbox.add("t-mine", TaskKind.ANNOTATE, "contributor1", List.of(), null, Map.of(), List.of(), null);
        inbox.add("t-queue", TaskKind.ANNOTATE, null, List.of("contributor1", "contributor2"), null, Map.of(),
                List.of(), null);
        inbox.add("t-other", TaskKind.ANNOTATE, "contributor2", List.of(), null, Map.of(), List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static Grid<TaskSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    @Test
    void inboxListsOwnAndQueueTasks() {
        addAnnotateTasks();
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);

        Grid<TaskSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(List.of(GridKt._get(grid, 0).id(), GridKt._get(grid, 1).id()))
                .containsExactlyInAnyOrder("t-mine", "t-queue");
        HorizontalLayout counts = _get(HorizontalLayout.class, spec -> spec.withId("task-counts"));
        assertThat(counts.getElement().getTextRecursively()).contains("Annotate image: 2").contains("Total: 2");
        _assertNone(Paragraph.class, spec -> spec.withId("inbox-empty"));
    }

    @Test
    void claimAssignsQueueTask() {
        addAnnotateTasks();
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);
        Grid<TaskSummary> grid = grid();
        int queueRow = GridKt._get(grid, 0).id().equals("t-queue") ? 0 : 1;

        Button claim = (Button) GridKt._getCellComponent(grid, queueRow, "action");
        assertThat(claim.getText()).isEqualTo("Claim");
        _click(claim);

        assertThat(inbox.claims).containsExactly("t-queue:contributor1");
        Grid<TaskSummary> refreshed = grid();
        for (int row = 0; row < GridKt._size(refreshed); row++) {
            assertThat(GridKt._getFormatted(refreshed, row, "queue")).isEqualTo("Assigned to me");
        }
    }

    @Test
    void openNavigatesToTaskScreen() {
        addAnnotateTasks();
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);
        Grid<TaskSummary> grid = grid();
        int mineRow = GridKt._get(grid, 0).id().equals("t-mine") ? 0 : 1;

        _click((Button) GridKt._getCellComponent(grid, mineRow, "action"));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("tasks/t-mine");
    }

    @Test
    void emptyInboxShowsHint() {
        signIn("contributor1", Role.CONTRIBUTOR);
        UI.getCurrent().navigate(InboxView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("inbox-empty")).getText()).startsWith("No open tasks.");
        _assertNone(Grid.class, spec -> spec.withId("inbox-grid"));
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
                .containsExactly("Inbox", "Projects", "Label history");
    }
}
