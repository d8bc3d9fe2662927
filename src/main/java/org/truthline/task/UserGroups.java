package org.truthline.task;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.truthline.process.EngineAuthentication;

/** Looks up a user's group ids in Camunda's identity service; the group ids are the Role ids. */
@Component
class UserGroups {

    private final IdentityService identityService;

    UserGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    Set<String> of(String userId) {
        return EngineAuthentication.asSystem(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).collect(Collectors.toSet()));
    }
}
