package org.truthline.project;

/** No project has this id. Maps to HTTP 404. */
public class ProjectNotFoundException extends RuntimeException {
    public ProjectNotFoundException(long id) {
        super("Project " + id + " not found; GET /api/projects lists the existing projects.");
    }
}
