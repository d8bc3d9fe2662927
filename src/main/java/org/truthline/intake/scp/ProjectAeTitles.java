package org.truthline.intake.scp;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.truthline.project.ProjectService;
import org.truthline.project.ProjectSummary;

/**
 * The AE titles that route C-STORE associations to projects ({@code project.ae_title}) and the routing rule:
 *
 * <ol>
 *   <li>a called AE title equal to a project's AE title goes to that project;
 *   <li>otherwise Truthline's own AE title ({@code truthline.scp.ae-title}) goes to the project named by
 *       {@code truthline.scp.default-project}, when that is set and exists;
 *   <li>anything else has no project, and the receiver rejects the association.
 * </ol>
 */
@Service
public class ProjectAeTitles {

    static final int MAX_AE_TITLE_LENGTH = 16;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ScpProperties properties;

    public ProjectAeTitles(JdbcClient jdbc, ProjectService projects, ScpProperties properties) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.properties = properties;
    }

    /** Returns the id of the project that receives associations called with this AE title, if any. */
    public Optional<Long> route(String calledAeTitle) {
        String title = calledAeTitle == null ? "" : calledAeTitle.strip();
        Optional<Long> own = jdbc.sql("SELECT id FROM project WHERE ae_title = ?").param(title).query(Long.class)
                .optional();
        if (own.isPresent()) {
            return own;
        }
        String defaultProject = properties.defaultProject();
        if (title.equals(properties.aeTitle().strip()) && defaultProject != null && !defaultProject.isBlank()) {
            return projects.findByName(defaultProject.strip()).map(ProjectSummary::id);
        }
        return Optional.empty();
    }

    public Optional<String> get(long projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT ae_title FROM project WHERE id = ?").param(projectId).query(String.class).optional();
    }

    /**
     * Sets or, with a null or blank value, clears the project's AE title.
     *
     * @throws IllegalArgumentException when the title is not a valid AE title or another project uses it
     */
    @Transactional
    public void assign(long projectId, String aeTitle) {
        projects.get(projectId);
        String title = aeTitle == null || aeTitle.isBlank() ? null : aeTitle.strip();
        if (title != null) {
            validate(title);
        }
        try {
            jdbc.sql("UPDATE project SET ae_title = ? WHERE id = ?").params(title, projectId).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("AE title '" + title + "' is already used by another project; "
                    + "choose another one.", e);
        }
    }

    /** Checks the AE value representation (PS3.5 6.2): at most 16 characters, no backslash, no control characters. */
    static void validate(String title) {
        if (title.length() > MAX_AE_TITLE_LENGTH) {
            throw new IllegalArgumentException("AE title '" + title + "' is " + title.length()
                    + " characters long; DICOM allows at most " + MAX_AE_TITLE_LENGTH + ".");
        }
        for (char c : title.toCharArray()) {
            if (c == '\\' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("AE title '" + title + "' contains an invalid character; use "
                        + "printable ASCII without backslash.");
            }
        }
    }
}
