package org.truthline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checks the one-login setup end to end over real HTTP, because Camunda's servlets and filters are not reached
 * by MockMvc. After a wrong password, Camunda's login throttling makes even the right one fail for a few
 * seconds, so the one wrong-password test uses a user that no other test signs in with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIntegrationTest extends DemoApplicationTestBase {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    String expertTaskId;

    @BeforeAll
    void startProcessWithExpertTask() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("security-test")
                .name("Security test")
                .startEvent("Event_Started")
                .userTask("Task_ReviewAnnotation").name("Review annotation").camundaCandidateGroups(Role.EXPERT.id())
                .endEvent("Event_Reviewed")
                .done();
        repositoryService.createDeployment().addModelInstance("security-test.bpmn", model).deploy();
        String instanceId = runtimeService.startProcessInstanceByKey("security-test").getId();
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        expertTaskId = task.getId();
    }

    @Nested
    class Anonymous {

        @Test
        void apiReturns401Json() throws Exception {
            HttpResponse<String> response = send(client(), get("/api/ping"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"status\":401");
        }

        @Test
        void apiDocsReturn401() throws Exception {
            assertThat(send(client(), get("/v3/api-docs")).statusCode()).isEqualTo(401);
        }

        @Test
        void engineRestReturns401() throws Exception {
            HttpResponse<String> response = send(client(), get("/engine-rest/task"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic"));
        }

        @Test
        void healthIsPublic() throws Exception {
            HttpResponse<String> response = send(client(), get("/actuator/health"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("UP");
        }

        @Test
        void loginPageIsServed() throws Exception {
            HttpResponse<String> response = send(client(), get("/login"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
        }

        @Test
        void rootRedirectsToLogin() throws Exception {
            HttpResponse<String> response = send(client(), get("/"));

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }

        @Test
        void doubleSlashReturns400Json() throws Exception {
            HttpResponse<String> response = send(client(), get("//engine-rest/task"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"path\":\"//engine-rest/task\"");
            assertThat(response.body()).contains("a single slash between path segments");
            assertThat(response.body()).contains("for example '/engine-rest/task'");
            assertThat(response.body()).doesNotContain("Exception");
        }

        @Test
        void encodedSlashReturns400Json() throws Exception {
            for (String path : List.of("/engine-rest%2Ftask", "/api/projects%2F1", "/dicomweb/studies%2f1",
                    "/api/projects/a%5Cb")) {
                HttpResponse<String> response = send(client(), get(path));

                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(response.body()).as(path).contains("\"status\":400")
                        .contains("\"path\":\"" + path + "\"").contains("encoded slashes");
            }
        }

        @Test
        void encodedSlashOutsideApiHidesServerVersion() throws Exception {
            HttpResponse<String> response = send(client(), get("/projects%2F1"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Tomcat");
        }

        @Test
        void cockpitPageRedirectsToLogin() throws Exception {
            HttpResponse<String> response = send(client(), get("/camunda/app/cockpit/default/"));

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }

        @Test
        void webappApiReturns401() throws Exception {
            HttpResponse<String> response = send(client(), get("/camunda/api/admin/auth/user/default"));

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void wrongPasswordIsRejected() throws Exception {
            // Uses a user no other test signs in with, so login throttling delays no other test.
            HttpResponse<String> response = send(client(), basic(get("/api/ping"), "contributor3", "wrong"));

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    @Nested
    class BasicAuthentication {

        @Test
        void apiReturnsUserName() throws Exception {
            HttpResponse<String> response = send(client(), basic(get("/api/ping"), "contributor1"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("contributor1");
        }

        @Test
        void apiCreatesNoSession() throws Exception {
            HttpResponse<String> response = send(client(), basic(get("/api/ping"), "contributor1"));

            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }

        @Test
        void actuatorBeyondHealthIsForbiddenForContributor() throws Exception {
            HttpResponse<String> response = send(client(), basic(get("/actuator/info"), "contributor1"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"status\":403");
        }

        @Test
        void contributorIsDeniedEngineRest() throws Exception {
            HttpClient client = client();

            HttpResponse<String> tasks = send(client, basic(get("/engine-rest/task"), "contributor1"));
            HttpResponse<String> definitions = send(client, basic(get("/engine-rest/process-definition"),
                    "contributor1"));
            HttpResponse<String> complete = send(client, basic(post("/engine-rest/task/" + expertTaskId
                    + "/complete", "{}"), "contributor1"));
            HttpResponse<String> delegate = send(client, basic(post("/engine-rest/task/" + expertTaskId
                    + "/assignee", "{\"userId\": \"contributor2\"}"), "contributor1"));

            assertThat(tasks.statusCode()).isEqualTo(403);
            assertThat(definitions.statusCode()).isEqualTo(403);
            assertThat(complete.statusCode()).isEqualTo(403);
            assertThat(delegate.statusCode()).isEqualTo(403);
            assertThat(taskService.createTaskQuery().taskId(expertTaskId).singleResult().getAssignee()).isNull();
        }

        @Test
        void expertIsDeniedEngineRest() throws Exception {
            HttpResponse<String> response = send(client(), basic(get("/engine-rest/task"), "expert"));

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void doubleSlashNeverReachesEngine() throws Exception {
            long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("security-test").count();

            HttpResponse<String> start = send(client(), basic(post(
                    "//engine-rest/process-definition/key/security-test/start", "{}"), "lead"));
            HttpResponse<String> inside = send(client(), basic(post(
                    "/engine-rest//process-definition/key/security-test/start", "{}"), "lead"));

            assertThat(start.statusCode()).isEqualTo(400);
            assertThat(inside.statusCode()).isEqualTo(400);
            assertThat(inside.body()).contains("\"path\":\"/engine-rest//process-definition/key/security-test/start\"");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("security-test").count())
                    .isEqualTo(instances);
        }

        @Test
        void auditorCannotCommentThroughEngineRest() throws Exception {
            HttpResponse<String> comment = send(client(), basic(post("/engine-rest/task/" + expertTaskId
                    + "/comment/create", "{\"message\": \"note\"}"), "auditor"));

            assertThat(comment.statusCode()).isEqualTo(403);
            assertThat(taskService.getTaskComments(expertTaskId)).isEmpty();
        }

        @Test
        void auditorDeploymentReturns403Json() throws Exception {
            String boundary = "truthline-test-boundary";
            String body = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nauditor-test\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"data\"; filename=\"auditor.bpmn\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n"
                    + "--" + boundary + "--\r\n";
            long deployments = repositoryService.createDeploymentQuery().count();

            HttpResponse<String> response = send(client(), basic(HttpRequest.newBuilder(
                            uri("/engine-rest/deployment/create"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)), "auditor"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"status\":403").contains("auditor");
            assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        }

        @Test
        void leadReadsTasksLikeAuditor() throws Exception {
            HttpClient client = client();

            HttpResponse<String> lead = send(client, basic(get("/engine-rest/task?maxResults=1000"), "lead"));
            HttpResponse<String> auditor = send(client, basic(get("/engine-rest/task?maxResults=1000"), "auditor"));
            HttpResponse<String> leadCount = send(client, basic(get("/engine-rest/task/count"), "lead"));
            HttpResponse<String> auditorCount = send(client, basic(get("/engine-rest/task/count"), "auditor"));

            assertThat(lead.statusCode()).isEqualTo(200);
            assertThat(lead.body()).contains(expertTaskId);
            assertThat(auditor.body()).contains(expertTaskId);
            assertThat(leadCount.body()).isEqualTo(auditorCount.body());
        }

        @Test
        void leadCannotCompleteTaskThroughEngineRest() throws Exception {
            HttpResponse<String> complete = send(client(), basic(post("/engine-rest/task/" + expertTaskId
                    + "/complete", "{}"), "lead"));

            assertThat(complete.statusCode()).isEqualTo(403);
            assertThat(taskService.createTaskQuery().taskId(expertTaskId).count()).isEqualTo(1);
        }

        @Test
        void auditorReadsButCannotCompleteTask() throws Exception {
            HttpClient client = client();

            HttpResponse<String> read = send(client, basic(get("/engine-rest/task/" + expertTaskId), "auditor"));
            HttpResponse<String> complete = send(client, basic(HttpRequest.newBuilder(uri(
                            "/engine-rest/task/" + expertTaskId + "/complete"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")), "auditor"));

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(complete.statusCode()).isEqualTo(403);
            assertThat(taskService.createTaskQuery().taskId(expertTaskId).count()).isEqualTo(1);
        }
    }

    @Nested
    class FormLogin {

        @Test
        void leadOpensCockpitWithLoginSession() throws Exception {
            HttpClient client = client();

            HttpResponse<String> login = formLogin(client, "lead");
            HttpResponse<String> cockpit = send(client, get("/camunda/app/cockpit/default/"));
            HttpResponse<String> camundaUser = send(client, get("/camunda/api/admin/auth/user/default"));
            HttpResponse<String> ping = send(client, get("/api/ping"));

            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("error"));
            assertThat(cockpit.statusCode()).isEqualTo(200);
            assertThat(cockpit.body()).containsIgnoringCase("cockpit");
            assertThat(camundaUser.statusCode()).isEqualTo(200);
            assertThat(camundaUser.body()).contains("\"userId\":\"lead\"");
            assertThat(ping.body()).isEqualTo("lead");
        }

        @Test
        void contributorIsDeniedCockpit() throws Exception {
            HttpClient client = client();

            formLogin(client, "contributor2");
            HttpResponse<String> cockpit = send(client, get("/camunda/app/cockpit/default/"));
            HttpResponse<String> tasklist = send(client, get("/camunda/app/tasklist/default/"));

            assertThat(cockpit.statusCode()).isEqualTo(403);
            assertThat(tasklist.statusCode()).as("contributors work in Truthline's inbox, not Tasklist")
                    .isEqualTo(403);
        }

        @Test
        void contributorIsDeniedCockpitPluginApi() throws Exception {
            HttpClient client = client();

            formLogin(client, "contributor2");
            HttpResponse<String> plugin = send(client,
                    get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"));

            assertThat(plugin.statusCode()).isEqualTo(403);
        }

        @Test
        void auditorReadsCockpitPluginApi() throws Exception {
            HttpClient client = client();

            formLogin(client, "auditor");
            HttpResponse<String> plugin = send(client,
                    get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"));

            assertThat(plugin.statusCode()).isEqualTo(200);
        }

        @Test
        void adminOpensCamundaAdmin() throws Exception {
            HttpClient client = client();

            formLogin(client, "admin");
            HttpResponse<String> admin = send(client, get("/camunda/app/admin/default/"));

            assertThat(admin.statusCode()).isEqualTo(200);
        }

        @Test
        void leadIsDeniedCamundaAdmin() throws Exception {
            HttpClient client = client();

            formLogin(client, "lead");
            HttpResponse<String> admin = send(client, get("/camunda/app/admin/default/"));

            assertThat(admin.statusCode()).isEqualTo(403);
        }

        @Test
        void firstAdminSetupIsDenied() throws Exception {
            HttpClient client = client();

            formLogin(client, "lead");
            HttpResponse<String> passwordCheck = send(client, xsrf(client, HttpRequest.newBuilder(
                            uri("/camunda/api/engine/engine/default/identity/password-policy"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"Truthline-1\"}"))));
            HttpResponse<String> setup = send(client, xsrf(client, HttpRequest.newBuilder(
                            uri("/camunda/api/admin/setup/default/user/create"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder1\"}}"))));

            // Without a password policy configured, Camunda returns 404: the request got past its CSRF filter.
            assertThat(passwordCheck.statusCode()).as("a POST with this XSRF token passes").isEqualTo(404);
            assertThat(setup.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class SessionWrites {

        @Test
        void sameOriginWriteIsAccepted() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}").header("Origin", ownOrigin()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("lead");
        }

        @Test
        void sameOriginRefererIsAccepted() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}")
                    .header("Referer", ownOrigin() + "/projects"));

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void writeWithoutOriginIsAccepted() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}"));

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void crossOriginWriteIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}")
                    .header("Origin", "http://evil.example"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"reason\":\"CROSS_ORIGIN\"");
            assertThat(response.body()).contains("'http://evil.example'");
        }

        @Test
        void otherPortIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}")
                    .header("Origin", "http://localhost:" + (port + 1)));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"reason\":\"CROSS_ORIGIN\"");
        }

        @Test
        void nullOriginIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}").header("Origin", "null"));

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void crossSiteRefererIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, post("/api/ping", "{}")
                    .header("Referer", "http://evil.example/page"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"reason\":\"CROSS_ORIGIN\"");
        }

        @Test
        void formContentTypeIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "text/plain;charset=UTF-8")) {
                HttpResponse<String> response = send(client, HttpRequest.newBuilder(uri("/api/ping"))
                        .header("Content-Type", type)
                        .header("Origin", ownOrigin())
                        .POST(HttpRequest.BodyPublishers.ofString("a=b")));

                assertThat(response.statusCode()).as(type).isEqualTo(403);
                assertThat(response.body()).as(type).contains("\"reason\":\"FORM_CONTENT_TYPE\"");
            }
        }

        @Test
        void crossSiteFormClaimIsRejected() throws Exception {
            HttpClient client = client();
            formLogin(client, "expert");

            HttpResponse<String> response = send(client, HttpRequest.newBuilder(
                            uri("/api/tasks/" + expertTaskId + "/claim"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(taskService.createTaskQuery().taskId(expertTaskId).singleResult().getAssignee()).isNull();
        }

        @Test
        void sessionReadIsNotChecked() throws Exception {
            HttpClient client = client();
            formLogin(client, "lead");

            HttpResponse<String> response = send(client, get("/api/ping").header("Origin", "http://evil.example"));

            assertThat(response.statusCode()).isEqualTo(200);
        }

        @Test
        void basicWriteIsNotChecked() throws Exception {
            HttpResponse<String> json = send(client(), basic(post("/api/ping", "{}"), "lead"));
            HttpResponse<String> form = send(client(), basic(HttpRequest.newBuilder(uri("/api/ping"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")), "lead"));

            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(form.statusCode()).isEqualTo(200);
        }

        @Test
        void anonymousCrossOriginWriteGets401() throws Exception {
            HttpResponse<String> response = send(client(), post("/api/ping", "{}")
                    .header("Origin", "http://evil.example"));

            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    /** The default, without truthline.dicomweb.allowed-origins. DicomwebCorsTest covers configured origins. */
    @Nested
    class DicomwebWithoutAllowedOrigins {

        private static final String VIEWER = "http://viewer.example:3000";

        @Test
        void preflightGetsNoCorsHeaders() throws Exception {
            HttpResponse<String> response = send(client(), get("/dicomweb/studies").header("Origin", VIEWER)
                    .header("Access-Control-Request-Method", "GET")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void getFromOtherOriginGetsNoCorsHeaders() throws Exception {
            HttpResponse<String> response = send(client(), basic(get("/dicomweb/studies"), "lead")
                    .header("Origin", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> formLogin(HttpClient client, String user) throws Exception {
        send(client, get("/login"));
        String form = formBody(Map.of("username", user, "password", user));
        return send(client, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Adds the XSRF token that Camunda's CSRF filter sets as a cookie on a webapp page request. */
    private HttpRequest.Builder xsrf(HttpClient client, HttpRequest.Builder request) throws Exception {
        send(client, get("/camunda/app/tasklist/default/"));
        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Camunda set no XSRF-TOKEN cookie"));
        return request.header("X-XSRF-TOKEN", token);
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private String ownOrigin() {
        return "http://localhost:" + port;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user) {
        return basic(request, user, user);
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
