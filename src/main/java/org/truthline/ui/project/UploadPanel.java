package org.truthline.ui.project;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truthline.intake.ImportJob;
import org.truthline.intake.UploadService;
import org.truthline.project.ProjectNotFoundException;

/**
 * Browser upload into one project: DICOM files (any name), {@code .zip} archives or whole folders, each file with
 * the upload's own progress bar, collected in a batch until the lead starts one import job for all of them.
 * Files of a folder keep their paths inside it (see {@link UploadFolderScript}). Files the upload service rejects
 * (too large, unsafe path, unsafe or unreadable archive) are listed with the reason. The import button stays
 * disabled while files are queued or uploading.
 */
class UploadPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UploadPanel.class);

    private final UploadService uploads;
    private final long projectId;
    private final String userId;
    private final Consumer<ImportJob> onImportStarted;

    private final Upload upload = new Upload();
    private final Button filesButton = new Button("Upload files...", VaadinIcon.FILE_ADD.create());
    private final Button folderButton = new Button("Upload folder...", VaadinIcon.FOLDER_ADD.create());
    private final Paragraph countsText = new Paragraph();
    private final Paragraph batchText = new Paragraph();
    private final Paragraph dicomdirText = new Paragraph();
    private final Div errors = new Div();
    private final Button importButton = new Button("Import uploaded files", VaadinIcon.UPLOAD.create());
    private final List<String> rejections = new ArrayList<>();
    private volatile UploadService.Batch batch;
    private UploadFolderScript.Counts counts = UploadFolderScript.Counts.NONE;

    UploadPanel(UploadService uploads, long projectId, String userId, Consumer<ImportJob> onImportStarted) {
        this.uploads = uploads;
        this.projectId = projectId;
        this.userId = userId;
        this.onImportStarted = onImportStarted;
        setPadding(false);
        setSpacing(false);

        long maxBytes = uploads.maxFileBytes();
        upload.setId("upload");
        upload.setDropAllowed(true);
        upload.setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE));
        upload.setUploadHandler(handler());
        filesButton.setId("upload-files-button");
        folderButton.setId("upload-folder-button");
        HorizontalLayout buttons = new HorizontalLayout(filesButton, folderButton);
        buttons.setSpacing(true);
        upload.setUploadButton(buttons);
        UploadFolderScript.install(upload, folderButton, this::showCounts, paths -> reject(
                "The browser could not read these files of the dropped folder, so they were not uploaded: " + paths
                        + ". Check that they are readable, or upload the folder with Upload folder..."));
        upload.addFileRejectedListener(rejected -> reject(rejected.getFileName() + ": "
                + rejected.getErrorMessage()));
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne("Upload file...").setMany("Upload files..."));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne("Drop a file here")
                .setMany("Drop files, folders or .zip archives here"));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig("The file is larger than the maximum upload size of "
                + UploadService.describe(maxBytes) + ".").setTooManyFiles("Too many files.").setIncorrectFileType(
                "This file type is not accepted."));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting("Connecting...").setStalled("Stalled")
                        .setProcessing("Processing file...").setHeld("Queued"))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix("remaining time: ")
                        .setUnknown("unknown remaining time"))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable("Upload failed: the server is "
                        + "unavailable; try again.").setUnexpectedServerError("Rejected; the reason is listed "
                        + "below.").setForbidden("Upload forbidden; sign in again.")));
        i18n.setUnits(new UploadI18N.Units(List.of("B", "kB", "MB", "GB", "TB")));
        upload.setI18n(i18n);

        Paragraph hint = new Paragraph("DICOM files (.dcm or without extension), .zip archives of them, or a whole "
                + "folder such as a hospital export, up to " + UploadService.describe(maxBytes) + " per file. Files "
                + "of a folder keep their sub-folder paths. Upload as many as you like, then import them as one "
                + "batch. Files that are not DICOM are kept in quarantine, and a DICOMDIR is used only to check "
                + "that the files it lists were uploaded.");
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);

        countsText.setId("upload-counts");
        batchText.setId("upload-batch");
        dicomdirText.setId("upload-dicomdir");
        dicomdirText.addClassNames(LumoUtility.TextColor.WARNING);
        errors.setId("upload-errors");
        errors.addClassNames(LumoUtility.TextColor.ERROR);
        errors.getElement().setAttribute("role", "alert");
        importButton.setId("upload-import");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(click -> startImport());
        add(hint, upload, countsText, batchText, dicomdirText, errors, importButton);
        showBatch();
    }

    /**
     * Spools each uploaded file as it arrives. The handler runs on the upload request's thread, so it updates
     * the panel through {@link UI#access}. A rejection fails the request, which marks the file in the upload's
     * list, and the reason is listed below it.
     */
    private UploadHandler handler() {
        return event -> {
            String name = event.getFileName();
            UI ui = event.getUI();
            try (InputStream content = event.getInputStream()) {
                // upload-folders.js sends a file of a folder with its path inside the folder as the name, and a
                // browser never puts '/' into the name of a single file.
                if (name != null && name.contains("/")) {
                    uploads.addFromFolder(currentBatch(), name, content);
                } else {
                    uploads.add(currentBatch(), name, content);
                }
                ui.access(this::showBatch);
            } catch (IllegalArgumentException e) {
                log.info("Upload of {} into project {} rejected: {}", name, projectId, e.getMessage());
                ui.access(() -> reject(e.getMessage()));
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    private synchronized UploadService.Batch currentBatch() {
        if (batch == null) {
            batch = uploads.newBatch();
        }
        return batch;
    }

    private void reject(String message) {
        rejections.add(message);
        errors.removeAll();
        rejections.forEach(text -> errors.add(new Paragraph(text)));
    }

    private void showCounts(UploadFolderScript.Counts counts) {
        this.counts = counts;
        if (counts.selected() == 0) {
            countsText.setText("");
        } else {
            String failed = counts.failed() == 0 ? "" : ", " + counts.failed() + " failed";
            countsText.setText((counts.running() > 0 ? "Uploading: " : "") + counts.uploaded() + " of "
                    + counts.selected() + " selected files uploaded" + failed + ".");
        }
        showBatch();
    }

    private void showBatch() {
        UploadService.Batch current = batch;
        int count = current == null ? 0 : current.size();
        boolean uploading = counts.running() > 0;
        importButton.setEnabled(count > 0 && !uploading);
        importButton.setText(count == 0 ? "Import uploaded files"
                : "Import " + count + (count == 1 ? " uploaded file" : " uploaded files"));
        dicomdirText.setText("");
        if (count == 0) {
            batchText.setText("No files uploaded yet.");
            return;
        }
        if (!uploading) {
            showMissingDicomdirReferences(current);
        }
        List<String> names = current.fileNames();
        String listed = String.join(", ", names.subList(0, Math.min(10, names.size())));
        batchText.setText(count + (count == 1 ? " file" : " files") + " ready to import: " + listed
                + (names.size() > 10 ? ", and " + (names.size() - 10) + " more" : ""));
    }

    /** Warns when a DICOMDIR of the batch lists files that were not uploaded, for example after a partial copy. */
    private void showMissingDicomdirReferences(UploadService.Batch current) {
        List<String> missing = uploads.missingDicomdirReferences(current);
        if (missing.isEmpty()) {
            return;
        }
        String listed = String.join(", ", missing.subList(0, Math.min(10, missing.size())));
        dicomdirText.setText("A DICOMDIR lists " + missing.size() + (missing.size() == 1 ? " file" : " files")
                + " that " + (missing.size() == 1 ? "was" : "were") + " not uploaded: " + listed
                + (missing.size() > 10 ? ", and " + (missing.size() - 10) + " more" : "")
                + ". Upload the complete folder if these images belong to the import.");
    }

    private void startImport() {
        UploadService.Batch current;
        synchronized (this) {
            current = batch;
            batch = null;
        }
        if (current == null) {
            return;
        }
        ImportJob job;
        try {
            job = uploads.startImport(projectId, current, userId);
        } catch (IllegalArgumentException | IllegalStateException | ProjectNotFoundException e) {
            uploads.discard(current);
            reject("Could not start the import: " + e.getMessage());
            showBatch();
            return;
        }
        upload.clearFileList();
        rejections.clear();
        errors.removeAll();
        showCounts(UploadFolderScript.Counts.NONE);
        onImportStarted.accept(job);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        showBatch();
    }

    /** Deletes uploaded files that were never imported. */
    @Override
    protected void onDetach(DetachEvent event) {
        UploadService.Batch current;
        synchronized (this) {
            current = batch;
            batch = null;
        }
        if (current != null) {
            uploads.discard(current);
        }
        super.onDetach(event);
    }
}
