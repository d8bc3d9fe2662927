package org.truthline.dicom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits checked on every file before any pixel buffer is allocated ({@code truthline.intake.*}).
 *
 * @param maxFileBytes the largest file accepted, in bytes
 * @param maxSequenceDepth the deepest sequence nesting accepted (a top-level sequence has depth 1)
 * @param maxFrames the largest Number of Frames accepted
 * @param maxPixels the largest rows x columns x frames accepted
 */
@ConfigurationProperties("truthline.intake")
public record DicomLimits(long maxFileBytes, int maxSequenceDepth, int maxFrames, long maxPixels) {

    /** The values of config/application.yaml, for unit tests and tools that run without Spring. */
    public static final DicomLimits DEFAULTS = new DicomLimits(1L << 30, 16, 2000, 400_000_000L);

    public DicomLimits {
        if (maxFileBytes <= 0 || maxSequenceDepth <= 0 || maxFrames <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("truthline.intake limits must be positive, got max-file-bytes="
                    + maxFileBytes + ", max-sequence-depth=" + maxSequenceDepth + ", max-frames=" + maxFrames
                    + ", max-pixels=" + maxPixels);
        }
    }
}
