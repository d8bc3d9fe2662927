package org.truthline.dicomweb;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Paths and absolute URLs of DICOMweb resources, built from the remapped UIDs of the current request's server. */
final class DicomwebLinks {

    private DicomwebLinks() {
    }

    static String studyPath(String study) {
        return "/dicomweb/studies/" + study;
    }

    static String seriesPath(String study, String series) {
        return studyPath(study) + "/series/" + series;
    }

    static String instancePath(DicomwebInstance instance) {
        return seriesPath(instance.studyInstanceUid(), instance.seriesInstanceUid()) + "/instances/"
                + instance.sopInstanceUid();
    }

    /** Returns the path of a bulk data value; see {@link org.truthline.dicom.DicomToolkit#readAttributes}. */
    static String bulkDataPath(DicomwebInstance instance, String bulkDataPath) {
        return instancePath(instance) + "/bulkdata/" + bulkDataPath;
    }

    static String framePath(DicomwebInstance instance, int frameNumber) {
        return instancePath(instance) + "/frames/" + frameNumber;
    }

    /** Returns the absolute URL of a path on this server, as the client addressed it. */
    static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }
}
