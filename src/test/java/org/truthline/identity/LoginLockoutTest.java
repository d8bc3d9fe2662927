package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checks that wrong HTTP Basic passwords only delay a user's sign-in. Camunda's default (10 failures) would lock
 * the user until an administrator unlocks it. The test context sets the maximum delay to 1 s, so the test can let
 * each delay expire and make every wrong password count.
 */
class LoginLockoutTest extends DemoApplicationTestBase {

    private static final Duration MAX_LOGIN_DELAY = Duration.ofSeconds(MAX_LOGIN_DELAY_SECONDS);
    private static final Duration CLOCK_MARGIN = Duration.ofMillis(200);
    private static final int WRONG_PASSWORDS = 12;
    private static final String PASSWORD = "right-password-1";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    private final HttpClient client = HttpClient.newHttpClient();

    private String userId;

    @BeforeEach
    void createUser() {
        userId = "lockout" + System.nanoTime();
        User user = identityService.newUser(userId);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(userId, Role.CONTRIBUTOR.id());
    }

    @Test
    void engineNeverLocksPermanently() {
        assertThat(engineConfiguration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(engineConfiguration.getLoginDelayMaxTime()).isEqualTo(MAX_LOGIN_DELAY_SECONDS);
    }

    @Test
    void rightPasswordWorksAfterTwelveWrongOnes() throws Exception {
        for (int attempt = 1; attempt <= WRONG_PASSWORDS; attempt++) {
            HttpResponse<String> wrong = send(userId, "wrong-" + attempt);
            assertThat(wrong.statusCode()).as("wrong password %d", attempt).isEqualTo(401);
            Thread.sleep(MAX_LOGIN_DELAY.plus(CLOCK_MARGIN).toMillis());
        }
        assertThat(failedAttempts()).as("every wrong password was counted").isEqualTo(WRONG_PASSWORDS);

        HttpResponse<String> right = send(userId, PASSWORD);

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(failedAttempts()).as("a successful sign-in resets the count").isZero();
    }

    @Test
    void rightPasswordIsDelayedBriefly() throws Exception {
        send(userId, "wrong");

        HttpResponse<String> delayed = send(userId, PASSWORD);
        Thread.sleep(MAX_LOGIN_DELAY.plus(CLOCK_MARGIN).toMillis());
        HttpResponse<String> afterDelay = send(userId, PASSWORD);

        assertThat(delayed.statusCode()).isEqualTo(401);
        assertThat(delayed.body()).contains("sign-in for this user is delayed after failed attempts");
        assertThat(delayed.body()).contains("retry after " + MAX_LOGIN_DELAY_SECONDS + " s.");
        assertThat(delayed.body()).contains("\"retryAfterSeconds\":" + MAX_LOGIN_DELAY_SECONDS);
        assertThat(afterDelay.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUserGetsSameMessage() throws Exception {
        send(userId, "wrong");

        HttpResponse<String> delayedUser = send(userId, PASSWORD);
        HttpResponse<String> unknownUser = send("nosuchuser", PASSWORD);

        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(delayedUser.body());
        assertThat(unknownUser.body()).contains("Invalid user name or password");
    }

    @Test
    void missingCredentialsAskForSignIn() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Authentication required");
        assertThat(response.body()).doesNotContain("retryAfterSeconds");
    }

    private int failedAttempts() {
        return ((UserEntity) identityService.createUserQuery().userId(userId).singleResult()).getAttempts();
    }

    private HttpResponse<String> send(String user, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri())
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/api/projects");
    }
}
