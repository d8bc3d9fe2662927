package org.truthline.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports of server-side folders and the quarantine, for leads and admins. */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('lead', 'admin')")
public class ImportController {

    private final ImportService imports;

    public ImportController(ImportService imports) {
        this.imports = imports;
    }

    /** Body of an import request: an absolute path on the Truthline server. */
    public record ImportRequest(@NotBlank String path) {
    }

    /** An import's progress with the result of each file processed so far. */
    public record ImportView(long id, long projectId, String source, String status, int totalFiles,
            int processedFiles, int importedFiles, int quarantinedFiles, int duplicateFiles, int companionFiles,
            String error, java.time.OffsetDateTime startedAt, java.time.OffsetDateTime finishedAt,
            List<ImportFileResult> files) {

        ImportView(ImportJob job, List<ImportFileResult> files) {
            this(job.id(), job.projectId(), job.source(), job.status(), job.totalFiles(), job.processedFiles(),
                    job.importedFiles(), job.quarantinedFiles(), job.duplicateFiles(), job.companionFiles(),
                    job.error(), job.startedAt(), job.finishedAt(), files);
        }
    }

    @PostMapping("/projects/{projectId}/imports")
    @Operation(summary = "Import a server-side folder (recursively, DICOMDIR-aware) into a project",
            description = "Returns 202 at once; poll GET /api/imports/{id} until status is COMPLETED or FAILED.")
    public ResponseEntity<ImportView> start(@PathVariable long projectId, @Valid @RequestBody ImportRequest request,
            Principal principal) {
        ImportJob job = imports.start(projectId, Path.of(request.path().strip()), principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id()))
                .body(new ImportView(job, List.of()));
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "Get an import's status and the result of each file")
    public ImportView get(@PathVariable long importId) {
        return new ImportView(imports.get(importId), imports.files(importId));
    }

    @GetMapping("/projects/{projectId}/imports")
    @Operation(summary = "List a project's recent imports")
    public List<ImportJob> recent(@PathVariable long projectId) {
        return imports.recent(projectId);
    }

    @GetMapping("/projects/{projectId}/quarantine")
    @Operation(summary = "List a project's quarantined files with their reasons")
    public List<QuarantineEntry> quarantine(@PathVariable long projectId) {
        return imports.quarantine(projectId);
    }
}
