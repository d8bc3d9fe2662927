package org.truthline.project;

import jakarta.validation.constraints.NotNull;

/**
 * The PS3.15 Annex E options a project applies on top of the Basic Application Level Confidentiality Profile to
 * files imported from then on. Files already imported keep the options recorded with them.
 *
 * @param retainLongitudinalTemporalInformationModifiedDates shift every date by a per-patient number of days
 *     instead of removing it, so intervals between a patient's studies survive
 * @param cleanStructuredContent keep the content items of SR content trees, acquisition context and specimen
 *     preparation, with identifying values replaced and references remapped, instead of removing them. It is
 *     optional in requests (absent means false), so clients written before this option keep working.
 */
public record DeidentificationSettings(
        @NotNull Boolean retainLongitudinalTemporalInformationModifiedDates,
        @NotNull Boolean retainPatientCharacteristics,
        @NotNull Boolean cleanDescriptors,
        Boolean cleanStructuredContent) {

    public DeidentificationSettings {
        if (cleanStructuredContent == null) {
            cleanStructuredContent = false;
        }
    }
}
