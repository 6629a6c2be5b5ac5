package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What reaches Masker's port that no well-behaved client sends (issue 12): broken framing, bytes that are not UTF-8,
 * requests the web server refuses before any route. Raw sockets, since HTTP clients cannot send most of it.
 */
class HttpEdgeIT {
    private static final String ADMIN = "Authorization: Bearer " + RunningMasker.ADMIN_TOKEN + "\r\n";
    private static final Pattern REQUEST_ID = Pattern.compile("(?i)\r\nX-Request-Id: (req_[0-9A-Z]{26})\r\n");
    private static RunningMasker masker;

    @BeforeAll
    static void start() {
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    static void stop() {
        masker.close();
    }

    /** A status line, headers and body, as a raw socket read them until the server closed or went quiet. */
    record Answer(int status, String head, String body) {
        JsonNode error() {
            return RunningMasker.read(body).path("error");
        }

        boolean closes() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    private static Answer send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private static Answer send(byte[] request, boolean endOutput) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", masker.port()), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (endOutput) {
                socket.shutdownOutput();
            }
            byte[] buffer = new byte[65_536];
            StringBuilder text = new StringBuilder();
            try {
                int read;
                while ((read = socket.getInputStream().read(buffer)) > 0) {
                    text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (complete(text)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // Whatever came is the answer.
            } catch (IOException e) {
                // Reset by the server after its answer.
            }
            if (text.isEmpty()) {
                return new Answer(0, "", "");
            }
            int headEnd = text.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? text.toString() : text.substring(0, headEnd + 2);
            return new Answer(
                    Integer.parseInt(head.substring(9, 12)), head, headEnd < 0 ? "" : text.substring(headEnd + 4));
        }
    }

    private static boolean complete(StringBuilder text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)\r\n").matcher(text.substring(0, headEnd + 2));
        return length.find() && text.length() - headEnd - 4 >= Integer.parseInt(length.group(1));
    }

    private static void assertError(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.head() + answer.body());
        assertEquals(code, answer.error().path("code").asText(), answer.body());
        Matcher requestId = REQUEST_ID.matcher(answer.head());
        assertTrue(requestId.find(), "X-Request-Id in " + answer.head());
        assertEquals(requestId.group(1), answer.error().path("request_id").asText());
        assertTrue(
                answer.head().toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json"),
                answer.head());
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: masker\r\n" + headers + "\r\n" + body;
    }

    @Test
    void givenHttp10WithoutHost_get_isServedAndTheConnectionCloses() throws IOException {
        Answer answer = send("GET /health HTTP/1.0\r\n\r\n");

        assertEquals(200, answer.status(), answer.head() + answer.body());
        assertEquals("up", RunningMasker.read(answer.body()).path("status").asText());
        assertTrue(answer.closes(), answer.head());
    }

    @Test
    void givenHttp10AsNginxSendsIt_post_isServed() throws IOException {
        String body = "{\"name\": \"nginx " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}";
        Answer answer = send("POST /api/v1/agents HTTP/1.0\r\nHost: masker\r\nConnection: close\r\n" + ADMIN
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        assertEquals(201, answer.status(), answer.head() + answer.body());
        assertTrue(answer.closes(), answer.head());
    }

    @Test
    void givenARequestLineTooLong_send_is414WithTheErrorBodyAndARequestId() throws IOException {
        assertError(send("GET /" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: masker\r\n\r\n"), 414, "uri_too_long");
    }

    @Test
    void givenAHeaderLineWithoutAColon_send_is400WithTheErrorBodyAndARequestId() throws IOException {
        assertError(send("GET /health HTTP/1.1\r\nHost: masker\r\nNo colon here\r\n\r\n"), 400, "bad_request");
    }

    @Test
    void givenAnUnknownProtocolVersion_send_isRefusedWithTheErrorBodyAndARequestId() throws IOException {
        Answer answer = send("GET /health HTTP/1.7\r\nHost: masker\r\n\r\n");

        assertTrue(answer.status() == 400 || answer.status() == 505, answer.head());
        assertError(answer, answer.status(), answer.status() == 400 ? "bad_request" : "http_version_not_supported");
    }

    @Test
    void givenContentTypeInUpperCase_post_isReadAsJson() throws IOException {
        String body = "{\"name\": \"upper " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}";
        Answer answer = send(post(
                "/api/v1/agents",
                ADMIN + "Content-Type: APPLICATION/JSON\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n",
                body));

        assertEquals(201, answer.status(), answer.head() + answer.body());
    }

    @Test
    void givenANulInAQueryParameter_list_is422NamingTheParameter() throws IOException {
        Answer answer = send("GET /api/v1/agents?name_contains=a%00b HTTP/1.1\r\nHost: masker\r\n" + ADMIN
                + "Connection: close\r\n\r\n");

        assertError(answer, 422, "validation_failed");
        assertEquals(
                "name_contains",
                answer.error().path("details").path(0).path("field").asText(),
                answer.body());
    }

    @Test
    void givenAnOverlongUtf8SequenceInThePath_get_is400() throws IOException {
        assertError(
                send("GET /health/%C0%AF HTTP/1.1\r\nHost: masker\r\nConnection: close\r\n\r\n"), 400, "bad_request");
    }

    @Test
    void givenAChunkExtension_post_is400AndTheConnectionCloses() {
        assertChunkedBodyRefused("3;x=y\r\n{}\n\r\n0\r\n\r\n");
    }

    @Test
    void givenAChunkSizeThatIsNotHex_post_is400AndTheConnectionCloses() {
        assertChunkedBodyRefused("zz\r\n{}\n\r\n0\r\n\r\n");
    }

    private static void assertChunkedBodyRefused(String chunks) {
        List<String> logged = new CopyOnWriteArrayList<>();
        Answer answer = LogCapture.during(
                logged,
                () -> sendQuietly(post(
                        "/api/v1/agents",
                        ADMIN + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                        chunks)));

        assertError(answer, 400, "bad_request");
        assertTrue(answer.closes(), answer.head());
        assertNoWarnings(logged);
    }

    @Test
    void givenAClientGoneMidBody_post_closesQuietly() {
        List<String> logged = new CopyOnWriteArrayList<>();
        List<Answer> answers = new ArrayList<>();
        LogCapture.during(logged, () -> {
            answers.add(sendEnded(post(
                    "/api/v1/agents", ADMIN + "Content-Type: application/json\r\nContent-Length: 100\r\n", "{\"na")));
            answers.add(sendEnded(post(
                    "/api/v1/agents",
                    ADMIN + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n",
                    "3\r\n{}\n\r\n")));
            return null;
        });

        answers.forEach(answer -> assertTrue(answer.status() == 0 || answer.status() == 400, answer.head()));
        assertNoWarnings(logged);
    }

    @Test
    void givenCallIdsWithALoneSurrogateOrANul_webhook_is422NamingTheField() {
        String agent = masker.createAgent("{\"name\": \"edge " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}");
        String loneSurrogate = "{\"message\":{\"type\":\"assistant-request\",\"call\":{\"id\":\"p-1\\ud800\"}}}";
        String nulAssistant = "{\"message\":{\"type\":\"assistant-request\",\"call\":{\"id\":\"p-2\","
                + "\"assistantId\":\"a\\u0000b\"}}}";

        var first = masker.webhook(agent, loneSurrogate.getBytes(StandardCharsets.UTF_8));
        var second = masker.webhook(agent, nulAssistant.getBytes(StandardCharsets.UTF_8));

        assertEquals(422, first.statusCode(), first.body());
        assertEquals(
                "call.id",
                RunningMasker.read(first.body())
                        .path("error")
                        .path("details")
                        .path(0)
                        .path("field")
                        .asText());
        assertEquals(422, second.statusCode(), second.body());
        assertEquals(
                "call.assistantId",
                RunningMasker.read(second.body())
                        .path("error")
                        .path("details")
                        .path(0)
                        .path("field")
                        .asText());
        assertTrue(masker.callStartedRows(agent).isEmpty());
    }

    private static void assertNoWarnings(List<String> logged) {
        List<String> loud = logged.stream()
                .filter(line -> line.contains("SEVERE:") || line.contains("WARNING:"))
                .toList();
        assertTrue(loud.isEmpty(), String.join("\n", loud));
    }

    private static Answer sendQuietly(String request) {
        try {
            return send(request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Answer sendEnded(String request) {
        try {
            return send(request.getBytes(StandardCharsets.ISO_8859_1), true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
