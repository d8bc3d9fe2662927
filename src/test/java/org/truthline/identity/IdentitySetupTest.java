package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
        long authorizations = authorizationService.createAuthorizationQuery().count();
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();

        new RoleAuthorizationsPlugin().postProcessEngineBuild(processEngine);
        new DemoUsersPlugin().postProcessEngineBuild(processEngine);

        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    }

    @Test
    void contributorHasNoCockpitAccess() {
        List<String> contributorGroups = List.of(Role.CONTRIBUTOR.id());

        assertThat(authorizationService.isUserAuthorized("contributor1", contributorGroups,
                Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("contributor1", contributorGroups,
                Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
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
