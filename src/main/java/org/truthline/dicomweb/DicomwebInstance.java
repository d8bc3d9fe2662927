package org.truthline.dicomweb;

import java.nio.file.Path;
import org.truthline.dicom.SearchAttributes;

/**
 * One de-identified image as DICOMweb serves it; every UID is the remapped one.
 *
 * @param attributes the copy's values that searches return, all null for images imported before they were stored
 */
record DicomwebInstance(
        long imageId,
        long projectId,
        String studyInstanceUid,
        String seriesInstanceUid,
        String sopInstanceUid,
        String sopClassUid,
        String modality,
        Integer rows,
        Integer columns,
        int frames,
        Integer bitsAllocated,
        String transferSyntaxUid,
        Path deidentifiedFile,
        SearchAttributes attributes) {
}
