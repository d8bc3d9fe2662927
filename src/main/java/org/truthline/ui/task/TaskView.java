package org.truthline.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truthline.image.ImageService;
import org.truthline.task.TaskAccessDeniedException;
import org.truthline.task.TaskConflictException;
import org.truthline.task.TaskDetails;
import org.truthline.task.TaskDetails.TrainingSummary;
import org.truthline.task.TaskInbox;
import org.truthline.task.TaskNotFoundException;
import org.truthline.task.TaskSummary;
import org.truthline.task.TaskValidationException;
import org.truthline.ui.CurrentUser;
import org.truthline.ui.Formats;
import org.truthline.ui.InboxView;
import org.truthline.ui.MainLayout;
import org.truthline.ui.component.FormRenderer;
import org.truthline.ui.component.ImageViewer;
import org.truthline.ui.component.ReaderComparison;

/**
 * One task: the DICOM image, what the task kind needs beside it (guidelines, the blinded readers' answers, the
 * expert review, the qualification score) and the task's Camunda form. Submit (or Ctrl+Enter) validates the form,
 * then hands the values to {@link TaskInbox#complete}; a rejected submit keeps every entered value.
 */
@Route(value = "tasks/:taskId", layout = MainLayout.class)
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(TaskView.class);

    private final TaskInbox inbox;
    private final CurrentUser user;
    private final ImageService images;
    private String taskId;
    private String title = "Task | Truthline";
    private TaskDetails details;
    private FormRenderer form;
    private final Div formError = new Div();

    public TaskView(TaskInbox inbox, CurrentUser user, ImageService images) {
        this.inbox = inbox;
        this.user = user;
        this.images = images;
        setWidthFull();
        formError.setId("form-error");
        formError.addClassNames(LumoUtility.TextColor.ERROR);
        formError.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        taskId = event.getRouteParameters().get("taskId").orElse("");
        load();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void load() {
        removeAll();
        details = null;
        form = null;
        try {
            details = inbox.open(taskId, user.id());
        } catch (TaskNotFoundException e) {
            showProblem("Task not found", "There is no open task with id " + taskId
                    + ". It may have been completed or cancelled. Go back to the inbox for your current tasks.");
            return;
        } catch (TaskAccessDeniedException e) {
            showProblem("Access denied", "You may not open task " + taskId + ": " + e.getMessage()
                    + " Tasks open to you are listed in the inbox.");
            return;
        } catch (TaskConflictException e) {
            showProblem("Task not found", e.getMessage() + " Go back to the inbox for your current tasks.");
            return;
        }
        TaskSummary summary = details.summary();
        title = summary.name() + " | Truthline";
        add(header(summary));
        if (summary.claimable()) {
            add(claimBanner());
        }

        FlexLayout body = new FlexLayout();
        body.setWidthFull();
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.addClassNames(LumoUtility.Gap.LARGE);
        if (summary.imageId() != null) {
            ImageViewer image = new ImageViewer(images, summary.imageId(), user.id());
            // Image and form share the row and wrap only when the window is narrower than both minimum widths.
            image.setWidth(null);
            body.add(image);
            body.setFlexGrow(2, image);
            body.setFlexBasis("0", image);
        }
        VerticalLayout side = new VerticalLayout();
        side.setPadding(false);
        side.setMinWidth("22rem");
        body.setFlexBasis("26rem", side);
        side.add(context(details));
        side.add(formSection(summary.claimable()));
        body.add(side);
        body.setFlexGrow(0, side);
        add(body);
    }

    private void showProblem(String heading, String text) {
        title = heading + " | Truthline";
        Paragraph message = new Paragraph(text);
        message.setId("task-problem");
        add(new H2(heading), message, new RouterLink("Back to the inbox", InboxView.class));
    }

    private static Component header(TaskSummary summary) {
        H2 name = new H2(summary.name());
        name.addClassNames(LumoUtility.Margin.NONE);
        StringBuilder meta = new StringBuilder(Formats.kind(summary.kind()));
        if (summary.imageId() != null) {
            meta.append(" · image ").append(summary.imageId());
        }
        if (summary.projectId() != null) {
            meta.append(" · project ").append(summary.projectId());
        }
        meta.append(" · created ").append(Formats.dateTime(summary.created()));
        if (summary.due() != null) {
            meta.append(" · due ").append(Formats.dateTime(summary.due()));
        }
        Span line = new Span(meta.toString());
        line.addClassNames(LumoUtility.TextColor.SECONDARY);
        VerticalLayout header = new VerticalLayout(name, line);
        header.setPadding(false);
        header.setSpacing(false);
        return header;
    }

    private Component claimBanner() {
        Button claim = new Button("Claim task", click -> claim());
        claim.setId("claim-task");
        claim.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout banner = new HorizontalLayout(
                new Span("This task waits in a group queue. Claim it to work on it."), claim);
        banner.setAlignItems(Alignment.CENTER);
        banner.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM);
        return banner;
    }

    private void claim() {
        try {
            inbox.claim(taskId, user.id());
            notify("Task claimed.", NotificationVariant.LUMO_SUCCESS);
        } catch (TaskAccessDeniedException | TaskNotFoundException e) {
            notify("Could not claim the task: " + e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        load();
    }

    private Component context(TaskDetails details) {
        VerticalLayout context = new VerticalLayout();
        context.setPadding(false);
        if (details.guidelines() != null) {
            Markdown guidelines = new Markdown(details.guidelines());
            guidelines.setId("guidelines");
            context.add(new H3("Guidelines"), guidelines);
        }
        if (details.training() != null) {
            context.add(new H3("Qualification result"), training(details.training()));
        }
        if (!details.readerAnswers().isEmpty() || details.review() != null) {
            context.add(new H3(details.review() != null ? "Readers and review" : "Readers"),
                    new ReaderComparison(details.readerAnswers(), details.review(), details.form()));
        }
        return context;
    }

    private static Component training(TrainingSummary training) {
        boolean passed = training.score() >= training.passScore();
        Span verdict = new Span(passed ? "Pass score reached" : "Below pass score");
        verdict.getElement().getThemeList().add(passed ? "badge success" : "badge error");
        Div summary = new Div(
                new Paragraph("Contributor: " + training.contributor()),
                new Paragraph("Attempt " + training.attempt() + " of " + training.maxAttempts()),
                new Paragraph(training.correct() + " of " + training.total() + " gold-standard cases correct"),
                new Paragraph(String.format("Score %.0f %% (pass score %.0f %%)", training.score() * 100,
                        training.passScore() * 100)),
                verdict);
        summary.setId("training-summary");
        return summary;
    }

    private Component formSection(boolean waitingForClaim) {
        VerticalLayout section = new VerticalLayout();
        section.setPadding(false);
        Button submit = new Button("Submit", VaadinIcon.CHECK.create(), click -> submit());
        submit.setId("submit-task");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        submit.setTooltipText("Submit (Ctrl+Enter)");
        submit.setEnabled(!waitingForClaim);

        if (details.form() == null) {
            section.add(new Paragraph("This task has no form. Submit completes it."));
        } else {
            form = new FormRenderer(details.form());
            form.setId("task-form");
            form.setValues(details.prefill() == null ? Map.of() : details.prefill());
            form.setReadOnly(waitingForClaim);
            section.add(form);
        }
        formError.setText("");
        section.add(formError, new HorizontalLayout(submit, new RouterLink("Back to the inbox", InboxView.class)));
        return section;
    }

    private void submit() {
        formError.setText("");
        Map<String, Object> values = form == null ? Map.of() : form.values();
        if (form != null && !form.validate().isEmpty()) {
            formError.setText("The form has errors: correct the marked fields and submit again.");
            return;
        }
        try {
            inbox.complete(taskId, user.id(), values);
        } catch (TaskValidationException e) {
            Map<String, String> unmatched = form == null ? e.fieldErrors() : form.showErrors(e.fieldErrors());
            formError.setText(unmatched.isEmpty()
                    ? "The task rejected the values: correct the marked fields and submit again."
                    : String.join(" ", unmatched.values()));
            return;
        } catch (TaskNotFoundException | TaskAccessDeniedException e) {
            formError.setText("Could not submit: " + e.getMessage()
                    + " The task may have been completed or reassigned; go back to the inbox.");
            return;
        } catch (RuntimeException e) {
            log.warn("Completing task {} for {} failed", taskId, user.id(), e);
            formError.setText("Submitting failed because of a server error (" + e.getClass().getSimpleName()
                    + "). Your entries are kept: try again, and tell your lead if it fails again.");
            return;
        }
        notify("Submitted: " + details.summary().name(), NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(InboxView.class));
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
