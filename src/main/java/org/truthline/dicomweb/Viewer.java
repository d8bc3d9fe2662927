package org.truthline.dicomweb;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.truthline.identity.Role;

/**
 * Who is asking, reduced to what decides visibility. Mirrors {@link org.truthline.image.ImageService}: staff
 * roles see every de-identified image, a contributor only the images it has an {@code assignment} row for and
 * that are not held for burned-in annotation review, anyone else nothing. Companion objects follow the images of
 * their study (see {@link DicomwebImages}).
 */
record Viewer(String userId, boolean staff) {

    private static final Set<String> STAFF_AUTHORITIES = Set.of(Role.LEAD.authority(), Role.EXPERT.authority(),
            Role.ADJUDICATOR.authority(), Role.AUDITOR.authority(), Role.ADMIN.authority());

    static Viewer of(Authentication authentication) {
        boolean staff = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(STAFF_AUTHORITIES::contains);
        return new Viewer(authentication.getName(), staff);
    }
}
