package org.truthline.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Configures the brute-force protection of Camunda's {@code IdentityService.checkPassword} so that wrong
 * passwords only delay a user's sign-in and never lock the account.
 *
 * <p>Camunda 7.24 blocks a user for {@code loginDelayBase * loginDelayFactor^(failures - 1)} seconds, at most
 * {@code loginDelayMaxTime}, after each wrong password; during that time even the right password fails, and a
 * wrong one is not counted. When the failures reach {@code loginMaxAttempts} (default 10), it locks the user
 * until an administrator unlocks it. Anyone who can reach the sign-in form or send HTTP Basic credentials could
 * use that to lock out any account, {@code admin} included, so this plugin sets {@code loginMaxAttempts} to
 * {@link Integer#MAX_VALUE}: at one counted failure per delay, reaching it would take thousands of years. A
 * successful sign-in resets the count.
 *
 * <p>The plugin runs after the starter's {@code camunda.bpm.generic-properties}, so it overrides any
 * {@code loginMaxAttempts} or {@code loginDelayMaxTime} set there. Base (3 s) and factor (2) stay at Camunda's
 * defaults.
 */
@Component
class LoginThrottlingPlugin extends AbstractProcessEnginePlugin {

    private final LoginThrottlingProperties properties;

    LoginThrottlingPlugin(LoginThrottlingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(properties.maxLoginDelaySeconds());
    }
}
