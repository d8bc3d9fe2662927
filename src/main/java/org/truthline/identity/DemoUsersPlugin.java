package org.truthline.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users, each with its user name as password, when {@code truthline.demo.enabled} is true
 * (the {@code demo} profile). Users that already exist are left as they are, so restarts on the same database
 * change nothing. Without the property no user exists and no default password is set.
 */
@Component
@ConditionalOnProperty(name = "truthline.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DemoUsersPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(DemoUsersPlugin.class);

    record DemoUser(String id, String firstName, String lastName, Role role) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("lead", "Lena", "Lead", Role.LEAD),
            new DemoUser("expert", "Ezra", "Expert", Role.EXPERT),
            new DemoUser("expert2", "Eva", "Expert", Role.EXPERT),
            new DemoUser("adjudicator", "Ada", "Adjudicator", Role.ADJUDICATOR),
            new DemoUser("contributor1", "Cora", "Contributor", Role.CONTRIBUTOR),
            new DemoUser("contributor2", "Colin", "Contributor", Role.CONTRIBUTOR),
            new DemoUser("contributor3", "Chloe", "Contributor", Role.CONTRIBUTOR),
            new DemoUser("auditor", "Aaron", "Auditor", Role.AUDITOR),
            new DemoUser("admin", "Alex", "Admin", Role.ADMIN));

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        IdentityService identityService = processEngine.getIdentityService();
        int created = 0;
        for (DemoUser demoUser : USERS) {
            if (identityService.createUserQuery().userId(demoUser.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demoUser.id());
            user.setFirstName(demoUser.firstName());
            user.setLastName(demoUser.lastName());
            user.setPassword(demoUser.id());
            identityService.saveUser(user);
            identityService.createMembership(demoUser.id(), demoUser.role().id());
            if (demoUser.role() == Role.ADMIN) {
                identityService.createMembership(demoUser.id(), Groups.CAMUNDA_ADMIN);
            }
            created++;
        }
        log.warn("Demo users enabled: {} created, {} in total, each with its user name as password",
                created, USERS.size());
    }
}
