package org.truthline.process;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the process variables shared by the BPMN files, the delegates, the task handlers and the tests, with
 * typed accessors. Variables hold ids and small decisions only; annotations, reviews and images live in tables.
 * Lists are stored as comma-separated strings because the engine here has no JSON or Java object serialization.
 */
public final class ProcessVariables {

    public static final String PROCESS_IMAGE_LABELING = "image-labeling";
    public static final String PROCESS_EXPERT_REVIEW = "expert-review";
    public static final String PROCESS_ADJUDICATE = "adjudicate";
    public static final String PROCESS_CONTRIBUTOR_TRAINING = "contributor-training";
    public static final String DECISION_REVIEW_SAMPLING = "review-sampling";

    /** Long: the project the image or training belongs to. */
    public static final String PROJECT_ID = "projectId";
    /** Long: the image being labelled. */
    public static final String IMAGE_ID = "imageId";
    /** String: id of the image-labeling instance, passed to the called review and adjudication processes. */
    public static final String LABELING_INSTANCE_ID = "labelingInstanceId";
    /** String: ISO-8601 duration an annotate task may stay open before its reader is replaced. */
    public static final String ANNOTATE_SLA = "annotateSla";
    /** String: ISO-8601 duration to wait before retrying when too few certified readers exist. */
    public static final String READER_RETRY_WAIT = "readerRetryWait";
    /** String: comma-separated user ids of the readers, the collection of the annotate multi-instance. */
    public static final String READERS = "readers";
    /** String: one reader's user id, the element variable of the annotate multi-instance. */
    public static final String READER = "reader";
    /** Boolean: all readers gave the same grade. */
    public static final String READERS_AGREE = "readersAgree";
    /** Integer: the smallest number of reviewed items among this image's readers in the project. */
    public static final String REVIEWED_ITEMS = "reviewedItems";
    /** Integer: reviewed items a contributor needs before random sampling alone decides. */
    public static final String MIN_REVIEWED_ITEMS = "minReviewedItems";
    /** Double: uniform random number in [0, 1) drawn for the random review sample. */
    public static final String RANDOM_DRAW = "randomDraw";
    /** Double: share of agreeing images sent to review at random. */
    public static final String REVIEW_RATE = "reviewRate";
    /** Boolean: output of the review-sampling decision. */
    public static final String REVIEW_NEEDED = "reviewNeeded";
    /** String: name of the review-sampling rule that matched. */
    public static final String SAMPLING_RULE = "samplingRule";
    /** String: ACCEPT, CORRECT or REJECT, returned by expert-review. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    /** String: user id of the contributor in training. */
    public static final String CONTRIBUTOR = "contributor";
    /** Integer: training attempt, starting at 1. */
    public static final String ATTEMPT = "attempt";
    /** Integer: attempts allowed before the contributor is not certified. */
    public static final String MAX_ATTEMPTS = "maxAttempts";
    /** Double: share of correct qualification answers needed to pass. */
    public static final String PASS_SCORE = "passScore";
    /** String: comma-separated gold_case ids, the collection of the qualification multi-instance. */
    public static final String QUALIFICATION_CASE_IDS = "qualificationCaseIds";
    /** String: one gold_case id, the element variable of the qualification multi-instance. */
    public static final String GOLD_CASE_ID = "goldCaseId";
    /** Double: share of correct answers in the latest attempt. */
    public static final String SCORE = "score";
    /** Boolean: the latest score reached the pass score. */
    public static final String PASSED = "passed";
    /** String: CERTIFY, RETRAIN or NOT_CERTIFIED, the expert's decision. */
    public static final String CERTIFICATION_DECISION = "certificationDecision";
    /** String: user id of the expert who decided on certification. */
    public static final String CERTIFICATION_DECIDED_BY = "certificationDecidedBy";

    private ProcessVariables() {
    }

    public static long projectId(VariableScope scope) {
        return requireLong(scope, PROJECT_ID);
    }

    public static long imageId(VariableScope scope) {
        return requireLong(scope, IMAGE_ID);
    }

    public static String contributor(VariableScope scope) {
        return requireString(scope, CONTRIBUTOR);
    }

    public static int attempt(VariableScope scope) {
        return (int) requireLong(scope, ATTEMPT);
    }

    public static int maxAttempts(VariableScope scope) {
        return (int) requireLong(scope, MAX_ATTEMPTS);
    }

    public static double passScore(VariableScope scope) {
        return require(scope, PASS_SCORE, Number.class).doubleValue();
    }

    public static List<String> readers(VariableScope scope) {
        return split(requireString(scope, READERS));
    }

    public static boolean readersAgree(VariableScope scope) {
        return require(scope, READERS_AGREE, Boolean.class);
    }

    public static boolean reviewNeeded(VariableScope scope) {
        return require(scope, REVIEW_NEEDED, Boolean.class);
    }

    public static String samplingRule(VariableScope scope) {
        return requireString(scope, SAMPLING_RULE);
    }

    public static String labelingInstanceId(VariableScope scope) {
        return requireString(scope, LABELING_INSTANCE_ID);
    }

    public static List<Long> qualificationCaseIds(VariableScope scope) {
        return split(requireString(scope, QUALIFICATION_CASE_IDS)).stream().map(Long::valueOf).toList();
    }

    public static String certificationDecision(VariableScope scope) {
        return requireString(scope, CERTIFICATION_DECISION);
    }

    /** Joins values into the comma-separated form used for list variables. */
    public static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Splits a comma-separated list variable; blank input gives an empty list. */
    public static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long requireLong(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.parseLong(text.strip());
        }
        throw missing(name, value);
    }

    private static String requireString(VariableScope scope, String name) {
        return require(scope, name, String.class);
    }

    private static <T> T require(VariableScope scope, String name, Class<T> type) {
        Object value = scope.getVariable(name);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw missing(name, value);
    }

    private static IllegalStateException missing(String name, Object value) {
        return new IllegalStateException("Process variable '" + name + "' is missing or has the wrong type: "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
}
