package org.truthline.review;

/** An expert's stored review; grade and quality are set only for a CORRECT outcome. */
public record Review(long id, long imageId, String labelingInstanceId, String expert, String outcome,
        Integer grade, String quality, String reason) {

    public static final String ACCEPT = "ACCEPT";
    public static final String CORRECT = "CORRECT";
    public static final String REJECT = "REJECT";
}
