package dev.masker.adapters.http.vapi;

import dev.masker.testsupport.http.RawHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A clinic's endpoint (a configuration callback or a forward backend) on a random loopback port, answering from a raw
 * socket ({@link RawHttpServer}) so that a test controls every byte: the status line's HTTP version, the body's framing
 * (a {@code Content-Length}, chunks, or nothing but the connection's close), and whether the connection is closed after
 * the answer. A trickling endpoint sends the first {@value #TRICKLE_BYTES} bytes of an answer one at a time, each
 * flushed, so that a client must read across every boundary, and the rest in larger writes, so that a test can send more
 * than a size limit quickly; a prompt one sends the whole answer in one write and closes at once. It records every
 * request it received.
 */
final class FakeClinicEndpoint implements AutoCloseable {
    private static final int TRICKLE_BYTES = 4096;
    private static final int WRITE_BYTES = 64 * 1024;

    /** How an answer's body is framed, as the servers Masker meets frame it. */
    enum Framing {
        /** {@code HTTP/1.0} with a {@code Content-Length}; the server closes afterwards, as HTTP/1.0 does. */
        HTTP_1_0_CONTENT_LENGTH,
        /** {@code HTTP/1.0}, no {@code Content-Length}: the body ends when the server closes the connection. */
        HTTP_1_0_UNTIL_CLOSE,
        /** {@code HTTP/1.1} with {@code Connection: close}, neither a length nor chunks: the body ends at the close. */
        HTTP_1_1_UNTIL_CLOSE,
        /** As {@link #HTTP_1_1_UNTIL_CLOSE}, with a status line without a reason phrase ({@code HTTP/1.1 200}). */
        HTTP_1_1_UNTIL_CLOSE_NO_REASON,
        /** {@code HTTP/1.1} chunks; the connection stays open for the next request. */
        HTTP_1_1_CHUNKED,
        /** {@code HTTP/1.1} with a {@code Content-Length}; the connection stays open for the next request. */
        HTTP_1_1_KEEP_ALIVE;

        /** This framing's answer with the status and the JSON body. */
        Answer answer(int status, String body) {
            String raw = new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String json = "Content-Type: application/json\r\n";
            String length = "Content-Length: " + raw.length() + "\r\n";
            return switch (this) {
                case HTTP_1_0_CONTENT_LENGTH ->
                    new Answer("HTTP/1.0 " + status + " Status\r\n" + json + length + "\r\n", raw, true);
                case HTTP_1_0_UNTIL_CLOSE ->
                    new Answer("HTTP/1.0 " + status + " Status\r\n" + json + "\r\n", raw, true);
                case HTTP_1_1_UNTIL_CLOSE ->
                    new Answer("HTTP/1.1 " + status + " Status\r\n" + json + "Connection: close\r\n\r\n", raw, true);
                case HTTP_1_1_UNTIL_CLOSE_NO_REASON ->
                    new Answer("HTTP/1.1 " + status + "\r\n" + json + "Connection: close\r\n\r\n", raw, true);
                case HTTP_1_1_CHUNKED ->
                    new Answer(
                            "HTTP/1.1 " + status + " Status\r\n" + json + "Transfer-Encoding: chunked\r\n\r\n",
                            inChunks(raw),
                            false);
                case HTTP_1_1_KEEP_ALIVE ->
                    new Answer("HTTP/1.1 " + status + " Status\r\n" + json + length + "\r\n", raw, false);
            };
        }

        /** The body in chunks of 7 bytes, so that chunk boundaries fall inside the JSON's tokens. */
        private static String inChunks(String raw) {
            StringBuilder chunks = new StringBuilder();
            for (int start = 0; start < raw.length(); start += 7) {
                String chunk = raw.substring(start, Math.min(raw.length(), start + 7));
                chunks.append(Integer.toHexString(chunk.length()))
                        .append("\r\n")
                        .append(chunk)
                        .append("\r\n");
            }
            return chunks.append("0\r\n\r\n").toString();
        }
    }

    /**
     * What the endpoint sends for every request: the head (status line and headers, up to and with the empty line), the
     * body as raw bytes (ISO-8859-1 text, so that any byte can be written), and whether it then closes the connection.
     * An answer that neither closes nor says where its body ends leaves the client waiting for more.
     */
    record Answer(String head, String body, boolean close) {
        byte[] bytes() {
            return (head + body).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private final RawHttpServer server;
    private final boolean trickle;

    private FakeClinicEndpoint(Answer answer, boolean trickle) throws IOException {
        this.trickle = trickle;
        this.server = new RawHttpServer("fake-clinic", (request, out) -> {
            write(out, answer.bytes());
            return answer.close();
        });
    }

    /** An endpoint that sends its answers byte by byte at first. */
    static FakeClinicEndpoint trickling(Answer answer) throws IOException {
        return new FakeClinicEndpoint(answer, true);
    }

    /** An endpoint that sends each answer in one write, and closes (if it does) right after it. */
    static FakeClinicEndpoint prompt(Answer answer) throws IOException {
        return new FakeClinicEndpoint(answer, false);
    }

    /** The endpoint's URL, e.g. {@code http://127.0.0.1:4711/masker}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/masker");
    }

    List<RawHttpServer.Request> received() {
        return server.received();
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        int trickled = trickle ? Math.min(TRICKLE_BYTES, bytes.length) : 0;
        for (int i = 0; i < trickled; i++) {
            out.write(bytes[i]);
            out.flush();
        }
        for (int start = trickled; start < bytes.length; start += WRITE_BYTES) {
            out.write(bytes, start, Math.min(WRITE_BYTES, bytes.length - start));
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
