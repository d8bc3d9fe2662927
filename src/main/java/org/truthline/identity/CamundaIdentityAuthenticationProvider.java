package org.truthline.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Checks user name and password against Camunda's identity service, the only user store. Each Camunda group of
 * the user becomes the authority {@code ROLE_<groupId>}, so {@link Role#authority()} matches role groups.
 *
 * <p>{@link IdentityService#checkPassword} applies Camunda's login throttling: after a wrong password, even the
 * right one fails for a few seconds, at most {@code truthline.security.max-login-delay} (see
 * {@link LoginThrottlingPlugin}). It returns false in both cases, so the exception cannot tell them apart.
 * NOTE: Camunda computes no password hash for an unknown user name, so the response time can still tell
 * whether a user exists.
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Missing user name or password");
        }

        String password = credentials.toString();
        boolean valid = EngineIdentity.withoutUser(identityService,
                () -> identityService.checkPassword(userId, password));
        if (!valid) {
            throw new BadCredentialsException("Invalid user name or password");
        }

        List<GrantedAuthority> authorities = EngineIdentity.groupIdsOf(identityService, userId).stream()
                .<GrantedAuthority>map(groupId -> new SimpleGrantedAuthority("ROLE_" + groupId))
                .toList();
        // A UserDetails principal, so Vaadin's AuthenticationContext.getAuthenticatedUser(UserDetails.class) works.
        User principal = new User(userId, "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
