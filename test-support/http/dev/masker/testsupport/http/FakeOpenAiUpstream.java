package dev.masker.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A fake OpenAI-compatible chat-completions upstream on a random loopback port, speaking HTTP/1.1 from a raw socket
 * ({@link RawHttpServer}) so that a test controls every byte and every flush — when headers go out, where a chunk is
 * cut, how long it pauses — and the upstream can fail the ways a real one fails: drop a stream half-way, stall, or
 * notice that its caller hung up. It records every request it received.
 *
 * <p>A test either scripts every answer itself ({@link #FakeOpenAiUpstream(Script)}) or lets the upstream answer as one
 * of its {@link Behaviour}s, switched at will ({@link #FakeOpenAiUpstream()}, {@link #behave}). In
 * {@link Behaviour#ECHO} it answers like OpenAI with the text of every message it received, joined by newlines — so
 * whatever tokens the proxy sent come back in the answer, for the proxy to rehydrate: a {@code chat.completion}, or for
 * {@code "stream": true} {@code chat.completion.chunk} events of 3, 11, 17 and 29 characters in turn ({@link #PIECES}:
 * every token, 50 characters, is cut across chunks, at ever other places), a last chunk with {@code finish_reason} and
 * {@code usage}, and {@code data: [DONE]}.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {
    /** Characters of echoed text per streamed chunk, in turn: each shorter than any token, so every token is split. */
    private static final int[] PIECES = {3, 11, 17, 29};
    /** Fake PHI the upstream puts in its error body: none of it may reach a client, a log line or an audit row. */
    public static final List<String> PHI_IN_ERROR = List.of("Rosalind Vantongeren", "QX-55104782");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNKS_BEFORE_BREAK = 3;
    private static final long TRICKLE_MILLIS = 50;
    private static final long TRICKLE_LIMIT_MILLIS = 30_000;

    /** What one test makes the upstream answer. */
    @FunctionalInterface
    public interface Script {
        void answer(Received request, Reply reply) throws IOException, InterruptedException;
    }

    /** How the upstream answers when no script is given, set by the test before it sends. */
    public enum Behaviour {
        /** Answers with the received text, whole or streamed. */
        ECHO,
        /** Answers 500 with an OpenAI-shaped error body holding {@link #PHI_IN_ERROR}. */
        FAIL,
        /** Reads the request and says nothing until the connection is closed (by the caller or by {@link #close()}). */
        STALL,
        /** Streams the first few echoed chunks, then closes the connection without ending the stream. */
        BREAK_MID_STREAM,
        /** Streams an echoed chunk every 50 ms, without end, until a write fails: the caller hung up. */
        TRICKLE
    }

    /** One request as the upstream received it; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
        static Received of(RawHttpServer.Request request) {
            String body = new String(request.body(), StandardCharsets.UTF_8);
            return new Received(request.method(), request.path(), request.headers(), body);
        }
    }

    private final RawHttpServer server;
    /** Counted down when a read or write fails: the client closed the connection. */
    public final CountDownLatch sawDisconnect;

    private final BlockingQueue<Instant> hangUps = new LinkedBlockingQueue<>();
    private volatile Behaviour behaviour = Behaviour.ECHO;

    /** An upstream answering as its {@link Behaviour} says, {@link Behaviour#ECHO} until the test says otherwise. */
    public FakeOpenAiUpstream() throws IOException {
        this(null);
    }

    /** An upstream answering every request as the script says. */
    public FakeOpenAiUpstream(Script script) throws IOException {
        Script answering = script != null ? script : this::answerAsBehaving;
        this.server = new RawHttpServer("fake-upstream", (request, out) -> {
            Reply reply = new Reply(out);
            answering.answer(Received.of(request), reply);
            return reply.closeAfter;
        });
        this.sawDisconnect = server.sawDisconnect;
    }

    /** The base URL to configure ({@code MASKER_UPSTREAM_OPENAI_BASE_URL}), e.g. {@code http://127.0.0.1:4711/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1");
    }

    /** Switches how the upstream answers from the next request on; for an upstream without a script. */
    public void behave(Behaviour next) {
        behaviour = next;
    }

    /** Every request received so far, in order of arrival. */
    public List<Received> received() {
        return server.received().stream().map(Received::of).toList();
    }

    /** Every request body received so far, in order of arrival. */
    public List<String> bodies() {
        return received().stream().map(Received::body).toList();
    }

    /** How many TCP connections the upstream accepted so far: a caller that reuses its connections opens few. */
    public int connectionsAccepted() {
        return server.connectionsAccepted();
    }

    /** When a {@link Behaviour#TRICKLE} answer found its caller gone, one entry per such answer. */
    public BlockingQueue<Instant> hangUps() {
        return hangUps;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void answerAsBehaving(Received request, Reply reply) throws IOException, InterruptedException {
        JsonNode body = JSON.readTree(request.body());
        String echo = echo(body);
        boolean stream = body.path("stream").asBoolean(false);
        switch (behaviour) {
            case ECHO -> {
                if (stream) {
                    streamEcho(reply, echo, Integer.MAX_VALUE);
                } else {
                    reply.send(200, "application/json", JSON.writeValueAsString(completion(echo)));
                }
            }
            case FAIL ->
                reply.send(
                        500,
                        "application/json",
                        "{\"error\":{\"message\":\"internal failure for patient "
                                + PHI_IN_ERROR.get(0) + ", MRN " + PHI_IN_ERROR.get(1)
                                + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
            case STALL -> {
                // Say nothing: the server goes on reading the connection, which ends when the caller gives up.
            }
            case BREAK_MID_STREAM -> {
                streamEcho(reply, echo, CHUNKS_BEFORE_BREAK);
                reply.closeAfter();
            }
            case TRICKLE -> {
                trickle(reply, echo);
                reply.closeAfter();
            }
            default -> throw new IllegalStateException(behaviour.name());
        }
    }

    private void trickle(Reply reply, String echo) throws InterruptedException {
        long until = System.currentTimeMillis() + TRICKLE_LIMIT_MILLIS;
        try {
            reply.startStream();
            for (int i = 0; System.currentTimeMillis() < until; i++) {
                event(reply, JSON.writeValueAsString(chunk(String.valueOf(echo.charAt(i % echo.length())), null)));
                Thread.sleep(TRICKLE_MILLIS);
            }
        } catch (IOException e) {
            hangUps.add(Instant.now());
        }
    }

    /** The text of every message, joined by newlines: string contents and the text of content parts. */
    private static String echo(JsonNode request) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                texts.add(content.asText());
            }
            content.findValues("text").forEach(text -> texts.add(text.asText()));
        }
        return String.join("\n", texts);
    }

    private static ObjectNode completion(String text) {
        ObjectNode answer = envelope("chat.completion");
        ObjectNode choice =
                answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", text)
                .putNull("refusal");
        usage(answer, text);
        return answer;
    }

    private static ObjectNode chunk(String text, String finishReason) {
        ObjectNode chunk = envelope("chat.completion.chunk");
        ObjectNode choice =
                chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putNull("logprobs");
        ObjectNode delta = choice.putObject("delta");
        if (text != null) {
            delta.put("content", text);
        }
        return chunk;
    }

    private static ObjectNode envelope(String object) {
        ObjectNode answer = JSON.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", object)
                .put("created", 1_764_201_600L)
                .put("model", "gpt-4o-mini-2024-07-18");
        answer.putNull("system_fingerprint");
        return answer;
    }

    private static void usage(ObjectNode answer, String text) {
        answer.putObject("usage")
                .put("prompt_tokens", text.length())
                .put("completion_tokens", text.length())
                .put("total_tokens", 2 * text.length());
    }

    /** Streams the echo in pieces, at most {@code limit} chunks; when all fit, a last chunk with usage and [DONE]. */
    private static void streamEcho(Reply reply, String echo, int limit) throws IOException {
        reply.startStream();
        int chunks = 0;
        for (int at = 0; at < echo.length(); chunks++) {
            if (chunks == limit) {
                return;
            }
            int end = Math.min(echo.length(), at + PIECES[chunks % PIECES.length]);
            event(reply, JSON.writeValueAsString(chunk(echo.substring(at, end), null)));
            at = end;
        }
        ObjectNode last = chunk(null, "stop");
        usage(last, echo);
        event(reply, JSON.writeValueAsString(last));
        event(reply, "[DONE]");
        reply.endStream();
    }

    /** One {@code data:} event as one HTTP chunk. */
    private static void event(Reply reply, String data) throws IOException {
        reply.chunk("data: " + data + "\n\n");
    }

    /** Writes one answer, byte for byte; each call leaves in one write, flushed. */
    public static final class Reply {
        private final OutputStream out;
        private boolean closeAfter;

        Reply(OutputStream out) {
            this.out = out;
        }

        /** A whole answer with a Content-Length. */
        public void send(int status, String contentType, String body) throws IOException {
            byte[] head = ("HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            write(head, body.getBytes(StandardCharsets.UTF_8));
        }

        /** The headers of a chunked event stream. */
        public void startStream() throws IOException {
            write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                            + "Cache-Control: no-cache\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }

        /** The text's bytes as one HTTP chunk: the client may read them in one piece or several. */
        public void chunk(String text) throws IOException {
            chunk(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The bytes as one HTTP chunk. */
        public void chunk(byte[] bytes) throws IOException {
            write(
                    (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII),
                    bytes,
                    "\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        /** The last, empty chunk. */
        public void endStream() throws IOException {
            write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        /** Sends the answer's start and nothing more, then closes: the client waits until its limit. */
        public void stall(long millis) throws InterruptedException {
            closeAfter = true;
            Thread.sleep(millis);
        }

        /** Closes the connection once this answer is written. */
        public void closeAfter() {
            closeAfter = true;
        }

        private void write(byte[]... parts) throws IOException {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            out.write(all);
            out.flush();
        }
    }
}
