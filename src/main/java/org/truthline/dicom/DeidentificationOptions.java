package org.truthline.dicom;

/**
 * Options of the PS3.15 Annex E profile that a project may choose. {@link #BASIC} is the Basic Application Level
 * Confidentiality Profile alone.
 *
 * @param retainLongitudinalTemporalInformationModifiedDates shift dates by {@code dateShiftDays} instead of removing them
 * @param dateShiftDays days added to every date when modified dates are retained (negative moves dates back)
 * @param cleanStructuredContent keep SR content trees and other content item sequences, cleaned by
 *     {@link StructuredContent}, instead of removing them
 */
public record DeidentificationOptions(
        boolean retainLongitudinalTemporalInformationModifiedDates,
        int dateShiftDays,
        boolean retainPatientCharacteristics,
        boolean cleanDescriptors,
        boolean cleanStructuredContent) {

    public static final DeidentificationOptions BASIC = new DeidentificationOptions(false, 0, false, false, false);
}
