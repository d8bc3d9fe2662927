package org.truthline.intake.scp;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The AE title through which a project receives C-STORE associations, for leads and admins. */
@RestController
@RequestMapping("/api/projects/{projectId}/ae-title")
@PreAuthorize("hasAnyRole('lead', 'admin')")
public class ProjectAeTitleController {

    private final ProjectAeTitles aeTitles;

    public ProjectAeTitleController(ProjectAeTitles aeTitles) {
        this.aeTitles = aeTitles;
    }

    /** A project's AE title; null when it has none. */
    public record AeTitle(String aeTitle) {
    }

    @GetMapping
    @Operation(summary = "Get the AE title that routes C-STORE associations to a project")
    public AeTitle get(@PathVariable long projectId) {
        return new AeTitle(aeTitles.get(projectId).orElse(null));
    }

    @PutMapping
    @Operation(summary = "Set or clear (null) the AE title that routes C-STORE associations to a project")
    public AeTitle put(@PathVariable long projectId, @RequestBody AeTitle request) {
        aeTitles.assign(projectId, request.aeTitle());
        return get(projectId);
    }
}
