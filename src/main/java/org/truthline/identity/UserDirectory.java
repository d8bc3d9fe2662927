package org.truthline.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Users and roles as stored in Camunda's identity service, for the other packages. Lookups ignore the Camunda
 * authorizations of the user on the current thread: a contributor's request may still resolve an expert's name.
 * Callers decide what to show.
 */
@Service
public class UserDirectory {

    private final IdentityService identityService;

    public UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Returns the roles of {@code userId}, empty for an unknown user. Groups that are no role are skipped. */
    public Set<Role> rolesOf(String userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String groupId : EngineIdentity.groupIdsOf(identityService, userId)) {
            Role.fromId(groupId).ifPresent(roles::add);
        }
        return roles;
    }

    /** Returns the ids of the users in {@code role}'s group, in id order. */
    public List<String> usersInRole(Role role) {
        return EngineIdentity.withoutUser(identityService, () -> identityService.createUserQuery()
                .memberOfGroup(role.id())
                .orderByUserId().asc()
                .list()
                .stream()
                .map(User::getId)
                .toList());
    }

    /**
     * Returns first and last name of {@code userId}, the user id when both are blank, and empty for an unknown
     * user.
     */
    public Optional<String> displayName(String userId) {
        User user = EngineIdentity.withoutUser(identityService,
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            return Optional.empty();
        }
        String name = joinNonBlank(user.getFirstName(), user.getLastName());
        return Optional.of(name.isEmpty() ? user.getId() : name);
    }

    /** Returns the id of the user authenticated on the current thread, empty when anonymous. */
    public Optional<String> currentUserId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    private static String joinNonBlank(String first, String last) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {first, last}) {
            if (part != null && !part.isBlank()) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(part.strip());
            }
        }
        return name.toString();
    }
}
