package org.truthline.ui.project;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.truthline.identity.Role;
import org.truthline.intake.ImportFileResult;
import org.truthline.intake.ImportJob;
import org.truthline.intake.ImportService;
import org.truthline.intake.QuarantineEntry;
import org.truthline.intake.BurnedInReviewService;
import org.truthline.image.ImageService;
import org.truthline.intake.UploadService;
import org.truthline.project.ProjectNotFoundException;
import org.truthline.project.ProjectProgress;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;
import org.truthline.ui.CurrentUser;
import org.truthline.ui.Formats;
import org.truthline.ui.MainLayout;

/**
 * Projects for leads and admins: the project list and, for the selected project, its images by lifecycle stage,
 * its de-identification options, browser upload and import of a server-side folder with live progress and per-file
 * results, and the quarantine list.
 */
@Route(value = "projects", layout = MainLayout.class)
@PageTitle("Projects | Truthline")
@RolesAllowed({Role.LEAD_ID, Role.ADMIN_ID})
public class ProjectView extends SplitLayout {

    /** Milliseconds between progress polls while an import runs. */
    static final int POLL_INTERVAL_MS = 1000;

    private final ProjectService projects;
    private final ImportService imports;
    private final UploadService uploads;
    private final CurrentUser user;

    private final BurnedInReviewService burnedInReviews;
    private final ImageService images;
    private final Grid<ProjectSummary> projectGrid = new Grid<>(ProjectSummary.class, false);
    private final VerticalLayout details = new VerticalLayout();
    private final VerticalLayout progress = new VerticalLayout();
    private final TextField folder = new TextField("Server folder");
    private final Button importButton = new Button("Import", VaadinIcon.UPLOAD.create());
    private final ProgressBar importProgress = new ProgressBar();
    private final Span importStatus = new Span();
    private final Grid<ImportJob> importGrid = new Grid<>(ImportJob.class, false);
    private final Grid<ImportFileResult> fileGrid = new Grid<>(ImportFileResult.class, false);
    private final Grid<QuarantineEntry> quarantineGrid = new Grid<>(QuarantineEntry.class, false);
    private final Paragraph quarantineEmpty = new Paragraph("No files are in quarantine for this project.");

    private BurnedInReviewPanel reviewPanel;
    private BurnedInDecisionsPanel decisionsPanel;
    private ProjectSummary selected;
    private ImportJob shownJob;
    private Registration pollRegistration;

    public ProjectView(ProjectService projects, ImportService imports, UploadService uploads, CurrentUser user,
            BurnedInReviewService burnedInReviews, ImageService images) {
        this.burnedInReviews = burnedInReviews;
        this.images = images;
        this.projects = projects;
        this.imports = imports;
        this.uploads = uploads;
        this.user = user;
        setSizeFull();
        setSplitterPosition(30);
        addToPrimary(projectList());
        addToSecondary(details);
        details.setId("project-details");
        configureDetails();
        showProject(null);
    }

    private Component projectList() {
        projectGrid.setId("project-grid");
        projectGrid.setAriaLabel("Projects");
        projectGrid.addColumn(ProjectSummary::name).setHeader("Project").setSortable(true).setFlexGrow(2);
        projectGrid.addColumn(p -> p.taxonomyKey() + " v" + p.taxonomyVersion()).setHeader("Taxonomy");
        projectGrid.asSingleSelect().addValueChangeListener(event -> showProject(event.getValue()));

        List<ProjectSummary> all = projects.list();
        projectGrid.setItems(all);
        VerticalLayout list = new VerticalLayout(new H2("Projects"));
        list.setSizeFull();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph("No projects yet. A lead creates one with POST /api/projects.");
            empty.setId("projects-empty");
            list.add(empty);
        } else {
            list.add(projectGrid);
            list.expand(projectGrid);
        }
        return list;
    }

    private void configureDetails() {
        folder.setId("import-folder");
        folder.setPlaceholder("/srv/dicom/incoming/study-42");
        folder.setHelperText("Absolute path of a folder (or DICOMDIR folder) readable by the Truthline server");
        folder.setWidth("32rem");
        folder.setClearButtonVisible(true);
        importButton.setId("import-start");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(click -> startImport());
        importButton.addClickShortcut(Key.ENTER).listenOn(folder);

        importProgress.setId("import-progress");
        importStatus.setId("import-status");

        importGrid.setId("import-grid");
        importGrid.setAriaLabel("Recent imports");
        importGrid.setAllRowsVisible(true);
        importGrid.addColumn(ImportJob::id).setHeader("Import").setAutoWidth(true).setFlexGrow(0);
        importGrid.addColumn(ImportJob::source).setHeader("Source").setFlexGrow(2);
        importGrid.addColumn(ImportJob::status).setHeader("Status");
        importGrid.addColumn(job -> job.importedFiles() + " / " + job.companionFiles() + " / "
                + job.quarantinedFiles() + " / " + job.duplicateFiles())
                .setHeader("Images / companion objects / quarantined / duplicate");
        importGrid.addColumn(job -> Formats.dateTime(job.startedAt())).setHeader("Started");
        importGrid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                showJob(event.getValue());
            }
        });

        fileGrid.setId("import-files");
        fileGrid.setAriaLabel("Files of the selected import");
        fileGrid.setHeight("16rem");
        fileGrid.addColumn(ImportFileResult::fileName).setHeader("File").setFlexGrow(2).setSortable(true);
        fileGrid.addColumn(r -> outcomeLabel(r.outcome())).setKey("outcome").setHeader("Outcome")
                .setSortable(true);
        fileGrid.addColumn(ProjectView::storedObject).setKey("object").setHeader("Object");
        fileGrid.addColumn(r -> r.reasonCode() == null ? "" : r.reasonCode() + ": " + r.reason())
                .setHeader("Reason").setFlexGrow(3);
        fileGrid.setEmptyStateText("No files processed yet.");

        quarantineGrid.setId("quarantine-grid");
        quarantineGrid.setAriaLabel("Quarantined files");
        quarantineGrid.setAllRowsVisible(true);
        // One row per distinct file content; file name and reason are those of the latest attempt.
        quarantineGrid.addColumn(QuarantineEntry::fileName).setKey("file").setHeader("File").setFlexGrow(2);
        quarantineGrid.addColumn(QuarantineEntry::reasonCode).setKey("reasonCode").setHeader("Reason code");
        quarantineGrid.addColumn(QuarantineEntry::reason).setKey("reason").setHeader("Reason").setFlexGrow(3);
        quarantineGrid.addColumn(QuarantineEntry::status).setKey("status").setHeader("Status");
        quarantineGrid.addColumn(QuarantineEntry::attempts).setKey("attempts").setHeader("Attempts");
        quarantineGrid.addColumn(q -> Formats.dateTime(q.createdAt())).setKey("firstQuarantined")
                .setHeader("First quarantined");
        quarantineGrid.addColumn(q -> Formats.dateTime(q.lastAttemptAt())).setKey("lastAttempt")
                .setHeader("Last attempt");
        quarantineEmpty.setId("quarantine-empty");
    }

    private void showProject(ProjectSummary project) {
        selected = project;
        shownJob = null;
        details.removeAll();
        if (project == null) {
            details.add(new Paragraph("Select a project to see its progress, imports and quarantine."));
            return;
        }
        try {
            selected = projects.get(project.id());
        } catch (ProjectNotFoundException e) {
            details.add(new Paragraph(e.getMessage()));
            return;
        }
        H2 name = new H2(selected.name());
        Paragraph description = new Paragraph(selected.description() == null ? "" : selected.description());
        Span settings = new Span(selected.readersPerImage() + " readers per image · review rate "
                + Math.round(selected.reviewRate() * 100) + " % · at least " + selected.minReviewedItems()
                + " reviewed items per contributor");
        settings.addClassNames(LumoUtility.TextColor.SECONDARY);

        HorizontalLayout importRow = new HorizontalLayout(folder, importButton);
        importRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        UploadPanel upload = new UploadPanel(uploads, selected.id(), user.id(), job -> {
            showJob(job);
            refreshProject();
        });
        reviewPanel = new BurnedInReviewPanel(burnedInReviews, images, selected.id(), user.id(),
                this::burnedInReviewChanged);
        decisionsPanel = new BurnedInDecisionsPanel(burnedInReviews, selected.id(), user.id(),
                this::burnedInReviewChanged);
        details.add(name, description, settings, new H3("Progress by stage"), progress,
                new H3("De-identification options"), new DeidentificationPanel(projects, selected.id(), user.id()),
                new H3("Upload DICOM files"), upload, new H3("Import a server folder"), importRow,
                new H3("Import progress"), importProgress, importStatus,
                new H3("Recent imports"), importGrid, new H3("Files of the import"), fileGrid,
                new H3("Quarantine"), quarantineEmpty, quarantineGrid,
                new H3("Burned-in annotation review"), reviewPanel, new H3("Burned-in annotation decisions"),
                decisionsPanel);
        refreshProject();
        List<ImportJob> recent = imports.recent(selected.id());
        recent.stream().filter(job -> "RUNNING".equals(job.status())).findFirst().or(() -> recent.stream().findFirst())
                .ifPresentOrElse(this::showJob, () -> showJob(null));
    }

    /** Refreshes both burned-in panels and the counts after a decision or a reopening in either panel. */
    private void burnedInReviewChanged() {
        reviewPanel.refresh();
        decisionsPanel.refresh();
        refreshProject();
    }

    private void refreshProject() {
        ProjectProgress counts = projects.progress(selected.id());
        progress.removeAll();
        progress.setPadding(false);
        progress.setId("project-progress");
        HorizontalLayout stages = new HorizontalLayout(
                stage("Images", counts.images()), stage("Quarantined", counts.quarantined()),
                stage("Held for burned-in review", counts.heldForReview()),
                stage("Waiting for readers", counts.waitingForReaders()),
                stage("Annotating", counts.annotating()), stage("In review", counts.inReview()),
                stage("In adjudication", counts.inAdjudication()), stage("Finalized", counts.finalized()));
        stages.getStyle().set("flex-wrap", "wrap");
        ProgressBar finalized = new ProgressBar(0, Math.max(1, counts.images()), counts.finalized());
        finalized.getElement().setAttribute("aria-label", "Finalized images");
        Span finalizedText = new Span(counts.images() == 0 ? "No images imported yet."
                : counts.finalized() + " of " + counts.images() + " images finalized");
        progress.add(stages, finalized, finalizedText);

        List<ImportJob> recent = imports.recent(selected.id());
        importGrid.setItems(recent);
        importGrid.setVisible(!recent.isEmpty());

        List<QuarantineEntry> quarantined = imports.quarantine(selected.id());
        quarantineGrid.setItems(quarantined);
        quarantineGrid.setVisible(!quarantined.isEmpty());
        quarantineEmpty.setVisible(quarantined.isEmpty());
    }

    /** Returns the words the file table shows for an outcome code of {@link ImportFileResult}. */
    static String outcomeLabel(String outcome) {
        return switch (outcome) {
            case "IMPORTED" -> "Imported for labeling";
            case "HELD" -> "Held for burned-in review";
            case "COMPANION" -> "Kept with its study, not labeled";
            case "DUPLICATE" -> "Duplicate, ignored";
            case "QUARANTINED" -> "Quarantined";
            default -> outcome;
        };
    }

    private static String storedObject(ImportFileResult result) {
        if (result.imageId() != null) {
            return "image " + result.imageId();
        }
        return result.companionObjectId() == null ? "" : "companion object " + result.companionObjectId();
    }

    private static Component stage(String name, int count) {
        Span badge = new Span(name + ": " + count);
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private void startImport() {
        folder.setInvalid(false);
        String text = folder.getValue() == null ? "" : folder.getValue().strip();
        if (text.isEmpty()) {
            invalidFolder("Enter the absolute path of a folder on the Truthline server.");
            return;
        }
        ImportJob job;
        try {
            job = imports.start(selected.id(), Path.of(text), user.id());
        } catch (InvalidPathException e) {
            invalidFolder("'" + text + "' is not a valid path: " + e.getReason() + ".");
            return;
        } catch (IllegalArgumentException | ProjectNotFoundException e) {
            invalidFolder(e.getMessage());
            return;
        }
        showJob(job);
        refreshProject();
    }

    private void invalidFolder(String message) {
        folder.setErrorMessage(message);
        folder.setInvalid(true);
        folder.focus();
    }

    private void showJob(ImportJob job) {
        shownJob = job;
        boolean running = job != null && "RUNNING".equals(job.status());
        importProgress.setVisible(job != null);
        if (job == null) {
            importStatus.setText("No imports yet.");
            fileGrid.setItems(List.of());
            updatePolling(false);
            return;
        }
        if (job.totalFiles() > 0) {
            importProgress.setIndeterminate(false);
            importProgress.setMin(0);
            importProgress.setMax(job.totalFiles());
            importProgress.setValue(job.processedFiles());
        } else {
            importProgress.setIndeterminate(running);
            importProgress.setValue(0);
        }
        StringBuilder status = new StringBuilder("Import " + job.id() + " of " + job.source() + ": " + job.status()
                + " · " + job.processedFiles() + " of " + job.totalFiles() + " files processed · "
                + job.importedFiles() + " images imported, " + job.companionFiles()
                + " companion objects stored, " + job.quarantinedFiles() + " quarantined, "
                + job.duplicateFiles() + " duplicates");
        if (job.error() != null) {
            status.append(" · error: ").append(job.error());
        }
        importStatus.setText(status.toString());
        fileGrid.setItems(imports.files(job.id()));
        updatePolling(running);
    }

    /** Polls the shown import while it runs, so progress and results update without a page reload. */
    private void updatePolling(boolean running) {
        UI ui = getUI().orElse(UI.getCurrent());
        if (ui == null) {
            return;
        }
        if (running && pollRegistration == null) {
            ui.setPollInterval(POLL_INTERVAL_MS);
            pollRegistration = ui.addPollListener(event -> poll());
        } else if (!running && pollRegistration != null) {
            stopPolling(ui);
        }
    }

    private void poll() {
        if (shownJob == null || selected == null) {
            return;
        }
        ImportJob current = imports.get(shownJob.id());
        showJob(current);
        if (!"RUNNING".equals(current.status())) {
            refreshProject();
        }
    }

    private void stopPolling(UI ui) {
        ui.setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (shownJob != null && "RUNNING".equals(shownJob.status())) {
            updatePolling(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
        super.onDetach(event);
    }
}
