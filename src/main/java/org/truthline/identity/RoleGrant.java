package org.truthline.identity;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** A Camunda GRANT authorization for a group: permissions on one resource id, or on all ({@code *}). */
record RoleGrant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

    static RoleGrant grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        return new RoleGrant(role.id(), resource, resourceId, List.of(permissions));
    }
}
