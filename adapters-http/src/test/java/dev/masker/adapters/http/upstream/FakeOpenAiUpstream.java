package dev.masker.adapters.http.upstream;

import dev.masker.adapters.http.RawHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
        static Received of(RawHttpServer.Request request) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            return new Received(request.method(), request.path(), request.headers(), body);
        }
    }

    private final RawHttpServer server;
    /** Counted down when a read or write fails: the client closed the connection. */
    final CountDownLatch sawDisconnect;

    FakeOpenAiUpstream(Script script) throws IOException {
        this.server = new RawHttpServer("fake-upstream", (request, out) -> {
            Reply reply = new Reply(out);
            script.answer(Received.of(request), reply);
            return reply.closeAfter;
        });
        this.sawDisconnect = server.sawDisconnect;
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:4711/v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1");
    }

    List<Received> received() {
        return server.received().stream().map(Received::of).toList();
    }

    int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    @Override
    public void close() throws IOException {
        server.close();
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
