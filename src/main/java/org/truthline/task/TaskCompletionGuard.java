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
import org.springframework.stereotype.Component;

/**
 * Rejects the completion of a user task by a signed-in user unless it comes through {@link TaskInbox}, which
 * validates the form and stores the annotation, review or adjudication first. Without this, completing a task
 * in Camunda Tasklist or through {@code /engine-rest} would move the process on with no domain record behind it.
 * Completions without an engine user (process tests, engine-internal steps) pass.
 */
@Component
class TaskCompletionGuard extends AbstractProcessEnginePlugin {

    /** Set on the thread only while {@link TaskInboxService} completes a task; remote callers cannot set it. */
    private static final ThreadLocal<Boolean> SUBMITTING = ThreadLocal.withInitial(() -> false);

    /** Runs a task completion that Truthline validated and recorded. */
    static void submit(Runnable completion) {
        SUBMITTING.set(true);
        try {
            completion.run();
        } finally {
            SUBMITTING.remove();
        }
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
        if (!SUBMITTING.get()) {
            throw new BadUserRequestException("Task " + task.getId() + " (" + task.getName() + ") can only be "
                    + "completed in Truthline, which records the answer with it: use the Truthline inbox or "
                    + "POST /api/tasks/" + task.getId() + "/complete.");
        }
    };
}
