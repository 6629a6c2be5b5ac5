package dev.masker.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A test server on a random loopback port speaking HTTP/1.x from raw sockets, so that a test controls every byte of
 * every answer: it reads each request (request line, headers, a {@code Content-Length} body), records it, and hands it
 * with the connection's output to the test's handler, for as many requests as the connection carries, until the handler
 * asks for the close or the client hangs up.
 */
public final class RawHttpServer implements AutoCloseable {
    /** One request as the server received it; header names in lower case. */
    public record Request(String requestLine, Map<String, String> headers, byte[] body) {
        public String method() {
            return requestLine.split(" ")[0];
        }

        public String path() {
            return requestLine.split(" ")[1];
        }
    }

    /** Answers one request; whether the server then closes the connection. */
    @FunctionalInterface
    public interface Handler {
        boolean answer(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** Counted down when reading or writing a connection failed: the client closed it. */
    public final CountDownLatch sawDisconnect = new CountDownLatch(1);

    private final String name;
    private final Handler handler;
    private final ServerSocket server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    public RawHttpServer(String name, Handler handler) throws IOException {
        this.name = name;
        this.handler = handler;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name(name + "-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Request> received() {
        return received;
    }

    /** How many TCP connections the server accepted so far: a client that reuses its connections opens few. */
    public int connectionsAccepted() {
        return connections.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread.ofVirtual().name(name + "-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (Request request = readRequest(in); request != null; request = readRequest(in)) {
                received.add(request);
                if (handler.answer(request, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            sawDisconnect.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Request(requestLine, headers, in.readNBytes(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
