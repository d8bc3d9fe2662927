package org.truthline.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.truthline.identity.Role;

/**
 * The signed-in user as the views see it: the user id and the Truthline roles taken from the Spring Security
 * authorities ({@code ROLE_<group id>}), which the login maps from the user's Camunda groups.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;

    public CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** Returns the user id, or empty when no user is signed in. */
    public Optional<String> findId() {
        return authentication.getPrincipalName();
    }

    /** Returns the user id; views behind the login call it, so a missing user is a configuration fault. */
    public String id() {
        return findId().orElseThrow(() -> new IllegalStateException(
                "No signed-in user: this view needs the login to run first."));
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : authentication.getGrantedRoles()) {
            Role.fromId(role).ifPresent(roles::add);
        }
        return roles;
    }

    public boolean hasAnyRole(Role... roles) {
        Set<Role> held = roles();
        return Arrays.stream(roles).anyMatch(held::contains);
    }

    /**
     * Checks the view's {@code @PermitAll} or {@code @RolesAllowed} annotation against the user's roles, so the
     * navigation shows only what the router would let the user open.
     */
    public boolean mayOpen(Class<?> view) {
        if (findId().isEmpty()) {
            return false;
        }
        if (view.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return false;
        }
        Set<Role> held = roles();
        return Arrays.stream(allowed.value()).map(Role::fromId).flatMap(Optional::stream).anyMatch(held::contains);
    }

    public void signOut() {
        authentication.logout();
    }
}
