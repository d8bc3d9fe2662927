package org.truthline.dicomweb;

import java.nio.file.Path;

/** One de-identified image as DICOMweb serves it; every UID is the remapped one. */
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
        String transferSyntaxUid,
        Path deidentifiedFile) {
}
