package org.truthline.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a new installation from {@code truthline.bootstrap-admin.user} and
 * {@code truthline.bootstrap-admin.password} (environment TRUTHLINE_ADMIN_USER / TRUTHLINE_ADMIN_PASSWORD).
 * Does nothing when the password is empty or when any user already belongs to the admin group, so the
 * setting can stay in place after the first start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BootstrapAdminPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminPlugin.class);
    private static final int MIN_PASSWORD_LENGTH = 12;

    private final String userId;
    private final String password;

    BootstrapAdminPlugin(@Value("${truthline.bootstrap-admin.user:admin}") String userId,
            @Value("${truthline.bootstrap-admin.password:}") String password) {
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (password == null || password.isEmpty()) {
            return;
        }
        IdentityService identity = processEngine.getIdentityService();
        if (identity.createUserQuery().memberOfGroup(Role.ADMIN.id()).count() > 0) {
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("truthline.bootstrap-admin.password is too short: use at least "
                    + MIN_PASSWORD_LENGTH + " characters for the first administrator.");
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("Truthline");
            user.setLastName("Administrator");
            user.setPassword(password);
            identity.saveUser(user);
        }
        identity.createMembership(userId, Role.ADMIN.id());
        identity.createMembership(userId, Groups.CAMUNDA_ADMIN);
        log.warn("Created the first administrator '{}' from truthline.bootstrap-admin; change its password in "
                + "Camunda Admin and remove the setting", userId);
    }
}
