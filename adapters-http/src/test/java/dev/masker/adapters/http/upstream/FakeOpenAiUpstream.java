package dev.masker.adapters.http.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A fake OpenAI-compatible upstream on a random loopback port, speaking HTTP/1.1 from a raw socket so that a test controls
 * every byte and every flush: when headers go out, where a chunk is cut, how long it pauses, and whether it notices that
 * the client hung up. It records every request it received.
 */
final class FakeOpenAiUpstream implements AutoCloseable {
    /** What one test makes the upstream answer. */
    @FunctionalInterface
    interface Script {
        void answer(Received request, Reply reply) throws IOException, InterruptedException;
    }

    /** One request as the upstream received it; header names in lower case. */
    record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    /** Counted down when a write to the client fails: the client closed the connection. */
    final CountDownLatch sawDisconnect = new CountDownLatch(1);

    FakeOpenAiUpstream(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-upstream-accept").start(this::accept);
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:4711/v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    List<Received> received() {
        return received;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread.ofVirtual().name("fake-upstream-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = readRequest(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                Reply reply = new Reply(out);
                script.answer(request, reply);
                if (reply.closeAfter) {
                    return;
                }
            }
        } catch (IOException e) {
            sawDisconnect.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Received readRequest(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        return new Received(parts[0], parts[1], headers, body);
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

    /** Writes one answer, byte for byte, flushing after every call. */
    static final class Reply {
        private final OutputStream out;
        private boolean closeAfter;

        Reply(OutputStream out) {
            this.out = out;
        }

        /** A whole answer with a Content-Length. */
        void send(int status, String contentType, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n");
            out.write(bytes);
            out.flush();
        }

        /** The headers of a chunked event stream. */
        void startStream() throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                    + "Cache-Control: no-cache\r\n\r\n");
        }

        /** The text's bytes as one HTTP chunk, flushed: the client may read them in one piece or several. */
        void chunk(String text) throws IOException {
            chunk(text.getBytes(StandardCharsets.UTF_8));
        }

        void chunk(byte[] bytes) throws IOException {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void endStream() throws IOException {
            write("0\r\n\r\n");
        }

        /** Sends the answer's start and nothing more, then closes: the client waits until its limit. */
        void stall(long millis) throws InterruptedException {
            closeAfter = true;
            Thread.sleep(millis);
        }

        void closeAfter() {
            closeAfter = true;
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
