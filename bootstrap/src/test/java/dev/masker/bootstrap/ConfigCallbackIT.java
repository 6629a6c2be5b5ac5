package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The configuration callback against a real HTTP server on a random port: a signed request, overrides merged (from an
 * HTTP/1.0 server too), and every failure (timeout, 500, garbage, unreachable) falling back to the static defaults with
 * the reason audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigCallbackIT {
    private static final String CALLBACK_SECRET = "callback-secret-0123456789";
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
    private static final String DEFAULTS = """
            {"firstMessage": "Default greeting", "model": {"provider": "openai", "model": "gpt-4o-mini",
             "messages": [{"role": "system", "content": "Default prompt"}]}, "voice": {"provider": "11labs", "voiceId": "v1"}}
            """;

    private RunningMasker masker;
    private WebServer callbacks;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        callbacks = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/overrides", (req, res) -> {
                            received.add(Map.of(
                                    "signature",
                                    req.headers()
                                            .first(HeaderNames.create("X-Masker-Signature"))
                                            .orElse(""),
                                    "body",
                                    new String(req.content().as(byte[].class), StandardCharsets.UTF_8)));
                            res.header(HeaderNames.CONTENT_TYPE, "application/json")
                                    .send("""
                            {"assistant": {"firstMessage": "Hello Ada", "voice": {"voiceId": "v2"},
                             "model": {"provider": "openai", "url": "https://evil.example/v1", "temperature": 0.7}}}""");
                        })
                        .post("/slow-but-in-time", (req, res) -> {
                            Thread.sleep(300);
                            res.header(HeaderNames.CONTENT_TYPE, "application/json")
                                    .send("{\"assistant\": {\"firstMessage\": \"Late\"}}");
                        })
                        .post("/too-slow", (req, res) -> {
                            Thread.sleep(3000);
                            res.send("{\"assistant\": {}}");
                        })
                        .post(
                                "/error",
                                (req, res) -> res.status(Status.INTERNAL_SERVER_ERROR_500)
                                        .send("{\"assistant\": {}}"))
                        .post("/garbage", (req, res) -> res.send("<html>not json</html>"))
                        .post("/not-an-assistant", (req, res) -> res.send("{\"assistant\": [1, 2]}")))
                .build()
                .start();
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    void stop() {
        masker.close();
        callbacks.stop();
    }

    @Test
    void givenCallbackOverrides_postWebhook_mergesThemButKeepsTheProxy() {
        String agent = agentWithCallback("/overrides", 1500);
        String callId = "call-" + UUID.randomUUID();

        HttpResponse<String> response = masker.webhook(agent, RunningMasker.assistantRequest(callId, "+14155552671"));

        JsonNode assistant = RunningMasker.read(response.body()).path("assistant");
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals("Hello Ada", assistant.path("firstMessage").asText()),
                () -> assertEquals("v2", assistant.path("voice").path("voiceId").asText()),
                () -> assertEquals(
                        "11labs", assistant.path("voice").path("provider").asText()),
                () -> assertEquals(
                        0.7, assistant.path("model").path("temperature").asDouble()),
                () -> assertEquals(
                        "Default prompt",
                        assistant
                                .path("model")
                                .path("messages")
                                .get(0)
                                .path("content")
                                .asText()),
                () -> assertEquals(
                        "custom-llm", assistant.path("model").path("provider").asText()),
                () -> assertEquals(
                        RunningMasker.PUBLIC_URL + "/proxy/" + agent + "/v1/chat/completions",
                        assistant.path("model").path("url").asText()),
                () -> assertEquals(
                        "callback", auditData(agent).path("config_source").asText()));
        Map<String, String> request = received.stream()
                .filter(r -> r.get("body").contains(callId))
                .findFirst()
                .orElseThrow();
        assertSignedByMasker(request);
        JsonNode body = RunningMasker.read(request.get("body"));
        assertEquals(agent, body.path("agent_id").asText());
        assertEquals(
                "+14155552671",
                body.path("call").path("customer").path("number").asText());
        // Vapi's own time stamp of the message, passed on as it came.
        assertTrue(Math.abs(System.currentTimeMillis() - body.path("timestamp").asLong()) < 60_000, body.toString());
    }

    @Test
    void givenCallbackAnsweringHttp10UntilClose_postWebhook_mergesItsOverrides() throws IOException {
        String greeting = "Hello from a small HTTP/1.0 server";
        try (ServerSocket http10 = http10Callback("{\"assistant\": {\"firstMessage\": \"" + greeting + "\"}}")) {
            String agent =
                    masker.createAgent(agentJson("http://127.0.0.1:" + http10.getLocalPort() + "/overrides", 1500));
            List<String> logs = new CopyOnWriteArrayList<>();

            HttpResponse<String> response = LogCapture.during(
                    logs,
                    () -> masker.webhook(
                            agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+14155552671")));

            JsonNode assistant = RunningMasker.read(response.body()).path("assistant");
            String logText = LogCapture.runText(logs);
            assertAll(
                    () -> assertEquals(200, response.statusCode(), response.body()),
                    () -> assertEquals(greeting, assistant.path("firstMessage").asText()),
                    () -> assertEquals(
                            "custom-llm",
                            assistant.path("model").path("provider").asText()),
                    () -> assertEquals(
                            "callback", auditData(agent).path("config_source").asText()),
                    () -> assertFalse(logText.contains(greeting), "a log line holds the callback's answer"),
                    () -> assertFalse(logText.contains(CALLBACK_SECRET), "a log line holds the callback secret"));
        }
    }

    @Test
    void givenCallbackSlowButInTime_postWebhook_usesIt() {
        String agent = agentWithCallback("/slow-but-in-time", 2000);

        HttpResponse<String> response =
                masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"));

        assertEquals(
                "Late",
                RunningMasker.read(response.body())
                        .path("assistant")
                        .path("firstMessage")
                        .asText());
        assertEquals("callback", auditData(agent).path("config_source").asText());
    }

    @Test
    void givenCallbackSlowerThanItsTimeout_postWebhook_fallsBackInTime() {
        assertFallback(agentWithCallback("/too-slow", 400), "timeout");
    }

    @Test
    void givenCallbackAnswering500_postWebhook_fallsBack() {
        assertFallback(agentWithCallback("/error", 1500), "error_status");
    }

    @Test
    void givenCallbackAnsweringGarbage_postWebhook_fallsBack() {
        assertFallback(agentWithCallback("/garbage", 1500), "invalid_body");
    }

    @Test
    void givenCallbackAnsweringANonObjectAssistant_postWebhook_fallsBack() {
        assertFallback(agentWithCallback("/not-an-assistant", 1500), "invalid_body");
    }

    @Test
    void givenCallbackUnreachable_postWebhook_fallsBack() {
        String agent = masker.createAgent(agentJson("http://127.0.0.1:1/closed", 1500));
        assertFallback(agent, "unreachable");
    }

    private void assertFallback(String agent, String reason) {
        long started = System.nanoTime();
        HttpResponse<String> response =
                masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        JsonNode assistant = RunningMasker.read(response.body()).path("assistant");
        JsonNode audit = auditData(agent);
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals(
                        "Default greeting", assistant.path("firstMessage").asText()),
                () -> assertEquals(
                        "custom-llm", assistant.path("model").path("provider").asText()),
                () -> assertEquals(
                        "callback_fallback", audit.path("config_source").asText()),
                () -> assertEquals(reason, audit.path("fallback_reason").asText()),
                // Bounded by the callback timeout (at most 1.5 s here), far below Vapi's ~5 s.
                () -> assertTrue(elapsedMs < 2500, "took " + elapsedMs + " ms"));
    }

    private JsonNode auditData(String agent) {
        List<Map<String, String>> rows = masker.callStartedRows(agent);
        assertEquals(1, rows.size());
        return RunningMasker.read(rows.get(0).get("body")).path("data");
    }

    private String agentWithCallback(String path, int timeoutMs) {
        return masker.createAgent(agentJson("http://127.0.0.1:" + callbacks.port() + path, timeoutMs));
    }

    private static String agentJson(String url, int timeoutMs) {
        return """
                {"name": "callback %s", "upstream": "openai:gpt-4o-mini", "assistant": %s,
                 "config_callback": {"url": "%s", "secret": "%s", "timeout_ms": %d}}
                """.formatted(UUID.randomUUID(), DEFAULTS, url, CALLBACK_SECRET, timeoutMs);
    }

    /**
     * A callback as the smallest servers write one: it reads the request, answers {@code HTTP/1.0 200} without a
     * {@code Content-Length}, and ends the body by closing the connection.
     */
    private static ServerSocket http10Callback(String answer) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] bytes =
                ("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + answer).getBytes(StandardCharsets.UTF_8);
        Thread.ofVirtual().name("http10-callback").start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    Matcher length = CONTENT_LENGTH.matcher(head(in));
                    // Read the whole request: closing on unread bytes would reset the connection instead of ending it.
                    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                    socket.getOutputStream().write(bytes);
                } catch (IOException closedOrHungUp) {
                    // The test closed the server, or the client went away: nothing to answer.
                }
            }
        });
        return server;
    }

    /** A request's line and headers, up to and with the empty line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the request ended inside its head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertSignedByMasker(Map<String, String> request) {
        String header = request.get("signature");
        assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64}"), header);
        String timestamp = header.substring(2, header.indexOf(','));
        String expected = RunningMasker.sign(
                CALLBACK_SECRET,
                (timestamp + ".").getBytes(StandardCharsets.US_ASCII),
                request.get("body").getBytes(StandardCharsets.UTF_8));
        assertEquals("v1=" + expected, header.substring(header.indexOf(',') + 1));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
    }
}
