package org.truthline.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;
import static org.truthline.identity.RoleGrant.grant;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates one Camunda group per {@link Role} and the authorizations each role needs in the engine and the
 * Camunda webapps. Runs at every engine start and only adds what is missing. A grant an administrator added
 * by hand stays, but a grant of this list removed by hand comes back at the next start.
 *
 * <p>Only leads, auditors and admins get access to Camunda's webapps, the same roles that {@link SecurityConfig}
 * lets through to {@code /camunda/**}. Experts, adjudicators and contributors work in Truthline's UI, so the
 * Tasklist grants that earlier versions gave them are revoked at start ({@link #revokedGrants()}).
 *
 * <p>Task access of experts, adjudicators and contributors comes from the tasks themselves: when a task gets a
 * candidate group or user, Camunda grants that group or user READ plus {@code defaultUserPermissionForTask}
 * (UPDATE unless configured) on that one task.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleAuthorizationsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(RoleAuthorizationsPlugin.class);

    static final String COCKPIT = "cockpit";
    static final String TASKLIST = "tasklist";

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        IdentityService identityService = processEngine.getIdentityService();
        AuthorizationService authorizationService = processEngine.getAuthorizationService();

        for (Role role : Role.values()) {
            ensureGroup(identityService, role.id(), displayName(role), Groups.GROUP_TYPE_WORKFLOW);
        }
        ensureGroup(identityService, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);

        List<RoleGrant> grants = grants();
        for (RoleGrant roleGrant : grants) {
            ensureGrant(authorizationService, roleGrant);
        }
        for (RoleGrant revoked : revokedGrants()) {
            revokeGrant(authorizationService, revoked);
        }
        addAdminsToCamundaAdmin(identityService);
        log.info("Role groups and {} role authorizations are in place", grants.size());
    }

    /** Lists the authorizations of every role. Role permissions are defined here and nowhere else. */
    static List<RoleGrant> grants() {
        List<RoleGrant> grants = new ArrayList<>();

        for (Resources resource : Resources.values()) {
            grants.add(grant(Role.ADMIN, resource, ANY, Permissions.ALL));
        }

        grants.add(grant(Role.LEAD, APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(grant(Role.LEAD, APPLICATION, TASKLIST, Permissions.ACCESS));
        // Leads supervise every process, so they read its tasks as auditors do, but they complete none.
        grants.add(grant(Role.LEAD, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK));
        grants.add(grant(Role.LEAD, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(grant(Role.LEAD, TASK, ANY, TaskPermissions.READ));
        grants.add(grant(Role.LEAD, DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE));
        grants.add(grant(Role.LEAD, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(grant(Role.LEAD, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(grant(Role.LEAD, FILTER, ANY, Permissions.READ));
        grants.add(grant(Role.LEAD, USER, ANY, Permissions.READ));
        grants.add(grant(Role.LEAD, GROUP, ANY, Permissions.READ));

        for (Role reviewer : List.of(Role.EXPERT, Role.ADJUDICATOR)) {
            grants.add(grant(reviewer, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
            grants.add(grant(reviewer, FILTER, ANY, Permissions.READ));
        }
        // Experts give feedback to named contributors. Adjudicators get no user list, because adjudication rules
        // may require them to stay blind to who annotated.
        grants.add(grant(Role.EXPERT, USER, ANY, Permissions.READ));

        grants.add(grant(Role.CONTRIBUTOR, FILTER, ANY, Permissions.READ));

        grants.add(grant(Role.AUDITOR, APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(grant(Role.AUDITOR, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK));
        grants.add(grant(Role.AUDITOR, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(grant(Role.AUDITOR, TASK, ANY, TaskPermissions.READ));
        grants.add(grant(Role.AUDITOR, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(grant(Role.AUDITOR, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        grants.add(grant(Role.AUDITOR, DEPLOYMENT, ANY, Permissions.READ));
        grants.add(grant(Role.AUDITOR, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(grant(Role.AUDITOR, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(grant(Role.AUDITOR, USER, ANY, Permissions.READ));
        grants.add(grant(Role.AUDITOR, GROUP, ANY, Permissions.READ));
        return grants;
    }

    /** Lists grants that earlier versions of this list made and that are removed at every start. */
    static List<RoleGrant> revokedGrants() {
        return List.of(
                grant(Role.EXPERT, APPLICATION, TASKLIST, Permissions.ACCESS),
                grant(Role.ADJUDICATOR, APPLICATION, TASKLIST, Permissions.ACCESS),
                grant(Role.CONTRIBUTOR, APPLICATION, TASKLIST, Permissions.ACCESS));
    }

    static String displayName(Role role) {
        return switch (role) {
            case LEAD -> "Clinical operations leads";
            case EXPERT -> "Experts";
            case ADJUDICATOR -> "Adjudicators";
            case CONTRIBUTOR -> "Contributors";
            case AUDITOR -> "Auditors";
            case ADMIN -> "Administrators";
        };
    }

    private static void ensureGroup(IdentityService identityService, String groupId, String name, String type) {
        if (identityService.createGroupQuery().groupId(groupId).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        log.info("Created group {}", groupId);
    }

    private static void ensureGrant(AuthorizationService authorizationService, RoleGrant roleGrant) {
        Resource resource = roleGrant.resource();
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(roleGrant.groupId())
                .resourceType(resource)
                .resourceId(roleGrant.resourceId())
                .singleResult();
        boolean created = authorization == null;
        if (created) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(roleGrant.groupId());
            authorization.setResource(resource);
            authorization.setResourceId(roleGrant.resourceId());
        }

        boolean changed = created;
        for (Permission permission : roleGrant.permissions()) {
            if (created || !authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }

    /** Deletes the group's GRANT authorization on the resource id when it exists. */
    private static void revokeGrant(AuthorizationService authorizationService, RoleGrant roleGrant) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(roleGrant.groupId())
                .resourceType(roleGrant.resource())
                .resourceId(roleGrant.resourceId())
                .singleResult();
        if (authorization != null) {
            authorizationService.deleteAuthorization(authorization.getId());
            log.info("Revoked group {}'s grant on {} {}", roleGrant.groupId(), roleGrant.resource().resourceName(),
                    roleGrant.resourceId());
        }
    }

    /** Camunda's webapps treat only members of {@code camunda-admin} as administrators. */
    private static void addAdminsToCamundaAdmin(IdentityService identityService) {
        List<User> admins = identityService.createUserQuery().memberOfGroup(Role.ADMIN.id()).list();
        for (User admin : admins) {
            boolean member = identityService.createUserQuery()
                    .userId(admin.getId())
                    .memberOfGroup(Groups.CAMUNDA_ADMIN)
                    .count() > 0;
            if (!member) {
                identityService.createMembership(admin.getId(), Groups.CAMUNDA_ADMIN);
                log.info("Added user {} to group {}", admin.getId(), Groups.CAMUNDA_ADMIN);
            }
        }
    }
}
