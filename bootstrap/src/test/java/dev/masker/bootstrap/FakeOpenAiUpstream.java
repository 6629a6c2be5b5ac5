package dev.masker.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake OpenAI chat-completions upstream for bootstrap's tests, on a random loopback port, speaking HTTP/1.1 from a raw
 * socket so it can also fail the ways a real one fails: drop a stream half-way, stall, or notice that its caller hung up.
 *
 * <p>It records every request body it receives. In {@link Behaviour#ECHO} it answers like OpenAI with the text of every
 * message it received, joined by newlines — so whatever tokens the proxy sent come back in the answer, for the proxy to
 * rehydrate: a {@code chat.completion}, or for {@code "stream": true} {@code chat.completion.chunk} events of 3, 11, 17
 * and 29 characters in turn ({@link #PIECES}: every token, 50 characters, is cut across chunks, at ever other places), a
 * last chunk with {@code finish_reason} and {@code usage}, and {@code data: [DONE]}.
 */
final class FakeOpenAiUpstream implements AutoCloseable {
    /** Characters of echoed text per streamed chunk, in turn: each shorter than any token, so every token is split. */
    private static final int[] PIECES = {3, 11, 17, 29};
    /** Fake PHI the upstream puts in its error body: none of it may reach a client, a log line or an audit row. */
    static final List<String> PHI_IN_ERROR = List.of("Rosalind Vantongeren", "QX-55104782");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNKS_BEFORE_BREAK = 3;
    private static final long TRICKLE_MILLIS = 50;
    private static final long TRICKLE_LIMIT_MILLIS = 30_000;

    /** How the upstream answers, set by the test before it sends. */
    enum Behaviour {
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

    private final ServerSocket server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final BlockingQueue<Instant> hangUps = new LinkedBlockingQueue<>();
    private volatile Behaviour behaviour = Behaviour.ECHO;

    FakeOpenAiUpstream() throws IOException {
        server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fake-openai-accept").start(this::acceptAll);
    }

    /** The value for {@code MASKER_UPSTREAM_OPENAI_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    /** Every request body received so far, in order of arrival. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** How many TCP connections the upstream accepted so far: a caller that reuses its connections opens few. */
    int connectionsAccepted() {
        return accepted.get();
    }

    /** When a {@link Behaviour#TRICKLE} answer found its caller gone, one entry per such answer. */
    BlockingQueue<Instant> hangUps() {
        return hangUps;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                connections.add(socket);
                Thread.ofVirtual().name("fake-openai-connection").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            // Each answer or event leaves in one flushed write, without Nagle's delay waiting on the caller's delayed ACK.
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (String body = readBody(in); body != null; body = readBody(in)) {
                bodies.add(body);
                if (!answer(body, in, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The caller went away, or the test closed the upstream: nothing more to answer.
        } finally {
            connections.remove(socket);
        }
    }

    /** Answers one request; false when the connection must close afterwards. */
    private boolean answer(String body, InputStream in, OutputStream out) throws IOException, InterruptedException {
        JsonNode request = JSON.readTree(body);
        String echo = echo(request);
        boolean stream = request.path("stream").asBoolean(false);
        switch (behaviour) {
            case ECHO -> {
                if (stream) {
                    streamEcho(out, echo, Integer.MAX_VALUE);
                } else {
                    whole(out, 200, JSON.writeValueAsString(completion(echo)));
                }
                return true;
            }
            case FAIL -> {
                whole(out, 500, "{\"error\":{\"message\":\"internal failure for patient " + PHI_IN_ERROR.get(0) + ", MRN "
                        + PHI_IN_ERROR.get(1) + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
                return true;
            }
            case STALL -> {
                // Wait for the caller to give up: its close shows as the end of the input.
                in.transferTo(OutputStream.nullOutputStream());
                return false;
            }
            case BREAK_MID_STREAM -> {
                streamEcho(out, echo, CHUNKS_BEFORE_BREAK);
                return false;
            }
            case TRICKLE -> {
                trickle(out, echo);
                return false;
            }
            default -> throw new IllegalStateException(behaviour.name());
        }
    }

    private void trickle(OutputStream out, String echo) throws InterruptedException {
        long until = System.currentTimeMillis() + TRICKLE_LIMIT_MILLIS;
        try {
            startStream(out);
            for (int i = 0; System.currentTimeMillis() < until; i++) {
                event(out, JSON.writeValueAsString(chunk(String.valueOf(echo.charAt(i % echo.length())), null)));
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
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putNull("logprobs");
        choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal");
        usage(answer, text);
        return answer;
    }

    private static ObjectNode chunk(String text, String finishReason) {
        ObjectNode chunk = envelope("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
        choice.putNull("logprobs");
        ObjectNode delta = choice.putObject("delta");
        if (text != null) {
            delta.put("content", text);
        }
        return chunk;
    }

    private static ObjectNode envelope(String object) {
        ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", object)
                .put("created", 1_764_201_600L).put("model", "gpt-4o-mini-2024-07-18");
        answer.putNull("system_fingerprint");
        return answer;
    }

    private static void usage(ObjectNode answer, String text) {
        answer.putObject("usage").put("prompt_tokens", text.length()).put("completion_tokens", text.length())
                .put("total_tokens", 2 * text.length());
    }

    /** Streams the echo in pieces, at most {@code limit} chunks; when all fit, a last chunk with usage and [DONE]. */
    private static void streamEcho(OutputStream out, String echo, int limit) throws IOException {
        startStream(out);
        int chunks = 0;
        for (int at = 0; at < echo.length(); chunks++) {
            if (chunks == limit) {
                return;
            }
            int end = Math.min(echo.length(), at + PIECES[chunks % PIECES.length]);
            event(out, JSON.writeValueAsString(chunk(echo.substring(at, end), null)));
            at = end;
        }
        ObjectNode last = chunk(null, "stop");
        usage(last, echo);
        event(out, JSON.writeValueAsString(last));
        event(out, "[DONE]");
        writeAscii(out, "0\r\n\r\n");
        out.flush();
    }

    private static void startStream(OutputStream out) throws IOException {
        writeAscii(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
    }

    /** One {@code data:} event as one HTTP chunk, flushed. */
    private static void event(OutputStream out, String data) throws IOException {
        byte[] bytes = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void writeAscii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void whole(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        writeAscii(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n");
        out.write(bytes);
        out.flush();
    }

    /** Reads one request's head and its Content-Length body; null at the end of the connection. */
    private static String readBody(InputStream in) throws IOException {
        int length = -1;
        boolean first = true;
        for (String line = readLine(in); line != null; line = readLine(in)) {
            if (line.isEmpty()) {
                if (first) {
                    continue;
                }
                if (length < 0) {
                    throw new IOException("the fake upstream reads Content-Length bodies only");
                }
                return new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            first = false;
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
