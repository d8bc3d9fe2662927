package org.truthline.project;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects for scripts and integrations. */
@RestController
@RequestMapping("/api/projects")
public class ProjectController {

    private final ProjectService projects;

    public ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "List projects")
    public List<ProjectSummary> list() {
        return projects.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get one project")
    public ProjectSummary get(@PathVariable long id) {
        return projects.get(id);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Count a project's images by lifecycle stage")
    @PreAuthorize("hasAnyRole('lead', 'expert', 'adjudicator', 'auditor', 'admin')")
    public ProjectProgress progress(@PathVariable long id) {
        return projects.progress(id);
    }

    @PutMapping("/{id}/sampling-plan")
    @Operation(summary = "Replace a project's sampling plan (lead, admin)")
    @PreAuthorize("hasAnyRole('lead', 'admin')")
    public ProjectSummary updateSamplingPlan(@PathVariable long id, @Valid @RequestBody SamplingPlan plan,
            Principal principal) {
        return projects.updateSamplingPlan(id, plan, principal.getName());
    }

    @GetMapping("/{id}/deidentification")
    @Operation(summary = "Get the project's de-identification options")
    @PreAuthorize("hasAnyRole('lead', 'admin', 'auditor')")
    public DeidentificationSettings deidentification(@PathVariable long id) {
        return projects.deidentification(id);
    }

    @PutMapping("/{id}/deidentification")
    @Operation(summary = "Replace the project's de-identification options for files imported from now on")
    @PreAuthorize("hasAnyRole('lead', 'admin')")
    public DeidentificationSettings updateDeidentification(@PathVariable long id,
            @Valid @RequestBody DeidentificationSettings settings, Principal principal) {
        return projects.updateDeidentification(id, settings, principal.getName());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a project (lead, admin)")
    @PreAuthorize("hasAnyRole('lead', 'admin')")
    public ProjectSummary create(@Valid @RequestBody NewProject request, Principal principal) {
        return projects.create(request, principal.getName());
    }
}
