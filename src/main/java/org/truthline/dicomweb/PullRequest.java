package org.truthline.dicomweb;

/**
 * Request to pull studies from a project's PACS: one study by its StudyInstanceUID, or every study a QIDO-RS search finds
 * with the given PatientID and/or StudyDate (a date {@code YYYYMMDD} or a range {@code YYYYMMDD-YYYYMMDD}).
 */
public record PullRequest(String studyInstanceUid, String patientId, String studyDate) {

    public static PullRequest study(String studyInstanceUid) {
        return new PullRequest(studyInstanceUid, null, null);
    }
}
