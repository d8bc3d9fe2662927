package org.truthline.dicom;

/** Maps an original UID to its replacement; the same input returns the same output within one project. */
@FunctionalInterface
public interface UidRemapper {
    String remap(String originalUid);
}
