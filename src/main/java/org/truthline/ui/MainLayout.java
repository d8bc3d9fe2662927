package org.truthline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.stream.Collectors;
import org.truthline.identity.Role;
import org.truthline.ui.label.LabelHistoryView;
import org.truthline.ui.project.ProjectView;
import org.truthline.ui.training.TrainingView;

/**
 * The frame around every signed-in view: application title, side navigation limited to the views the user's
 * roles allow, and the user's name with a sign-out button.
 */
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser user) {
        setPrimarySection(Section.DRAWER);

        H1 title = new H1("Truthline");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.MEDIUM);
        addToDrawer(title, navigation(user));

        addToNavbar(new DrawerToggle(), userBar(user));
    }

    private static SideNav navigation(CurrentUser user) {
        SideNav nav = new SideNav();
        nav.setLabel("Main navigation");
        addIfAllowed(nav, user, "Inbox", InboxView.class, VaadinIcon.INBOX);
        addIfAllowed(nav, user, "Projects", ProjectView.class, VaadinIcon.FOLDER_OPEN);
        addIfAllowed(nav, user, "Training", TrainingView.class, VaadinIcon.ACADEMY_CAP);
        addIfAllowed(nav, user, "Label history", LabelHistoryView.class, VaadinIcon.CLIPBOARD_TEXT);
        return nav;
    }

    private static void addIfAllowed(SideNav nav, CurrentUser user, String label,
            Class<? extends Component> view, VaadinIcon icon) {
        if (user.mayOpen(view)) {
            nav.addItem(new SideNavItem(label, view, icon.create()));
        }
    }

    private static Component userBar(CurrentUser user) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
        bar.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);

        String name = user.findId().orElse("");
        String roles = user.roles().stream().map(Role::id).sorted().collect(Collectors.joining(", "));
        Span who = new Span(roles.isEmpty() ? name : name + " (" + roles + ")");
        who.setId("current-user");

        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> user.signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bar.add(who, signOut);
        return bar;
    }
}
