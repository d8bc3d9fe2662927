package org.truthline.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.awt.Rectangle;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The burned-in annotation review queue, for leads and admins. */
@RestController
@RequestMapping("/api")
@PreAuthorize("hasAnyRole('lead', 'admin')")
class BurnedInReviewController {

    private static final int MAX_DECISIONS = 1000;

    private final BurnedInReviewService reviews;

    BurnedInReviewController(BurnedInReviewService reviews) {
        this.reviews = reviews;
    }

    /** A rectangle in image pixels, origin at the top left. */
    record Box(@NotNull @Min(0) Integer x, @NotNull @Min(0) Integer y, @NotNull @Min(1) Integer width,
            @NotNull @Min(1) Integer height) {
    }

    /** CLEAR: the image carries no identifying text. MASK: blank the rectangles first. */
    record Decision(@NotNull @Pattern(regexp = "CLEAR|MASK", message = "must be CLEAR or MASK") String decision,
            List<@Valid Box> rectangles, String note) {
    }

    /**
     * A decision that clears the held images of a study, or of one of its series, with one note. The UIDs are
     * those of the de-identified copies.
     */
    record BulkClear(@NotBlank String studyInstanceUid, String seriesInstanceUid, String note) {
    }

    /** The reason for reopening a decision. */
    record Reopening(String note) {
    }

    @GetMapping("/projects/{projectId}/burned-in-queue")
    @Operation(summary = "List the project's images held for burned-in annotation review")
    List<HeldImage> queue(@PathVariable long projectId) {
        return reviews.pending(projectId);
    }

    @PostMapping("/images/{imageId}/burned-in-review")
    @Operation(summary = "Clear a held image or mask rectangles on it; labeling starts afterwards")
    ResponseEntity<Void> decide(@PathVariable long imageId, @Valid @RequestBody Decision decision,
            Principal principal) {
        if ("CLEAR".equals(decision.decision())) {
            reviews.clear(imageId, principal.getName(), decision.note());
        } else {
            List<Rectangle> rectangles = decision.rectangles() == null ? List.of() : decision.rectangles().stream()
                    .map(b -> new Rectangle(b.x(), b.y(), b.width(), b.height())).toList();
            reviews.mask(imageId, rectangles, principal.getName());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/projects/{projectId}/burned-in-decisions")
    @Operation(summary = "List the project's latest burned-in annotation decisions, newest first")
    List<DecidedImage> decisions(@PathVariable long projectId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_DECISIONS) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_DECISIONS + ", not " + limit + ".");
        }
        return reviews.decided(projectId, limit);
    }

    @PostMapping("/images/{imageId}/burned-in-review/reopen")
    @Operation(summary = "Put a cleared or masked image back on hold and withdraw its labeling",
            description = "Allowed until a contributor has been served the image or submitted work on it, and "
                    + "while the image is no gold-standard case; 409 otherwise.")
    ResponseEntity<Void> reopen(@PathVariable long imageId, @RequestBody Reopening reopening, Principal principal) {
        reviews.reopen(imageId, principal.getName(), reopening.note());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/projects/{projectId}/burned-in-queue/series")
    @Operation(summary = "List the series with held images and how many each has")
    List<HeldSeries> heldSeries(@PathVariable long projectId) {
        return reviews.heldSeries(projectId);
    }

    @PostMapping("/projects/{projectId}/burned-in-review/bulk-clear")
    @Operation(summary = "Clear every held image of a study or series in one decision",
            description = "Images whose original says BurnedInAnnotation YES stay held and are listed in "
                    + "needIndividualDecision; each of them needs its own decision.")
    BulkClearance bulkClear(@PathVariable long projectId, @Valid @RequestBody BulkClear request,
            Principal principal) {
        return reviews.clearAll(projectId, request.studyInstanceUid(), request.seriesInstanceUid(),
                principal.getName(), request.note());
    }
}
