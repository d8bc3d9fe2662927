package org.truthline.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * Truthline's one entry point to a DICOM toolkit, so the toolkit stays replaceable. The DICOM package knows
 * nothing of projects, processes or screens: intake calls it, never the reverse.
 *
 * <p>Every method checks the configured limits (file size, sequence depth, frame count, rows x columns x frames)
 * before allocating a pixel buffer, and reports unusable input as a {@link DicomRejectedException} whose
 * {@link QuarantineReason} names the problem.
 */
public interface DicomToolkit {

    /** Lists the DICOM files under a folder, recursively; when the folder has a DICOMDIR, the files it references. */
    List<Path> listFiles(Path folder);

    /** Reads the header and checks the limits, without decoding pixels. */
    DicomSummary read(Path file) throws DicomRejectedException;

    /**
     * Writes a de-identified copy of {@code source} to {@code target}: PS3.15 Annex E Basic Profile, every
     * sequence at every depth, private attributes removed, UIDs (File Meta included) replaced through
     * {@code uids}, PatientIdentityRemoved = YES and the De-identification Method Code Sequence added.
     */
    DeidentificationReport deidentify(Path source, Path target, UidRemapper uids, DeidentificationOptions options)
            throws DicomRejectedException;

    /**
     * Renders one frame (0-based) as an 8-bit PNG: modality LUT or rescale, then the given window or, when
     * {@code window} is null, the image's first window (or its VOI LUT, or the pixel range), MONOCHROME1
     * inverted, colour converted to RGB.
     */
    byte[] renderPng(Path file, int frame, WindowSetting window) throws DicomRejectedException;
}
