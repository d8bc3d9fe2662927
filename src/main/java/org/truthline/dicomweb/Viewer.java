package org.truthline.dicomweb;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.truthline.identity.Role;
import org.truthline.image.ImageService;

/**
 * Who is asking, reduced to what decides visibility. Mirrors {@link org.truthline.image.ImageService}: lead and
 * admin see every de-identified image, other staff roles every image that is not held for burned-in annotation
 * review, a contributor only the images it has an {@code assignment} row for and that are not held, anyone else
 * nothing. Companion objects follow the images of their study (see {@link DicomwebImages}).
 *
 * @param staff whether the caller has a staff role, which opens every project and the identifying search attributes
 * @param burnedInReviewer whether the caller reviews held images (lead, admin), which opens those images too
 */
record Viewer(String userId, boolean staff, boolean burnedInReviewer) {

    private static final Set<String> STAFF_AUTHORITIES = Set.of(Role.LEAD.authority(), Role.EXPERT.authority(),
            Role.ADJUDICATOR.authority(), Role.AUDITOR.authority(), Role.ADMIN.authority());

    static Viewer of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean staff = authorities.stream().anyMatch(STAFF_AUTHORITIES::contains);
        boolean reviewer = ImageService.BURNED_IN_REVIEWERS.stream().map(Role::authority)
                .anyMatch(authorities::contains);
        return new Viewer(authentication.getName(), staff, reviewer);
    }
}
