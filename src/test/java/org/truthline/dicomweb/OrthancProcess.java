package org.truthline.dicomweb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.truthline.intake.scp.TestPeers;

/**
 * A throw-away Orthanc PACS with the DICOMweb plugin, listening on 127.0.0.1 only, with its storage, index and
 * log in a temporary folder. Stopped by its process id.
 */
final class OrthancProcess implements AutoCloseable {

    static final Path PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final int httpPort;
    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrthancProcess(Process process, int httpPort, Path folder) {
        this.process = process;
        this.httpPort = httpPort;
        this.folder = folder;
    }

    /** Starts Orthanc and waits until its REST API responds; skips the test when Orthanc or the plugin is absent. */
    static OrthancProcess start() throws IOException, InterruptedException {
        return start("{}");
    }

    /**
     * Starts Orthanc with remote DICOMweb servers it may query and retrieve from, given as the JSON object of its
     * {@code DicomWeb.Servers} setting.
     */
    static OrthancProcess start(String dicomwebServers) throws IOException, InterruptedException {
        Path orthanc = TestPeers.executable("/usr/sbin/Orthanc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(PLUGIN),
                "Orthanc's DICOMweb plugin is not installed at " + PLUGIN + "; install orthanc-dicomweb");
        Path folder = Files.createTempDirectory("truthline-orthanc");
        int httpPort = freePort();
        int dicomPort = freePort();
        String config = """
                {
                  "Name": "truthline-test",
                  "HttpPort": %d,
                  "DicomPort": %d,
                  "DicomAet": "ORTHANCTEST",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "HttpDescribeErrors": true,
                  "Plugins": ["%s"],
                  "DicomWeb": {"Enable": true, "Root": "/dicom-web/", "Host": "127.0.0.1:%d", "Servers": %s}
                }
                """.formatted(httpPort, dicomPort, folder.resolve("storage"), folder.resolve("index"), PLUGIN, httpPort,
                dicomwebServers);
        Path configFile = folder.resolve("orthanc.json");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(orthanc.toString(), "--logdir=" + folder, configFile.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
        OrthancProcess started = new OrthancProcess(process, httpPort, folder);
        started.awaitReady();
        return started;
    }

    String dicomwebUrl() {
        return "http://127.0.0.1:" + httpPort + "/dicom-web";
    }

    /**
     * Sends a POST with a JSON body to Orthanc's REST API and returns the response. The request gets a connection
     * of its own: a POST on a connection kept alive from an earlier request once failed with "HTTP/1.1 header
     * parser received no bytes", and HttpClient does not retry a POST.
     */
    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return fresh.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a GET to Orthanc's REST API and returns the response. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Returns the log Orthanc wrote to standard output, for failure messages. */
    String log() throws IOException {
        return Files.readString(folder.resolve("stdout.log"));
    }

    /** Stores one file through Orthanc's REST API ({@code POST /instances}). */
    void upload(Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/instances"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Orthanc rejected " + file + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/system"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited with code " + process.exitValue() + "; see "
                        + folder.resolve("stdout.log") + ":\n" + Files.readString(folder.resolve("stdout.log")));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("Orthanc did not answer GET /system within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops this Orthanc by its process id, forcibly after 10 s. */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
