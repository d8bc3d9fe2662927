package org.truthline.project;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A request to create a project.
 *
 * @param taxonomyKey the file name (without {@code .json}) of a taxonomy in the taxonomies folder
 * @param reviewRate share of agreeing, experienced items sent to expert review at random, 0 to 1
 * @param minReviewedItems a contributor with fewer reviewed items than this always gets reviewed
 */
public record NewProject(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotBlank String taxonomyKey,
        @Min(1) @Max(5) Integer readersPerImage,
        @DecimalMin("0.0") @DecimalMax("1.0") Double reviewRate,
        @Min(0) Integer minReviewedItems) {
}
