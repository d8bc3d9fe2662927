package org.truthline.training;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.labeling.ProjectSettingsRepository;
import org.truthline.task.TaskCompletionHandler;
import org.truthline.task.TaskContext;
import org.truthline.task.TaskExtras;
import org.truthline.task.TaskKind;

/** Completes {@code Task_StudyGuidelines} once the contributor acknowledged the taxonomy's guidelines. */
@Component
class StudyGuidelinesTaskHandler implements TaskCompletionHandler {

    private final ProjectSettingsRepository projects;

    StudyGuidelinesTaskHandler(ProjectSettingsRepository projects) {
        this.projects = projects;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.STUDY_GUIDELINES;
    }

    @Override
    public Set<String> fieldKeys() {
        return Set.of("acknowledged");
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        return Map.of();
    }

    @Override
    public TaskExtras describe(TaskContext task) {
        String guidelines = projects.require(task.projectId()).taxonomy().guidelines();
        return new TaskExtras(Map.of(), List.of(), null, null, guidelines);
    }
}
