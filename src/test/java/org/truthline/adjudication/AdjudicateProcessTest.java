package org.truthline.adjudication;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.process.ProcessTestSupport;
import org.truthline.process.ProcessVariables;

/** The single path of adjudicate, started on its own. */
class AdjudicateProcessTest extends ProcessTestSupport {

    @Autowired
    RuntimeService runtimeService;

    @Test
    void adjudicationSubmitted_ends() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_ADJUDICATE,
                Map.of(ProcessVariables.PROJECT_ID, 1L, ProcessVariables.IMAGE_ID, 1L,
                        ProcessVariables.LABELING_INSTANCE_ID, "none"));

        assertThat(instance).isWaitingAt("Task_AdjudicateLabel");
        assertThat(task()).hasCandidateGroup("adjudicator").isNotAssigned();
        complete(task());

        assertThat(instance).isEnded().hasPassed("Event_LabelAdjudicated");
    }
}
