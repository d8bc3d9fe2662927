package org.truthline.dicom;

/**
 * Values of a de-identified copy that DICOMweb searches (QIDO-RS) return and match on, decoded with the copy's
 * Specific Character Set. A value is null when the copy lacks the attribute or the attribute is empty.
 *
 * <p>Only {@link DicomToolkit#deidentify} builds these, from the copy it wrote, because for an original the
 * patient attributes would be the real name and ID. In a copy they are the pseudonym or empty, dates are shifted
 * or empty, and descriptions are present only with the {@code cleanDescriptors} option.
 */
public record SearchAttributes(
        String patientName,
        String patientId,
        String patientBirthDate,
        String patientSex,
        String studyDate,
        String studyTime,
        String accessionNumber,
        String referringPhysicianName,
        String studyId,
        String studyDescription,
        String seriesNumber,
        String seriesDate,
        String seriesTime,
        String seriesDescription,
        String instanceNumber) {
}
