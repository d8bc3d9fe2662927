package org.truthline.dicom;

/** A VOI window: centre and width in modality units (after rescale), with the file's explanation if any. */
public record WindowSetting(double center, double width, String explanation) {
}
