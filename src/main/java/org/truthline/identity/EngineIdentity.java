package org.truthline.identity;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads Camunda's identity service on behalf of the application itself. Queries for users and groups are
 * filtered by the Camunda authorizations of the user set on the current thread, so lookups that the
 * application needs for every user (login, role checks) clear that user for the duration of the call.
 */
final class EngineIdentity {

    private EngineIdentity() {
    }

    /** Runs {@code work} with no Camunda user on the thread and restores the previous one afterwards. */
    static <T> T withoutUser(IdentityService identityService, Supplier<T> work) {
        Authentication previous = identityService.getCurrentAuthentication();
        if (previous == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(previous);
        }
    }

    /** Returns the ids of the groups {@code userId} belongs to, in id order. */
    static List<String> groupIdsOf(IdentityService identityService, String userId) {
        return withoutUser(identityService, () -> identityService.createGroupQuery()
                .groupMember(userId)
                .orderByGroupId().asc()
                .list()
                .stream()
                .map(Group::getId)
                .toList());
    }
}
