package org.truthline.ui.training;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.truthline.identity.Role;
import org.truthline.identity.UserDirectory;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;
import org.truthline.training.TrainingRepository.GoldCase;
import org.truthline.training.TrainingService;
import org.truthline.ui.CurrentUser;
import org.truthline.ui.MainLayout;

/**
 * Contributor training for leads and experts: a project's gold-standard cases (images with the experts'
 * reference answer, used to score qualification cases), a form to add one, and enrolment of a contributor in
 * the project's training process. The services' rejections are shown next to the form that caused them.
 */
@Route(value = "training", layout = MainLayout.class)
@PageTitle("Training | Truthline")
@RolesAllowed({Role.LEAD_ID, Role.EXPERT_ID, Role.ADMIN_ID})
public class TrainingView extends VerticalLayout {

    /** Grades and image qualities that {@link TrainingService#addGoldCase} accepts. */
    static final List<Integer> GRADES = List.of(0, 1, 2, 3, 4);
    static final List<String> QUALITIES = List.of("good", "adequate", "poor");

    private final TrainingService training;
    private final CurrentUser user;

    private final ComboBox<ProjectSummary> project = new ComboBox<>("Project");
    private final Grid<GoldCase> goldCases = new Grid<>(GoldCase.class, false);
    private final IntegerField imageId = new IntegerField("Image id");
    private final Select<Integer> grade = new Select<>();
    private final Select<String> quality = new Select<>();
    private final Paragraph goldError = new Paragraph();
    private final ComboBox<String> contributor = new ComboBox<>("Contributor");
    private final Paragraph enrolStatus = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();

    public TrainingView(TrainingService training, ProjectService projects, UserDirectory users, CurrentUser user) {
        this.training = training;
        this.user = user;
        add(new H2("Training"));

        List<ProjectSummary> all = projects.list();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph("No projects yet. Training is set up per project; a lead creates "
                    + "projects with POST /api/projects.");
            empty.setId("training-no-projects");
            add(empty);
            return;
        }
        project.setId("training-project");
        project.setItems(all);
        project.setItemLabelGenerator(ProjectSummary::name);
        project.setWidth("24rem");
        project.addValueChangeListener(event -> showProject(event.getValue()));

        content.setPadding(false);
        content.add(new H3("Gold-standard cases"), goldCaseGrid(), goldCaseForm(),
                new H3("Enrol a contributor"), enrolForm(users));
        add(project, content);
        project.setValue(all.get(0));
    }

    private Component goldCaseGrid() {
        goldCases.setId("gold-cases");
        goldCases.setAriaLabel("Gold-standard cases of the project");
        goldCases.setAllRowsVisible(true);
        goldCases.addColumn(GoldCase::id).setKey("id").setHeader("Gold case").setAutoWidth(true).setFlexGrow(0);
        goldCases.addColumn(GoldCase::imageId).setKey("image").setHeader("Image").setAutoWidth(true);
        goldCases.addColumn(GoldCase::grade).setKey("grade").setHeader("Reference grade");
        goldCases.addColumn(GoldCase::quality).setKey("quality").setHeader("Reference quality");
        goldCases.setEmptyStateText("No gold-standard cases yet. Contributors can be enrolled once the project "
                + "has at least one.");
        return goldCases;
    }

    private Component goldCaseForm() {
        imageId.setId("gold-image");
        imageId.setMin(1);
        imageId.setRequiredIndicatorVisible(true);
        imageId.setHelperText("An imported image of this project");
        grade.setId("gold-grade");
        grade.setLabel("Reference grade");
        grade.setItems(GRADES);
        grade.setRequiredIndicatorVisible(true);
        quality.setId("gold-quality");
        quality.setLabel("Reference quality");
        quality.setItems(QUALITIES);
        quality.setRequiredIndicatorVisible(true);

        Button add = new Button("Add gold case", VaadinIcon.PLUS.create(), click -> addGoldCase());
        add.setId("gold-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER).listenOn(imageId, grade, quality);
        add.setTooltipText("Add gold case (Enter)");

        goldError.setId("gold-error");
        goldError.addClassNames(LumoUtility.TextColor.ERROR);
        goldError.getElement().setAttribute("role", "alert");
        HorizontalLayout row = new HorizontalLayout(imageId, grade, quality, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        VerticalLayout form = new VerticalLayout(row, goldError);
        form.setPadding(false);
        form.setSpacing(false);
        return form;
    }

    private Component enrolForm(UserDirectory users) {
        contributor.setId("enrol-contributor");
        contributor.setItems(users.usersInRole(Role.CONTRIBUTOR));
        contributor.setHelperText("Users in the contributor role");
        contributor.setWidth("18rem");
        Button enrol = new Button("Enrol", VaadinIcon.ACADEMY_CAP.create(), click -> enrol());
        enrol.setId("enrol-start");
        enrol.addClickShortcut(Key.ENTER).listenOn(contributor);
        enrol.setTooltipText("Enrol (Enter)");
        enrolStatus.setId("enrol-status");
        HorizontalLayout row = new HorizontalLayout(contributor, enrol);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout form = new VerticalLayout(row, enrolStatus);
        form.setPadding(false);
        form.setSpacing(false);
        return form;
    }

    private void showProject(ProjectSummary selected) {
        content.setVisible(selected != null);
        goldError.setText("");
        enrolStatus.setText("");
        contributor.setInvalid(false);
        if (selected != null) {
            goldCases.setItems(training.goldCases(selected.id()));
        }
    }

    private void addGoldCase() {
        goldError.setText("");
        imageId.setInvalid(false);
        grade.setInvalid(false);
        quality.setInvalid(false);
        boolean missing = markIfEmpty(imageId.getValue() == null, imageId::setErrorMessage, imageId::setInvalid,
                "Enter the id of an imported image.")
                | markIfEmpty(grade.getValue() == null, grade::setErrorMessage, grade::setInvalid,
                        "Choose the reference grade.")
                | markIfEmpty(quality.getValue() == null, quality::setErrorMessage, quality::setInvalid,
                        "Choose the reference quality.");
        if (missing) {
            return;
        }
        ProjectSummary selected = project.getValue();
        GoldCase added;
        try {
            added = training.addGoldCase(selected.id(), imageId.getValue(), grade.getValue(), quality.getValue(),
                    user.id());
        } catch (IllegalArgumentException e) {
            goldError.setText("Could not add the gold case: " + e.getMessage());
            imageId.focus();
            return;
        }
        goldCases.setItems(training.goldCases(selected.id()));
        imageId.clear();
        grade.clear();
        quality.clear();
        notify("Image " + added.imageId() + " is now gold case " + added.id() + ".", NotificationVariant.LUMO_SUCCESS);
    }

    private static boolean markIfEmpty(boolean empty, java.util.function.Consumer<String> message,
            java.util.function.Consumer<Boolean> invalid, String text) {
        if (empty) {
            message.accept(text);
            invalid.accept(true);
        }
        return empty;
    }

    private void enrol() {
        enrolStatus.setText("");
        contributor.setInvalid(false);
        String chosen = contributor.getValue();
        if (chosen == null) {
            contributor.setErrorMessage("Choose a contributor to enrol.");
            contributor.setInvalid(true);
            contributor.focus();
            return;
        }
        ProjectSummary selected = project.getValue();
        try {
            training.enrol(selected.id(), chosen, user.id());
        } catch (IllegalStateException | IllegalArgumentException e) {
            contributor.setErrorMessage("Could not enrol " + chosen + ": " + e.getMessage() + ".");
            contributor.setInvalid(true);
            contributor.focus();
            return;
        }
        enrolStatus.setText(chosen + " is enrolled in the training of " + selected.name()
                + "; the first training task is in their inbox.");
        contributor.clear();
        notify(chosen + " enrolled.", NotificationVariant.LUMO_SUCCESS);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
