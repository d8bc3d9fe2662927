package org.truthline.dicomweb;

import java.nio.file.Path;
import org.truthline.dicom.SearchAttributes;

/**
 * One de-identified image or companion object as DICOMweb serves it; every UID is the remapped one.
 *
 * @param id the id of the image row, or of the companion_object row when {@code companion} is true
 * @param companion true for a companion object (SR, presentation state, segmentation) stored with the study's images
 * @param frames Number of Frames, or null for an object without Pixel Data
 * @param attributes the copy's values that searches return, all null for images imported before they were stored
 */
record DicomwebInstance(
        long id,
        boolean companion,
        long projectId,
        String studyInstanceUid,
        String seriesInstanceUid,
        String sopInstanceUid,
        String sopClassUid,
        String modality,
        Integer rows,
        Integer columns,
        Integer frames,
        Integer bitsAllocated,
        String transferSyntaxUid,
        Path deidentifiedFile,
        SearchAttributes attributes) {

    /** Names the stored object for logs and messages, such as "image 12" or "companion object 3". */
    String describe() {
        return (companion ? "companion object " : "image ") + id;
    }
}
