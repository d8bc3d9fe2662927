package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without the demo profile the application starts with role groups but no user and no default password. */
@SpringBootTest
class WithoutDemoProfileTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("truthline-no-demo-test");
        registry.add("truthline.data-dir", dataDir::toString);
    }

    @Autowired
    IdentityService identityService;

    @Autowired
    ApplicationContext context;

    @Test
    void noUserExists() {
        assertThat(identityService.createUserQuery().count()).isZero();
    }

    @Test
    void roleGroupsExist() {
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.id()).count()).as(role.id()).isEqualTo(1);
        }
    }

    @Test
    void noFallbackUserStore() {
        // Spring Boot's generated in-memory user (with a password printed at startup) must not exist.
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
        assertThat(context.getBeansOfType(DemoUsersPlugin.class)).isEmpty();
    }
}
