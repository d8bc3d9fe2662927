package org.truthline.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProcessDeployerTest extends ProcessTestSupport {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void unchangedFiles_deployNoNewVersion() {
        long versions = repositoryService.createProcessDefinitionQuery().count();

        assertThat(deployer.deploy()).isNull();
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(versions);
    }

    @Test
    void startup_deployedProcessesDecisionAndForms() {
        for (String key : new String[] {"image-labeling", "expert-review", "adjudicate", "contributor-training"}) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                    .singleResult()).as(key).isNotNull();
        }
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("review-sampling")
                .latestVersion().singleResult()).isNotNull();
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().asc().list().get(0).getId();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId)).contains("annotate.form");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE event_type = 'PROCESS_DEPLOYED' "
                + "AND process_definition_key = 'image-labeling'")).isGreaterThanOrEqualTo(1);
    }
}
