package org.truthline.intake.scp;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.truthline.dicom.DicomToolkit;
import org.truthline.intake.ImportJob;

/**
 * The C-STORE receiver: listens on {@code truthline.scp.port}, routes each association by its called AE title
 * (see {@link ProjectAeTitles}), lets PixelMed's {@link StorageSOPClassSCP} receive the objects into a spool
 * folder, and when the association ends imports what arrived as one job (source "C-STORE from &lt;calling
 * AE&gt;", user {@value #IMPORT_USER}). An association whose called AE title routes to no project is rejected
 * with reason 7, called AE title not recognized.
 *
 * <p>Verification (C-ECHO) succeeds on any routed AE title. C-FIND, C-MOVE and C-GET are not offered.
 */
@Component
@ConditionalOnProperty(name = "truthline.scp.enabled", havingValue = "true")
public class StorageScp implements SmartLifecycle {

    static final String IMPORT_USER = "truthline-scp";

    private static final Logger log = LoggerFactory.getLogger(StorageScp.class);

    /** Time a peer has to send its A-ASSOCIATE-RQ after connecting. */
    private static final int ASSOCIATE_REQUEST_TIMEOUT_MILLIS = 30_000;
    private static final int MAXIMUM_PDU_LENGTH_RECEIVED = 16384;
    private static final int SOCKET_BUFFER_BYTES = 65536;

    private final ScpProperties properties;
    private final ProjectAeTitles routing;
    private final ImportSpool spool;
    private final StoragePresentationContextPolicy policy;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();

    private volatile ServerSocket serverSocket;
    private ExecutorService associations;
    private Thread acceptor;

    public StorageScp(ScpProperties properties, ProjectAeTitles routing, ImportSpool spool, DicomToolkit dicom) {
        this.properties = properties;
        this.routing = routing;
        this.spool = spool;
        this.policy = new StoragePresentationContextPolicy(dicom::canDecode);
        List<String> rejected = StoragePresentationContextPolicy.CANDIDATE_TRANSFER_SYNTAXES.stream()
                .filter(uid -> !policy.acceptedTransferSyntaxes().contains(uid)).sorted()
                .map(dicom::describeTransferSyntax).toList();
        if (!rejected.isEmpty()) {
            log.warn("C-STORE receiver rejects {} at negotiation because no decoder for them is installed; senders "
                    + "must decompress such images or send them in an accepted transfer syntax", rejected);
        }
    }

    @Override
    public synchronized void start() {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            String bindAddress = properties.bindAddress();
            InetAddress address = bindAddress == null || bindAddress.isBlank() ? null
                    : InetAddress.getByName(bindAddress.strip());
            server.bind(new InetSocketAddress(address, properties.port()));
            serverSocket = server;
        } catch (IOException e) {
            throw new IllegalStateException("C-STORE receiver cannot listen on port " + properties.port()
                    + "; free the port or change truthline.scp.port.", e);
        }
        associations = Executors.newFixedThreadPool(Math.max(1, properties.maxAssociations()), r -> {
            Thread thread = new Thread(r, "truthline-scp-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        acceptor = new Thread(this::acceptConnections, "truthline-scp-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("C-STORE receiver {} listening on {}", properties.aeTitle(), serverSocket.getLocalSocketAddress());
    }

    @Override
    public synchronized void stop() {
        ServerSocket server = serverSocket;
        if (server == null) {
            return;
        }
        serverSocket = null;
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Closing the C-STORE receiver's server socket failed", e);
        }
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        associations.shutdownNow();
        log.info("C-STORE receiver stopped");
    }

    @Override
    public boolean isRunning() {
        return serverSocket != null;
    }

    /** Returns the port actually listened on, which differs from the setting when that is 0. */
    public int port() {
        ServerSocket server = serverSocket;
        if (server == null) {
            throw new IllegalStateException("The C-STORE receiver is not running");
        }
        return server.getLocalPort();
    }

    private void acceptConnections() {
        ServerSocket server = serverSocket;
        while (server != null && !server.isClosed()) {
            try {
                Socket socket = server.accept();
                openSockets.add(socket);
                associations.submit(() -> serve(socket));
            } catch (SocketException e) {
                if (!server.isClosed()) {
                    log.error("C-STORE receiver stopped accepting connections", e);
                }
                return;
            } catch (IOException e) {
                log.warn("Accepting a C-STORE connection failed; waiting for the next one", e);
            }
        }
    }

    private void serve(Socket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try (socket) {
            socket.setSoTimeout(ASSOCIATE_REQUEST_TIMEOUT_MILLIS);
            AssociationRequest request = AssociationRequest.read(socket.getInputStream());
            Optional<Long> projectId = routing.route(request.calledAeTitle());
            if (projectId.isEmpty()) {
                reject(socket, request, peer);
                return;
            }
            receive(socket, request, projectId.get(), peer);
        } catch (IOException | DicomException | DicomNetworkException | RuntimeException e) {
            log.warn("C-STORE association from {} failed", peer, e);
        } finally {
            openSockets.remove(socket);
        }
    }

    private void reject(Socket socket, AssociationRequest request, String peer) throws IOException {
        log.warn("Rejected association from {} (calling AE '{}'): called AE title '{}' routes to no project; "
                + "give a project that AE title, or set truthline.scp.default-project and call '{}'",
                peer, request.callingAeTitle(), request.calledAeTitle(), properties.aeTitle());
        OutputStream out = socket.getOutputStream();
        out.write(AssociationRequest.calledAeTitleNotRecognized());
        out.flush();
    }

    private void receive(Socket socket, AssociationRequest request, long projectId, String peer)
            throws IOException, DicomException, DicomNetworkException {
        String source = "C-STORE from " + request.callingAeTitle();
        Path folder = spool.newFolder(ImportSpool.C_STORE, projectId, source, IMPORT_USER);
        ReceivedFiles received = new ReceivedFiles(folder);
        log.info("Association from {} (calling AE '{}', called AE '{}') accepted for project {}", peer,
                request.callingAeTitle(), request.calledAeTitle(), projectId);
        try {
            new StorageSOPClassSCP(new ReplayingSocket(socket, request.pdu()), request.calledAeTitle(),
                    MAXIMUM_PDU_LENGTH_RECEIVED, SOCKET_BUFFER_BYTES, SOCKET_BUFFER_BYTES, folder.toFile(),
                    new SafeStoredFilePathStrategy(), received, null, null, null, null, policy)
                    .run();
        } finally {
            importReceived(received, folder, projectId, source);
        }
    }

    /** Imports whatever arrived complete, also when the association was aborted halfway. */
    private void importReceived(ReceivedFiles received, Path folder, long projectId, String source) {
        List<Path> files = received.files();
        if (files.isEmpty()) {
            spool.delete(folder);
            return;
        }
        ImportJob job = spool.importFiles(projectId, folder, files, source, IMPORT_USER);
        log.info("Association ({}) ended with {} object(s); import {} started for project {}", source,
                files.size(), job.id(), projectId);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing C-STORE connection {} failed", socket, e);
        }
    }
}
