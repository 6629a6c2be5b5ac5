package dev.masker.adapters.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Masker's only HTTP connection selector: Helidon's HTTP/1.1 connection, which also serves an HTTP/1.0 request.
 *
 * <p>Helidon 4.5 answers HTTP/1.0 with 505 and has no setting to accept it, while nginx proxies with HTTP/1.0 unless told
 * otherwise. So the first request line of each connection is read before Helidon sees it: an {@code HTTP/1.0} request
 * is handed on as HTTP/1.1 with {@code Connection: close}, which is how HTTP/1.0 treats a connection by default. The
 * answer is an HTTP/1.1 one (RFC 9110 §6.2 lets a server answer with its own version), and it ends the connection, so
 * no second request can follow on it. An HTTP/1.0 request without {@code Host} (which HTTP/1.0 does not require) is
 * given the listener's own address.
 */
public final class Http10ConnectionSelector implements ServerConnectionSelector {
    private static final byte[] HTTP_1_0 = " HTTP/1.0\r".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_1_1 = "HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Http1ConnectionSelector http1;
    private final int maxHead;

    public Http10ConnectionSelector(Http1Config config) {
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
        this.maxHead = config.maxPrologueLength() + config.maxHeadersSize();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        // The only selector: every connection is HTTP/1.x, as with Helidon's own.
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return http1.connection(new FirstLineContext(ctx, maxHead));
    }

    /** Whether the bytes hold a complete first line that names HTTP/1.0. */
    static boolean isHttp10(byte[] start) {
        int lineFeed = indexOf(start, (byte) '\n');
        return lineFeed >= HTTP_1_0.length
                && Arrays.equals(start, lineFeed - HTTP_1_0.length, lineFeed, HTTP_1_0, 0, HTTP_1_0.length);
    }

    /**
     * The first bytes of a connection whose first line names HTTP/1.0 (and which hold its whole header block) turned
     * into an HTTP/1.1 request that closes the connection, with {@code Host} set to {@code host} when it has none.
     */
    static byte[] asHttp11(byte[] start, String host) {
        int lineFeed = indexOf(start, (byte) '\n');
        String head = new String(start, 0, start.length, StandardCharsets.ISO_8859_1);
        int headEnd = head.indexOf("\r\n\r\n");
        boolean hasHost = (headEnd < 0 ? head : head.substring(0, headEnd))
                .toLowerCase(Locale.ROOT)
                .contains("\nhost:");
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(start.length + 64);
        int version = lineFeed - HTTP_1_0.length + 1;
        rewritten.write(start, 0, version);
        rewritten.writeBytes(HTTP_1_1);
        rewritten.write(start, version + HTTP_1_1.length, lineFeed + 1 - version - HTTP_1_1.length);
        rewritten.writeBytes(CLOSE);
        if (!hasHost) {
            rewritten.writeBytes(("Host: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        rewritten.write(start, lineFeed + 1, start.length - lineFeed - 1);
        return rewritten.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The connection as Helidon made it, but read through {@link #asHttp11} until its first line is complete. */
    private static final class FirstLineContext implements ConnectionContext {
        private final ConnectionContext delegate;
        private final DataReader reader;

        FirstLineContext(ConnectionContext delegate, int maxHead) {
            this.delegate = delegate;
            DataReader socket = delegate.dataReader();
            boolean[] first = {true};
            this.reader = DataReader.create(() -> {
                if (!first[0]) {
                    socket.ensureAvailable();
                    return socket.readBytes(socket.available());
                }
                first[0] = false;
                ByteArrayOutputStream start = new ByteArrayOutputStream();
                do {
                    socket.ensureAvailable();
                    start.writeBytes(socket.readBytes(socket.available()));
                } while (indexOf(start.toByteArray(), (byte) '\n') < 0 && start.size() <= maxHead);
                if (!isHttp10(start.toByteArray())) {
                    return start.toByteArray();
                }
                // An HTTP/1.0 request: its headers are read too, to know whether it names a Host.
                while (!new String(start.toByteArray(), StandardCharsets.ISO_8859_1).contains("\r\n\r\n")
                        && start.size() <= maxHead) {
                    socket.ensureAvailable();
                    start.writeBytes(socket.readBytes(socket.available()));
                }
                return asHttp11(
                        start.toByteArray(),
                        delegate.localPeer().host() + ":" + delegate.localPeer().port());
            });
        }

        @Override
        public ListenerContext listenerContext() {
            return delegate.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return delegate.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return delegate.dataWriter();
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public Router router() {
            return delegate.router();
        }

        @Override
        public Optional<ProxyProtocolData> proxyProtocolData() {
            return delegate.proxyProtocolData();
        }

        @Override
        public HelidonSocket serverSocket() {
            return delegate.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return delegate.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return delegate.localPeer();
        }

        @Override
        public boolean isSecure() {
            return delegate.isSecure();
        }

        @Override
        public String socketId() {
            return delegate.socketId();
        }

        @Override
        public String childSocketId() {
            return delegate.childSocketId();
        }
    }
}
