package org.truthline.task;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.springframework.stereotype.Component;

/**
 * Rejects the completion of a user task by a signed-in user unless it comes through {@link TaskInbox}, which
 * validates the form and stores the annotation, review or adjudication first. Without this, completing a task
 * in Camunda Tasklist or through {@code /engine-rest} would move the process on with no domain record behind it.
 * Completions without an engine user (process tests, engine-internal steps) pass.
 */
@Component
class TaskCompletionGuard extends AbstractProcessEnginePlugin {

    /** Transient variable that {@link TaskInboxService} passes with every completion. */
    static final String SUBMITTED_THROUGH_TRUTHLINE = "truthlineSubmission";

    static BooleanValue marker() {
        return Variables.booleanValue(true, true);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, GUARD);
                }
            }
        });
    }

    private static final TaskListener GUARD = (DelegateTask task) -> {
        Authentication user = Context.getCommandContext().getAuthentication();
        if (user == null || user.getUserId() == null) {
            return;
        }
        if (!Boolean.TRUE.equals(task.getVariable(SUBMITTED_THROUGH_TRUTHLINE))) {
            throw new BadUserRequestException("Task " + task.getId() + " (" + task.getName() + ") can only be "
                    + "completed in Truthline, which records the answer with it: use the Truthline inbox or "
                    + "POST /api/tasks/" + task.getId() + "/complete.");
        }
    };
}
