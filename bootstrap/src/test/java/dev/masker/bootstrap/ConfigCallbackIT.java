package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The configuration callback against a real HTTP server on a random port: a signed request, overrides merged, and
 * every failure (timeout, 500, garbage, unreachable) falling back to the static defaults with the reason audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigCallbackIT {
    private static final String CALLBACK_SECRET = "callback-secret-0123456789";
    private static final String DEFAULTS = """
            {"firstMessage": "Default greeting", "model": {"provider": "openai", "model": "gpt-4o-mini",
             "messages": [{"role": "system", "content": "Default prompt"}]}, "voice": {"provider": "11labs", "voiceId": "v1"}}
            """;

    private RunningMasker masker;
    private WebServer callbacks;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        callbacks = WebServer.builder().host("127.0.0.1").port(0).routing(routing -> routing
                .post("/overrides", (req, res) -> {
                    received.add(Map.of("signature", req.headers().first(HeaderNames.create("X-Masker-Signature")).orElse(""),
                            "body", new String(req.content().as(byte[].class), StandardCharsets.UTF_8)));
                    res.header(HeaderNames.CONTENT_TYPE, "application/json").send("""
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
                .post("/error", (req, res) -> res.status(Status.INTERNAL_SERVER_ERROR_500).send("{\"assistant\": {}}"))
                .post("/garbage", (req, res) -> res.send("<html>not json</html>"))
                .post("/not-an-assistant", (req, res) -> res.send("{\"assistant\": [1, 2]}")))
                .build().start();
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
                () -> assertEquals("11labs", assistant.path("voice").path("provider").asText()),
                () -> assertEquals(0.7, assistant.path("model").path("temperature").asDouble()),
                () -> assertEquals("Default prompt", assistant.path("model").path("messages").get(0).path("content").asText()),
                () -> assertEquals("custom-llm", assistant.path("model").path("provider").asText()),
                () -> assertEquals(RunningMasker.PUBLIC_URL + "/proxy/" + agent + "/v1/chat/completions",
                        assistant.path("model").path("url").asText()),
                () -> assertEquals("callback", auditData(agent).path("config_source").asText()));
        Map<String, String> request = received.stream().filter(r -> r.get("body").contains(callId)).findFirst().orElseThrow();
        assertSignedByMasker(request);
        JsonNode body = RunningMasker.read(request.get("body"));
        assertEquals(agent, body.path("agent_id").asText());
        assertEquals("+14155552671", body.path("call").path("customer").path("number").asText());
        assertEquals(1764201600000L, body.path("timestamp").asLong());
    }

    @Test
    void givenCallbackSlowButInTime_postWebhook_usesIt() {
        String agent = agentWithCallback("/slow-but-in-time", 2000);

        HttpResponse<String> response =
                masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+1415"));

        assertEquals("Late", RunningMasker.read(response.body()).path("assistant").path("firstMessage").asText());
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
                () -> assertEquals("Default greeting", assistant.path("firstMessage").asText()),
                () -> assertEquals("custom-llm", assistant.path("model").path("provider").asText()),
                () -> assertEquals("callback_fallback", audit.path("config_source").asText()),
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

    private static void assertSignedByMasker(Map<String, String> request) {
        String header = request.get("signature");
        assertTrue(header.matches("t=\\d+,v1=[0-9a-f]{64}"), header);
        String timestamp = header.substring(2, header.indexOf(','));
        String expected = RunningMasker.sign(CALLBACK_SECRET, (timestamp + ".").getBytes(StandardCharsets.US_ASCII),
                request.get("body").getBytes(StandardCharsets.UTF_8));
        assertEquals("v1=" + expected, header.substring(header.indexOf(',') + 1));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 60);
    }
}
