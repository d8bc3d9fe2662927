package org.truthline.labeling;

import java.time.OffsetDateTime;

/**
 * A finalized label as the label API lists it.
 *
 * @param source ADJUDICATION, REVIEW (an expert's correction) or CONSENSUS (the agreeing readers)
 */
public record FinalLabel(long id, long projectId, long imageId, int grade, String quality, String source,
        OffsetDateTime finalizedAt) {

    public static final String ADJUDICATION = "ADJUDICATION";
    public static final String REVIEW = "REVIEW";
    public static final String CONSENSUS = "CONSENSUS";
}
