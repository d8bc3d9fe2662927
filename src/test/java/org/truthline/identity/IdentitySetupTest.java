package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class IdentitySetupTest extends DemoApplicationTestBase {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    UserDirectory userDirectory;

    @AfterEach
    void clearUsers() {
        SecurityContextHolder.clearContext();
        identityService.clearAuthentication();
    }

    @Test
    void everyRoleHasWorkflowGroup() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.id()).groupType(Groups.GROUP_TYPE_WORKFLOW)
                    .count()).as(role.id()).isEqualTo(1);
        }
    }

    @Test
    void adminUserIsCamundaAdmin() {
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(User::getId)
                .containsExactly("admin");
    }

    @Test
    void setupPluginsAreIdempotent() {
        Set<String> authorizations = setupAuthorizations();
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();

        new RoleAuthorizationsPlugin().postProcessEngineBuild(processEngine);
        new DemoUsersPlugin().postProcessEngineBuild(processEngine);

        assertThat(setupAuthorizations()).isEqualTo(authorizations);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    }

    /**
     * Describes every authorization except those on single tasks, which the demo's running processes create
     * while the test runs.
     */
    private Set<String> setupAuthorizations() {
        return authorizationService.createAuthorizationQuery().list().stream()
                .filter(a -> !isSingleTask(a))
                .map(a -> a.getAuthorizationType() + " " + a.getGroupId() + " " + a.getUserId() + " "
                        + a.getResourceType() + " " + a.getResourceId() + " "
                        + a.getPermissions(Permissions.values()).length)
                .collect(Collectors.toSet());
    }

    private static boolean isSingleTask(Authorization authorization) {
        boolean taskResource = authorization.getResourceType() == Resources.TASK.resourceType()
                || authorization.getResourceType() == Resources.HISTORIC_TASK.resourceType();
        return taskResource && !Authorization.ANY.equals(authorization.getResourceId());
    }

    @Test
    void webappAccessOnlyForLeadsAuditorsAdmins() {
        Map<Role, Set<String>> expected = Map.of(
                Role.LEAD, Set.of("cockpit", "tasklist"),
                Role.AUDITOR, Set.of("cockpit"),
                Role.ADMIN, Set.of("cockpit", "tasklist", "admin", "welcome"),
                Role.EXPERT, Set.of(),
                Role.ADJUDICATOR, Set.of(),
                Role.CONTRIBUTOR, Set.of());

        for (Role role : Role.values()) {
            for (String application : List.of("cockpit", "tasklist", "admin", "welcome")) {
                assertThat(authorizationService.isUserAuthorized("user-" + role.id(), List.of(role.id()),
                        Permissions.ACCESS, Resources.APPLICATION, application))
                        .as("%s may open %s", role.id(), application)
                        .isEqualTo(expected.get(role).contains(application));
            }
        }
    }

    /** History is read through READ_HISTORY because historic instance permissions are off (Camunda's default). */
    @Test
    void leadReadsTasksAndHistoryLikeAuditor() {
        List<Map.Entry<Resources, Permission>> reads = List.of(
                Map.entry(Resources.TASK, TaskPermissions.READ),
                Map.entry(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_TASK),
                Map.entry(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_INSTANCE),
                Map.entry(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ_HISTORY));

        for (Map.Entry<Resources, Permission> read : reads) {
            for (Role role : List.of(Role.LEAD, Role.AUDITOR)) {
                assertThat(authorizationService.isUserAuthorized("user-" + role.id(), List.of(role.id()),
                        read.getValue(), read.getKey(), Authorization.ANY))
                        .as("%s has %s on every %s", role.id(), read.getValue(), read.getKey())
                        .isTrue();
            }
        }
    }

    @Test
    void leadCannotWorkOnTasksThroughEngine() {
        Map<Resources, List<Permission>> writes = Map.of(
                Resources.TASK, List.of(TaskPermissions.UPDATE, TaskPermissions.TASK_WORK),
                Resources.PROCESS_DEFINITION, List.of(ProcessDefinitionPermissions.UPDATE_TASK,
                        ProcessDefinitionPermissions.TASK_WORK));

        writes.forEach((resource, permissions) -> permissions.forEach(permission -> assertThat(
                authorizationService.isUserAuthorized("user-lead", List.of(Role.LEAD.id()), permission, resource,
                        Authorization.ANY))
                .as("lead has %s on every %s", permission, resource)
                .isFalse()));
    }

    @Test
    void earlierTasklistGrantIsRevoked() {
        if (!authorizationService.isUserAuthorized("contributor1", List.of(Role.CONTRIBUTOR.id()),
                Permissions.ACCESS, Resources.APPLICATION, "tasklist")) {
            Authorization earlier = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            earlier.setGroupId(Role.CONTRIBUTOR.id());
            earlier.setResource(Resources.APPLICATION);
            earlier.setResourceId("tasklist");
            earlier.addPermission(Permissions.ACCESS);
            authorizationService.saveAuthorization(earlier);
        }

        new RoleAuthorizationsPlugin().postProcessEngineBuild(processEngine);

        assertThat(authorizationService.isUserAuthorized("contributor1", List.of(Role.CONTRIBUTOR.id()),
                Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Role.CONTRIBUTOR.id())
                .resourceType(Resources.APPLICATION).count()).isZero();
    }

    @Test
    void rolesOfDemoUsers() {
        assertThat(userDirectory.rolesOf("expert2")).containsExactly(Role.EXPERT);
        assertThat(userDirectory.rolesOf("admin")).containsExactly(Role.ADMIN);
        assertThat(userDirectory.rolesOf("nobody")).isEmpty();
    }

    @Test
    void usersInRoleSortedById() {
        assertThat(userDirectory.usersInRole(Role.CONTRIBUTOR))
                .containsExactly("contributor1", "contributor2", "contributor3");
        assertThat(userDirectory.usersInRole(Role.EXPERT)).containsExactly("expert", "expert2");
    }

    @Test
    void directoryIgnoresCurrentEngineUser() {
        // A contributor may not read users through Camunda, yet the application resolves names for it.
        identityService.setAuthentication("contributor1", List.of(Role.CONTRIBUTOR.id()));

        assertThat(identityService.createUserQuery().userId("expert").count()).isZero();
        assertThat(userDirectory.displayName("expert")).hasValue("Ezra Expert");
        assertThat(userDirectory.usersInRole(Role.LEAD)).containsExactly("lead");
        assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("contributor1");
    }

    @Test
    void displayNameOfUnknownUserIsEmpty() {
        assertThat(userDirectory.displayName("nobody")).isEmpty();
    }

    @Test
    void currentUserIdFromSecurityContext() {
        assertThat(userDirectory.currentUserId()).isEmpty();

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("auditor", null, Set.of()));

        assertThat(userDirectory.currentUserId()).hasValue("auditor");
    }
}
