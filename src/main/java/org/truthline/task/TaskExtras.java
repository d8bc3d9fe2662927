package org.truthline.task;

import java.util.List;
import java.util.Map;

/** The stage-specific part of {@link TaskDetails} that a {@link TaskCompletionHandler} supplies. */
public record TaskExtras(
        Map<String, Object> prefill,
        List<TaskDetails.ReaderAnswer> readerAnswers,
        TaskDetails.ReviewSummary review,
        TaskDetails.TrainingSummary training,
        String guidelines) {

    public static final TaskExtras NONE = new TaskExtras(Map.of(), List.of(), null, null, null);
}
