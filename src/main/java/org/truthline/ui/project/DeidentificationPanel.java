package org.truthline.ui.project;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.truthline.project.DeidentificationSettings;
import org.truthline.project.ProjectNotFoundException;
import org.truthline.project.ProjectService;

/**
 * The PS3.15 Annex E options one project applies on top of the Basic Profile. Saving replaces all of them for files
 * imported from then on, and {@link ProjectService} audits the change.
 */
class DeidentificationPanel extends VerticalLayout {

    private final ProjectService projects;
    private final long projectId;
    private final String userId;

    private final Checkbox retainDates = option("deid-retain-dates",
            "Retain longitudinal temporal information with modified dates",
            "Shift dates by a per-patient number of days instead of removing them. Times are kept.");
    private final Checkbox retainPatientCharacteristics = option("deid-retain-patient-characteristics",
            "Retain patient characteristics",
            "Keep age, sex, size, weight, smoking and pregnancy status and similar attributes.");
    private final Checkbox cleanDescriptors = option("deid-clean-descriptors", "Clean descriptors",
            "Keep study, series and protocol descriptions, with the patient's names and IDs, dates and long numbers "
                    + "replaced by *. Other people's names stay, so review them.");
    private final Checkbox cleanStructuredContent = option("deid-clean-structured-content",
            "Clean structured content",
            "Keep SR content trees, acquisition context and specimen preparation items, with text, names and dates "
                    + "replaced and UIDs remapped. Without this option they are removed.");
    private final Span message = new Span();

    DeidentificationPanel(ProjectService projects, long projectId, String userId) {
        this.projects = projects;
        this.projectId = projectId;
        this.userId = userId;
        setPadding(false);
        setId("deidentification-options");
        message.setId("deid-message");
        Button save = new Button("Save de-identification options", VaadinIcon.CHECK.create(), click -> save());
        save.setId("deid-save");
        add(retainDates, retainPatientCharacteristics, cleanDescriptors, cleanStructuredContent, save, message);
        show(projects.deidentification(projectId));
    }

    private void show(DeidentificationSettings settings) {
        retainDates.setValue(settings.retainLongitudinalTemporalInformationModifiedDates());
        retainPatientCharacteristics.setValue(settings.retainPatientCharacteristics());
        cleanDescriptors.setValue(settings.cleanDescriptors());
        cleanStructuredContent.setValue(settings.cleanStructuredContent());
    }

    private void save() {
        DeidentificationSettings settings = new DeidentificationSettings(retainDates.getValue(),
                retainPatientCharacteristics.getValue(), cleanDescriptors.getValue(), cleanStructuredContent.getValue());
        try {
            show(projects.updateDeidentification(projectId, settings, userId));
            message.setText("Saved. The options apply to files imported from now on, and files already imported "
                    + "keep the options recorded with them.");
        } catch (ProjectNotFoundException e) {
            message.setText(e.getMessage());
        }
    }

    private static Checkbox option(String id, String label, String helperText) {
        Checkbox checkbox = new Checkbox(label);
        checkbox.setId(id);
        checkbox.setHelperText(helperText);
        return checkbox;
    }
}
