package org.truthline.training;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Gold-standard cases and training enrolment, for leads and experts. */
@RestController
@RequestMapping("/api/projects/{projectId}")
@PreAuthorize("hasAnyRole('lead', 'expert', 'admin')")
class TrainingController {

    private final TrainingService training;

    TrainingController(TrainingService training) {
        this.training = training;
    }

    /** A gold-standard answer for one of the project's images. */
    record GoldCaseRequest(@NotNull Long imageId, @NotNull @Min(0) @Max(4) Integer grade, @NotBlank String quality) {
    }

    /** A contributor to enrol in the project's training. */
    record EnrolmentRequest(@NotBlank String contributor) {
    }

    @GetMapping("/gold-cases")
    @Operation(summary = "List the project's gold-standard cases")
    List<TrainingRepository.GoldCase> goldCases(@PathVariable long projectId) {
        return training.goldCases(projectId);
    }

    @PostMapping("/gold-cases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an image a gold-standard case with its reference answer")
    TrainingRepository.GoldCase addGoldCase(@PathVariable long projectId, @Valid @RequestBody GoldCaseRequest request,
            Principal principal) {
        return training.addGoldCase(projectId, request.imageId(), request.grade(), request.quality(),
                principal.getName());
    }

    @PostMapping("/training-enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a contributor in the project's training (contributor-training process)")
    Map<String, String> enrol(@PathVariable long projectId, @Valid @RequestBody EnrolmentRequest request,
            Principal principal) {
        try {
            return Map.of("processInstanceId", training.enrol(projectId, request.contributor(), principal.getName()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
