package org.truthline.annotation;

import java.time.OffsetDateTime;

/** One reader's stored annotation of an image. */
public record Annotation(long id, long imageId, String processInstanceId, String taskId, String contributor,
        int grade, String quality, String comment, int version, OffsetDateTime createdAt) {
}
