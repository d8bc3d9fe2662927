package org.truthline.dicom;

import com.pixelmed.dicom.SOPClassDescriptions;

/**
 * The category of a DICOM object that decides what intake does with it: by SOP Class UID first and, for classes
 * this rule does not name, by whether the object has Pixel Data.
 *
 * <p>Companion objects are the non-image objects of a study that a viewer shows with its images: every SR
 * Storage SOP Class under {@value #STRUCTURED_REPORT_ROOT} (Key Object Selection Document 88.59 and Comprehensive
 * 3D SR 88.34 included), every presentation state under {@value #PRESENTATION_STATE_ROOT}, and Segmentation
 * ({@value #SEGMENTATION}). A Segmentation has Pixel Data, but its pixels are a mask, not an image to label.
 * Encapsulated documents (PDF, CDA, STL, ...) carry content that header de-identification cannot reach, so they
 * get their own kind. Any other object without Pixel Data, such as Raw Data, Surface Segmentation or an RT Plan,
 * is {@link #UNSUPPORTED_NON_IMAGE}.
 */
public enum ObjectKind {

    /** An object with Pixel Data that is not a companion object: an item to label. */
    IMAGE,
    /** A structured report, key object selection, presentation state or segmentation. */
    COMPANION,
    /** An Encapsulated Document Storage object, whose document content cannot be de-identified. */
    ENCAPSULATED_DOCUMENT,
    /** An object without Pixel Data that matches no other kind. */
    UNSUPPORTED_NON_IMAGE;

    /** The SR Storage SOP Classes, Key Object Selection Document among them, start with this UID. */
    public static final String STRUCTURED_REPORT_ROOT = "1.2.840.10008.5.1.4.1.1.88.";
    /** The Presentation State Storage SOP Classes start with this UID. */
    public static final String PRESENTATION_STATE_ROOT = "1.2.840.10008.5.1.4.1.1.11.";
    /** The Segmentation Storage SOP Class. */
    public static final String SEGMENTATION = "1.2.840.10008.5.1.4.1.1.66.4";

    /** The companion object classes in words, for messages that tell a user what intake keeps. */
    public static final String COMPANION_CLASSES = "structured reports and key object selections ("
            + STRUCTURED_REPORT_ROOT + "*), presentation states (" + PRESENTATION_STATE_ROOT + "*) and "
            + "segmentations (" + SEGMENTATION + ")";

    /** Returns the kind of the object that {@code summary} describes. */
    public static ObjectKind of(DicomSummary summary) {
        String sopClass = summary.sopClassUid() == null ? "" : summary.sopClassUid().trim();
        if (sopClass.startsWith(STRUCTURED_REPORT_ROOT) || sopClass.startsWith(PRESENTATION_STATE_ROOT)
                || sopClass.equals(SEGMENTATION)) {
            return COMPANION;
        }
        if (sopClass.startsWith(DicomToolkit.ENCAPSULATED_DOCUMENT_SOP_CLASS_ROOT)) {
            return ENCAPSULATED_DOCUMENT;
        }
        return summary.hasPixelData() ? IMAGE : UNSUPPORTED_NON_IMAGE;
    }

    /**
     * Returns the name of a SOP Class with its UID, such as "Encapsulated PDF Storage, 1.2.840.10008.5.1.4.1.1.104.1",
     * or the UID alone when PixelMed's dictionary does not name it. A missing UID is returned as "no SOP Class UID".
     */
    public static String describeSopClass(String sopClassUid) {
        if (sopClassUid == null || sopClassUid.isBlank()) {
            return "no SOP Class UID";
        }
        String uid = sopClassUid.trim();
        String name = SOPClassDescriptions.getDescriptionFromUID(uid);
        return name == null || name.isBlank() ? uid : name + ", " + uid;
    }
}
