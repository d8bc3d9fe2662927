package org.truthline.ui.project;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Adds folder uploads to Vaadin's {@link Upload} through {@code upload-folders.js}, which runs in the browser: a
 * folder picker behind one button of the upload's add-button slot, each file's path inside its folder sent as
 * the file name, folder drops that keep those paths, and file counts reported back to the server.
 */
final class UploadFolderScript {

    /** DOM event that the script fires on the upload element with the file counts of its list. */
    static final String COUNTS_EVENT = "truthline-upload-counts";
    /** DOM event that the script fires when files of a dropped folder cannot be read. */
    static final String UNREADABLE_EVENT = "truthline-upload-unreadable";

    private static final String SCRIPT = load("upload-folders.js");

    /**
     * Files in the upload's list: all of them, those the server accepted, and those that failed. The others
     * are queued or uploading.
     */
    record Counts(int selected, int uploaded, int failed) {

        static final Counts NONE = new Counts(0, 0, 0);

        int running() {
            return selected - uploaded - failed;
        }
    }

    private UploadFolderScript() {
    }

    /**
     * Listens for the script's events and runs it whenever the upload is attached. The script hides
     * {@code folderButton} when the browser cannot pick folders.
     *
     * @param folderButton a component inside the upload's add-button slot
     * @param onUnreadable receives the comma-separated paths of dropped files that the browser could not read
     */
    static void install(Upload upload, Component folderButton, SerializableConsumer<Counts> onCounts,
            SerializableConsumer<String> onUnreadable) {
        upload.getElement().addEventListener(COUNTS_EVENT, event -> onCounts.accept(new Counts(
                        (int) event.getEventData().getNumber("event.detail.selected"),
                        (int) event.getEventData().getNumber("event.detail.uploaded"),
                        (int) event.getEventData().getNumber("event.detail.failed"))))
                .addEventData("event.detail.selected").addEventData("event.detail.uploaded")
                .addEventData("event.detail.failed");
        upload.getElement().addEventListener(UNREADABLE_EVENT,
                        event -> onUnreadable.accept(event.getEventData().getString("event.detail.paths")))
                .addEventData("event.detail.paths");
        upload.addAttachListener(attach -> upload.getElement().executeJs(SCRIPT, folderButton.getElement())
                .then(Boolean.class, folderButton::setVisible));
    }

    private static String load(String name) {
        try (InputStream in = UploadFolderScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing next to " + UploadFolderScript.class.getName()
                        + " on the class path; rebuild the application.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
