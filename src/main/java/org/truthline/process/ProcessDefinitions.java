package org.truthline.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * Resolves definition ids to key and version. Definitions never change once deployed, so results are cached.
 * Look-ups run without the user's authentication because the caller already decided the user may see the task.
 */
@Service
public class ProcessDefinitions {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Map<String, ProcessDefinitionRef> cache = new ConcurrentHashMap<>();

    public ProcessDefinitions(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    public ProcessDefinitionRef process(String processDefinitionId) {
        return cache.computeIfAbsent(processDefinitionId, id -> EngineAuthentication.asSystem(identityService, () -> {
            ProcessDefinition definition = repositoryService.getProcessDefinition(id);
            return new ProcessDefinitionRef(definition.getKey(), definition.getVersion());
        }));
    }

    public ProcessDefinitionRef decision(String decisionDefinitionId) {
        return cache.computeIfAbsent("decision:" + decisionDefinitionId,
                id -> EngineAuthentication.asSystem(identityService, () -> {
                    DecisionDefinition definition = repositoryService.getDecisionDefinition(decisionDefinitionId);
                    return new ProcessDefinitionRef(definition.getKey(), definition.getVersion());
                }));
    }
}
