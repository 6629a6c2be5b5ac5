package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A flood of idle connections against a process with few file descriptors (issue 12): Helidon's listener used to die on
 * "Too many open files" and leave the port closed while the process lived on.
 */
class ConnectionFloodIT {
    private static final int DESCRIPTOR_LIMIT = 512;
    private static final int FLOOD = 700;

    @Test
    void givenMoreIdleConnectionsThanDescriptors_flood_listenerKeepsAnsweringAndClosesIdleOnes() throws Exception {
        assumeTrue(MaskerProcess.canLimitDescriptors(), "prlimit is needed to lower the child's descriptor limit");
        try (MaskerProcess masker = MaskerProcess.start(DESCRIPTOR_LIMIT, Map.of("MASKER_IDLE_TIMEOUT_SECONDS", "2"))) {
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < FLOOD; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", masker.port()), 5_000);
                    flood.add(socket);
                }
                // The first connections are the ones the listener took; idle, they are closed by the server.
                Socket first = flood.get(0);
                first.setSoTimeout(10_000);
                assertEquals(
                        -1, readQuietly(first.getInputStream()), "an idle connection is closed after the idle timeout");
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }

            assertEquals("HTTP/1.1 200 OK", statusLine(masker.port()), masker.output());
            assertFalse(masker.output().contains("server socket is terminating"), masker.output());
        }
    }

    private static int readQuietly(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    /** The status line of {@code GET /health} on a new connection, waiting up to 20 s for the backlog to drain. */
    static String statusLine(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: masker\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            // Only the status line: Helidon 4.5 keeps the connection open after answering "Connection: close".
            StringBuilder line = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.isEmpty() ? "(no answer)" : line.toString();
        }
    }
}
