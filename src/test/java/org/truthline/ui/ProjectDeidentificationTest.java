package org.truthline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.truthline.identity.Role;
import org.truthline.project.DeidentificationSettings;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;
import org.truthline.ui.project.ProjectView;

class ProjectDeidentificationTest extends KaribuTestBase {

    private ProjectSummary newProject() {
        return projects.create(new NewProject("De-identification test " + UUID.randomUUID(), null,
                "finding-severity", 2, 0.0, 0), "lead");
    }

    private static Checkbox option(String id) {
        return _get(Checkbox.class, spec -> spec.withId(id));
    }

    @Test
    void cleanStructuredContent_isSavedForProject() {
        ProjectSummary project = newProject();
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);
        selectProject(project);
        assertThat(option("deid-clean-structured-content").getValue()).as("default").isFalse();

        _setValue(option("deid-clean-structured-content"), true);
        _click(_get(Button.class, spec -> spec.withId("deid-save")));

        assertThat(projects.deidentification(project.id()))
                .isEqualTo(new DeidentificationSettings(false, false, false, true));
        assertThat(_get(Span.class, spec -> spec.withId("deid-message")).getText())
                .startsWith("Saved.").contains("files imported from now on");
    }

    @Test
    void storedOptions_areShownWhenProjectIsSelected() {
        ProjectSummary project = newProject();
        projects.updateDeidentification(project.id(), new DeidentificationSettings(true, false, true, true), "lead");
        signIn("lead", Role.LEAD);
        UI.getCurrent().navigate(ProjectView.class);

        selectProject(project);

        assertThat(option("deid-retain-dates").getValue()).isTrue();
        assertThat(option("deid-retain-patient-characteristics").getValue()).isFalse();
        assertThat(option("deid-clean-descriptors").getValue()).isTrue();
        assertThat(option("deid-clean-structured-content").getValue()).isTrue();
    }
}
