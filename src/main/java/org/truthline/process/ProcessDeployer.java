package org.truthline.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.truthline.audit.AuditEntry;
import org.truthline.audit.AuditEventType;
import org.truthline.audit.AuditLog;

/**
 * Deploys the BPMN and DMN files of the processes folder, and the Camunda Forms of the forms folder, as one
 * deployment named {@value #DEPLOYMENT_NAME} once all beans exist. Duplicate filtering deploys only the files
 * that changed since the last deployment of that name: an edit saved in Camunda Modeler becomes a new version
 * on restart, and running instances keep the version they started with.
 */
@Component
public class ProcessDeployer implements SmartInitializingSingleton {

    public static final String DEPLOYMENT_NAME = "truthline-processes";

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final Set<String> PROCESS_SUFFIXES = Set.of(".bpmn", ".dmn");

    private final RepositoryService repositoryService;
    private final AuditLog auditLog;
    private final Path processesDir;
    private final Path formsDir;

    public ProcessDeployer(RepositoryService repositoryService, AuditLog auditLog,
            @Value("${truthline.processes-dir:./processes}") Path processesDir,
            @Value("${truthline.forms-dir:./forms}") Path formsDir) {
        this.repositoryService = repositoryService;
        this.auditLog = auditLog;
        this.processesDir = processesDir;
        this.formsDir = formsDir;
    }

    @Override
    public void afterSingletonsInstantiated() {
        deploy();
    }

    /**
     * Deploys changed files and records one PROCESS_DEPLOYED audit event per new definition version.
     *
     * @return the new deployment, or null when no file changed
     */
    public Deployment deploy() {
        List<Path> files = new ArrayList<>(list(processesDir, PROCESS_SUFFIXES));
        if (files.isEmpty()) {
            throw new IllegalStateException("No *.bpmn or *.dmn file in " + processesDir.toAbsolutePath()
                    + "; set truthline.processes-dir to the folder with the Truthline processes.");
        }
        files.addAll(list(formsDir, Set.of(".form")));

        Set<String> knownDeployments = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .list().stream().map(Deployment::getId).collect(Collectors.toSet());
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("truthline")
                .enableDuplicateFiltering(true);
        for (Path file : files) {
            try {
                builder.addString(file.getFileName().toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
            }
        }
        Deployment deployment = builder.deploy();
        if (knownDeployments.contains(deployment.getId())) {
            log.info("Processes unchanged: {} files match deployment {}", files.size(), deployment.getId());
            return null;
        }
        recordDeployed(deployment);
        return deployment;
    }

    private void recordDeployed(Deployment deployment) {
        List<ProcessDefinitionRef> definitions = new ArrayList<>();
        repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()
                .forEach(d -> definitions.add(new ProcessDefinitionRef(d.getKey(), d.getVersion())));
        repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list()
                .forEach(d -> definitions.add(new ProcessDefinitionRef(d.getKey(), d.getVersion())));
        List<String> resources = repositoryService.getDeploymentResourceNames(deployment.getId());
        for (ProcessDefinitionRef definition : definitions) {
            auditLog.append(new AuditEntry("system", AuditEventType.PROCESS_DEPLOYED, null, null, null,
                    definition.key(), definition.version(),
                    Map.of("deploymentId", deployment.getId(), "resources", resources)));
        }
        log.info("Deployed {} as {}: {}", DEPLOYMENT_NAME, deployment.getId(), definitions);
    }

    private static List<Path> list(Path dir, Set<String> suffixes) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> suffixes.stream().anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir.toAbsolutePath(), e);
        }
    }
}
