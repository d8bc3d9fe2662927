package org.truthline.dicomweb;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truthline.intake.ImportJob;

/** Pulling studies from a project's PACS over DICOMweb, and the PACS URL itself, for leads and admins. */
@RestController
@RequestMapping("/api/projects/{projectId}")
@PreAuthorize("hasAnyRole('lead', 'admin')")
public class DicomwebPullController {

    private static final Logger log = LoggerFactory.getLogger(DicomwebPullController.class);

    private final DicomwebPullService pulls;
    private final ProjectDicomwebUrls urls;

    public DicomwebPullController(DicomwebPullService pulls, ProjectDicomwebUrls urls) {
        this.pulls = pulls;
        this.urls = urls;
    }

    /** A project's DICOMweb base URL; null when it has none. */
    public record DicomwebUrl(String dicomwebUrl) {
    }

    @PostMapping("/dicomweb-pulls")
    @Operation(summary = "Pull studies from the project's PACS over DICOMweb and import them",
            description = "Body: studyInstanceUid, or patientId and/or studyDate (YYYYMMDD or YYYYMMDD-YYYYMMDD) "
                    + "for a QIDO-RS search. Returns 202 with the import job once the instances are downloaded; "
                    + "poll GET /api/imports/{id}.")
    public ResponseEntity<ImportJob> pull(@PathVariable long projectId, @RequestBody PullRequest request,
            Principal principal) {
        ImportJob job = pulls.pull(projectId, request, principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id())).body(job);
    }

    @GetMapping("/dicomweb-url")
    @Operation(summary = "Get the DICOMweb base URL of the project's PACS")
    public DicomwebUrl getUrl(@PathVariable long projectId) {
        return new DicomwebUrl(urls.get(projectId).orElse(null));
    }

    @PutMapping("/dicomweb-url")
    @Operation(summary = "Set or clear (null) the DICOMweb base URL of the project's PACS")
    public DicomwebUrl putUrl(@PathVariable long projectId, @RequestBody DicomwebUrl request) {
        urls.assign(projectId, request.dicomwebUrl());
        return getUrl(projectId);
    }

    @ExceptionHandler(DicomwebPullException.class)
    ResponseEntity<Map<String, Object>> pacsFailed(DicomwebPullException e) {
        log.warn("DICOMweb pull failed: {}", e.getMessage(), e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_GATEWAY.value());
        body.put("error", e.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
    }
}
