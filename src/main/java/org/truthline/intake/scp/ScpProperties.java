package org.truthline.intake.scp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the C-STORE receiver ({@code truthline.scp.*}).
 *
 * @param enabled whether the receiver listens at all
 * @param port TCP port to listen on; 0 picks a free port (tests)
 * @param bindAddress local address to listen on; blank means every interface
 * @param aeTitle Truthline's own AE title, routed to {@code defaultProject}
 * @param defaultProject name of the project that receives studies sent to {@code aeTitle}; blank means such
 *     associations are rejected
 * @param maxAssociations number of associations served at the same time; further connections wait
 */
@ConfigurationProperties("truthline.scp")
public record ScpProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("11112") int port,
        @DefaultValue("") String bindAddress,
        @DefaultValue("TRUTHLINE") String aeTitle,
        @DefaultValue("") String defaultProject,
        @DefaultValue("8") int maxAssociations) {
}
