package org.truthline.intake;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.truthline.dicom.DeidentificationOptions;
import org.truthline.dicom.DeidentificationReport;
import org.truthline.dicom.DicomRejectedException;
import org.truthline.dicom.DicomToolkit;
import org.truthline.dicom.SearchAttributes;
import org.truthline.dicom.UidRemapper;
import org.truthline.project.DeidentificationSettings;
import org.truthline.project.ProjectService;

/**
 * A project's de-identification as intake applies it to every file it keeps, image or companion object: the
 * project's options and UID map, and how the result is recorded.
 */
@Component
class ProjectDeidentification {

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final DicomToolkit dicom;

    ProjectDeidentification(JdbcClient jdbc, ProjectService projects, DicomToolkit dicom) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.dicom = dicom;
    }

    /** Returns the project's UID remapper, so that references between its objects resolve in the copies. */
    UidRemapper remapper(long projectId) {
        return new ProjectUidRemapper(jdbc, projectId);
    }

    /** Builds the project's de-identification options, with the patient's date shift when dates are kept. */
    DeidentificationOptions options(long projectId, Path file) throws DicomRejectedException {
        DeidentificationSettings settings = projects.deidentification(projectId);
        int shift = 0;
        if (settings.retainLongitudinalTemporalInformationModifiedDates()) {
            String patientId = dicom.decodedText(file, "PatientID");
            shift = DateShift.days(projects.dateShiftSalt(projectId), patientId == null ? "" : patientId);
        }
        return new DeidentificationOptions(settings.retainLongitudinalTemporalInformationModifiedDates(), shift,
                settings.retainPatientCharacteristics(), settings.cleanDescriptors(),
                settings.cleanStructuredContent());
    }

    /** Returns the record of a de-identification that the audit log and the stored row keep. */
    static Map<String, Object> details(DeidentificationReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("profile", report.profile());
        details.put("options", report.options());
        details.put("attributesRemoved", report.attributesRemoved());
        details.put("attributesReplaced", report.attributesReplaced());
        details.put("privateAttributesRemoved", report.privateAttributesRemoved());
        details.put("uidsRemapped", report.uidsRemapped());
        return details;
    }

    /**
     * Returns the copy's search attribute values in the column order of V46: patient_name, patient_id,
     * patient_birth_date, patient_sex, study_date, study_time, accession_number, referring_physician_name,
     * study_id, study_description, series_number, series_date, series_time, series_description, instance_number.
     */
    static List<String> searchAttributeValues(SearchAttributes copy) {
        return Arrays.asList(copy.patientName(), copy.patientId(), copy.patientBirthDate(), copy.patientSex(),
                copy.studyDate(), copy.studyTime(), copy.accessionNumber(), copy.referringPhysicianName(),
                copy.studyId(), copy.studyDescription(), copy.seriesNumber(), copy.seriesDate(), copy.seriesTime(),
                copy.seriesDescription(), copy.instanceNumber());
    }
}
