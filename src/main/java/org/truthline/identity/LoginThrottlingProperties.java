package org.truthline.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code truthline.security}.
 *
 * @param maxLoginDelay the longest time a user's sign-in stays blocked after a wrong password, in whole seconds
 *        from 1 s to 1 h. Camunda blocks the user for 3 s after the first wrong password and doubles the time
 *        with each further one up to this value.
 */
@ConfigurationProperties("truthline.security")
public record LoginThrottlingProperties(@DefaultValue("60s") Duration maxLoginDelay) {

    static final Duration MIN_LOGIN_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_LOGIN_DELAY = Duration.ofHours(1);

    public LoginThrottlingProperties {
        if (maxLoginDelay.compareTo(MIN_LOGIN_DELAY) < 0 || maxLoginDelay.compareTo(MAX_LOGIN_DELAY) > 0
                || maxLoginDelay.toMillisPart() != 0) {
            throw new IllegalArgumentException("Invalid truthline.security.max-login-delay " + maxLoginDelay
                    + ". Use whole seconds from 1s to 3600s, for example 60s.");
        }
    }

    /** Returns {@link #maxLoginDelay} in seconds, the unit of Camunda's {@code loginDelayMaxTime}. */
    public int maxLoginDelaySeconds() {
        return (int) maxLoginDelay.toSeconds();
    }
}
