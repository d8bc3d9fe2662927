package org.truthline.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole application on a random port with the demo users, on an H2 database in a fresh temporary folder.
 * Subclasses share one Spring context, because a second context would register a second Camunda engine under the
 * name {@code default}, and the Camunda webapps would then look users up in that one. The maximum login delay is
 * 1 s, so {@link LoginLockoutTest} can wait it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "truthline.security.max-login-delay=" + DemoApplicationTestBase.MAX_LOGIN_DELAY_SECONDS + "s")
@ActiveProfiles("demo")
@Import(DemoApplicationTestBase.PingController.class)
abstract class DemoApplicationTestBase {

    static final int MAX_LOGIN_DELAY_SECONDS = 1;

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", DATA_DIR::toString);
    }

    /** A REST endpoint under {@code /api} that returns the caller's user name, for reads and writes. */
    @RestController
    static class PingController {

        @GetMapping("/api/ping")
        String ping(Authentication authentication) {
            return authentication.getName();
        }

        @PostMapping("/api/ping")
        String pingWrite(Authentication authentication) {
            return authentication.getName();
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("truthline-identity-test");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary data directory", e);
        }
    }
}
