package org.truthline.project;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A project's sampling settings, read when an image's readers are compared, so a change applies to images
 * whose annotations complete after it.
 *
 * @param reviewRate share of agreeing items from experienced contributors sent to expert review, 0 to 1
 * @param minReviewedItems a contributor with fewer reviewed items than this is always reviewed
 * @param readersPerImage number of contributors who annotate each image independently
 */
public record SamplingPlan(
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double reviewRate,
        @NotNull @Min(0) Integer minReviewedItems,
        @NotNull @Min(1) @Max(5) Integer readersPerImage) {
}
