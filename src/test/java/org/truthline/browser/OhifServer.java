package org.truthline.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Serves a prebuilt OHIF Viewer ({@code @ohif/app}'s {@code dist} folder) on a loopback port, as a site would
 * behind its reverse proxy: the viewer's files, an {@code app-config.js} whose only data source is
 * {@code /dicomweb} on the same origin, and {@code /dicomweb/**} forwarded to Truthline with the browser's cookies.
 * The prebuilt viewer sends no credentials of its own, so Truthline gets the session of the user who signed in to
 * Truthline on the same host. Browsers send a host's cookies to all of its ports, as they do to all paths of one
 * site behind a proxy. Every forwarded request is recorded with its status.
 */
final class OhifServer implements AutoCloseable {

    /** One request forwarded to Truthline and the status it got. */
    record Forwarded(String pathAndQuery, String accept, int status) {
    }

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("wasm", "application/wasm"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path dist;
    private final URI truthline;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();

    /**
     * @param dist       the viewer's {@code dist} folder, holding {@code index.html}
     * @param truthline  Truthline's base address on loopback, such as {@code http://localhost:8080}
     */
    OhifServer(Path dist, URI truthline) throws IOException {
        this.dist = dist.toAbsolutePath().normalize();
        this.truthline = truthline;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** Returns the viewer's address, such as {@code http://localhost:41234}, on the host name the tests sign in on. */
    String address() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/dicomweb/") || path.equals("/dicomweb")) {
                forward(exchange);
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/app-config.js")) {
                send(exchange, 200, CONTENT_TYPES.get("js"), appConfig().getBytes(StandardCharsets.UTF_8));
            } else {
                serveFile(exchange, path);
            }
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain; charset=utf-8", "GET only".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        HttpRequest.Builder request = HttpRequest.newBuilder(truthline.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60)).GET();
        for (String header : List.of("Accept", "Cookie")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + pathAndQuery, e);
        }
        forwarded.add(new Forwarded(pathAndQuery, accept, response.statusCode()));
        send(exchange, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/octet-stream"), response.body());
    }

    /** Serves a file of the viewer, or its {@code index.html} for the viewer's own routes such as {@code /viewer}. */
    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Path file = dist.resolve(path.substring(1)).normalize();
        if (!file.startsWith(dist) || !Files.isRegularFile(file)) {
            file = dist.resolve("index.html");
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        send(exchange, 200, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"),
                Files.readAllBytes(file));
    }

    /** Builds the viewer's configuration, with Truthline's DICOMweb on this origin as the only data source. */
    private String appConfig() {
        String root = address() + "/dicomweb";
        return """
                window.config = {
                  routerBasename: null,
                  extensions: [],
                  modes: [],
                  showStudyList: true,
                  maxNumberOfWebWorkers: 2,
                  showWarningMessageForCrossOrigin: false,
                  showCPUFallbackMessage: false,
                  showLoadingIndicator: true,
                  defaultDataSourceName: 'truthline',
                  dataSources: [{
                    namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
                    sourceName: 'truthline',
                    configuration: {
                      friendlyName: 'Truthline',
                      name: 'truthline',
                      wadoUriRoot: '%1$s',
                      qidoRoot: '%1$s',
                      wadoRoot: '%1$s',
                      qidoSupportsIncludeField: true,
                      imageRendering: 'wadors',
                      thumbnailRendering: 'wadors',
                      enableStudyLazyLoad: true,
                      supportsFuzzyMatching: false,
                      supportsWildcard: true,
                      omitQuotationForMultipartRequest: true,
                    },
                  }],
                };
                """.formatted(root);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
