package org.truthline.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.truthline.project.NewProject;
import org.truthline.project.ProjectSummary;

/**
 * Checks what a DICOMweb pull takes from its configuration and from the PACS, against a mock PACS on loopback
 * whose QIDO-RS search returns a Study Instance UID that is not a UID.
 */
class DicomwebPullInputTest extends DicomwebTestBase {

    @Autowired
    DicomwebPullService pulls;
    @Autowired
    ProjectDicomwebUrls urls;

    private HttpServer pacs;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startMockPacs() throws IOException {
        pacs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pacs.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getRawPath());
            byte[] body = "[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"../../etc\"]}}]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/dicom+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        pacs.start();
    }

    @AfterEach
    void stopMockPacs() {
        pacs.stop(0);
    }

    private ProjectSummary project(String name) {
        return projects.create(new NewProject(name, null, "finding-severity", 2, 0.0, 0), "lead");
    }

    @Test
    void searchResultWithInvalidUid_isNotRetrieved() {
        ProjectSummary project = project("Pull from a PACS answering a bad UID");
        urls.assign(project.id(), "http://127.0.0.1:" + pacs.getAddress().getPort() + "/dicom-web");

        assertThatThrownBy(() -> pulls.pull(project.id(), new PullRequest(null, "X", null), "lead"))
                .isInstanceOf(DicomwebPullException.class)
                .hasMessageContaining("'../../etc'")
                .hasMessageContaining("not a valid DICOM UID");
        assertThat(requested).as("paths the mock PACS received").containsExactly("/dicom-web/studies");
    }

    @Test
    void urlWithCredentials_isRejectedWithoutEchoingThem() {
        ProjectSummary project = project("PACS URL with credentials");

        assertThatThrownBy(() -> urls.assign(project.id(), "http://pacsuser:s3cretpw@127.0.0.1:8042/dicom-web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("s3cretpw");
        assertThat(urls.get(project.id())).isEmpty();
    }
}
