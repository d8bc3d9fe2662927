package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CORS on {@code /dicomweb} with two allowed viewer origins, over real HTTP. The application runs in its own
 * context and data folder, because the property changes the security chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "truthline.dicomweb.allowed-origins=http://viewer.example:3000/, https://other-viewer.example")
@ActiveProfiles("demo")
class DicomwebCorsTest {

    static final String VIEWER = "http://viewer.example:3000";
    static final String STRANGER = "http://attacker.example";

    private static final Path DATA_DIR = createDataDir();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("truthline.data-dir", DATA_DIR::toString);
        registry.add("truthline.demo.samples-dir", () -> createDataDir().toString());
    }

    @Test
    void preflightFromAllowedOrigin_isAnsweredWithoutCredentials() throws Exception {
        HttpResponse<String> response = send(preflight("/dicomweb/studies", VIEWER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(VIEWER);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization"));
    }

    @Test
    void getWithCredentialsFromAllowedOrigin_returnsResults() throws Exception {
        HttpResponse<String> response = send(request("/dicomweb/studies?foo=1").header("Origin", VIEWER)
                .header("Authorization", basic("lead")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(VIEWER);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("Warning"));
    }

    @Test
    void getWithoutCredentials_isStillUnauthorized() throws Exception {
        HttpResponse<String> response = send(request("/dicomweb/studies").header("Origin", VIEWER).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void secondListedOrigin_isAllowed() throws Exception {
        HttpResponse<String> response = send(preflight("/dicomweb/studies", "https://other-viewer.example"));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://other-viewer.example");
    }

    @Test
    void otherOrigin_getsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send(preflight("/dicomweb/studies", STRANGER));
        HttpResponse<String> get = send(request("/dicomweb/studies").header("Origin", STRANGER)
                .header("Authorization", basic("lead")).GET());

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void restApi_getsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = send(preflight("/api/projects", VIEWER));

        assertThat(preflight.statusCode()).isEqualTo(401);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder preflight(String path, String origin) {
        return request(path).header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization, accept")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("truthline-cors-test");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary data directory", e);
        }
    }
}
