package org.truthline.task;

import java.util.Arrays;
import java.util.Optional;

/** The user tasks Truthline knows, keyed by their BPMN element id (the task definition key). */
public enum TaskKind {
    ANNOTATE("Task_AnnotateImage", "annotate"),
    REVIEW("Task_ReviewAnnotation", "review"),
    ADJUDICATE("Task_AdjudicateLabel", "adjudicate"),
    STUDY_GUIDELINES("Task_StudyGuidelines", "study-guidelines"),
    QUALIFICATION_CASE("Task_AnnotateQualificationCase", "qualification-case"),
    CONFIRM_CERTIFICATION("Task_ConfirmCertification", "confirm-certification");

    private final String taskDefinitionKey;
    private final String formId;

    TaskKind(String taskDefinitionKey, String formId) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.formId = formId;
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    /** Default form id; the BPMN's {@code camunda:formRef} is authoritative at run time. */
    public String formId() {
        return formId;
    }

    public static Optional<TaskKind> fromTaskDefinitionKey(String key) {
        return Arrays.stream(values()).filter(k -> k.taskDefinitionKey.equals(key)).findFirst();
    }
}
