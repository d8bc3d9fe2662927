package org.truthline.review;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.process.ProcessTestSupport;
import org.truthline.process.ProcessVariables;

/** The single path of expert-review, started on its own. */
class ExpertReviewProcessTest extends ProcessTestSupport {

    @Autowired
    RuntimeService runtimeService;

    @Test
    void reviewSubmitted_returnsOutcome() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_EXPERT_REVIEW,
                Map.of(ProcessVariables.PROJECT_ID, 1L, ProcessVariables.IMAGE_ID, 1L,
                        ProcessVariables.LABELING_INSTANCE_ID, "none"));

        assertThat(instance).isWaitingAt("Task_ReviewAnnotation");
        assertThat(task()).hasCandidateGroup("expert").isNotAssigned();
        complete(task(), withVariables(ProcessVariables.REVIEW_OUTCOME, "ACCEPT"));

        assertThat(instance).isEnded().hasPassed("Event_ReviewRecorded")
                .variables().containsEntry(ProcessVariables.REVIEW_OUTCOME, "ACCEPT");
    }
}
