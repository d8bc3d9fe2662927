package org.truthline.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one role vocabulary. Each role's {@link #id()} is the Camunda group id, the BPMN candidate group and,
 * prefixed with {@code ROLE_}, the Spring Security authority.
 */
public enum Role {
    LEAD("lead"),
    EXPERT("expert"),
    ADJUDICATOR("adjudicator"),
    CONTRIBUTOR("contributor"),
    AUDITOR("auditor"),
    ADMIN("admin");

    /** Constants for annotations such as {@code @RolesAllowed}, which need compile-time strings. */
    public static final String LEAD_ID = "lead";
    public static final String EXPERT_ID = "expert";
    public static final String ADJUDICATOR_ID = "adjudicator";
    public static final String CONTRIBUTOR_ID = "contributor";
    public static final String AUDITOR_ID = "auditor";
    public static final String ADMIN_ID = "admin";

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** Group id in Camunda's identity service and candidate group in BPMN. */
    public String id() {
        return id;
    }

    /** Spring Security authority, {@code ROLE_<id>}. */
    public String authority() {
        return "ROLE_" + id;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
