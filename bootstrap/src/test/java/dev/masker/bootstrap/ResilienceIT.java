package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What callers see when the database goes away and comes back, and when they call too fast. */
class ResilienceIT {
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)(/.*)");

    @Test
    void givenDatabaseUnreachable_webhookAndApi_answer503UntilItReturns() throws Exception {
        MaskerConfig.Database.Target db = TestDatabase.target();
        Matcher url = JDBC.matcher(db.url());
        assertTrue(url.matches(), db.url());
        try (TcpProxy proxy = new TcpProxy(url.group(1), Integer.parseInt(url.group(2)));
                RunningMasker masker = RunningMasker.start(Map.of(
                        "MASKER_DATABASE_URL",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3),
                        "MASKER_AGENT_CACHE_MS",
                        "600000"))) {
            String agent = masker.createAgentWithAssistant("{}");
            assertEquals(200, masker.webhook(agent, request()).statusCode());

            proxy.cut();
            long started = System.nanoTime();
            HttpResponse<String> refused = masker.webhook(agent, request());
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;

            // The agent store and the audit log share the database: whichever the call reaches first answers 503.
            String code = RunningMasker.read(refused.body())
                    .path("error")
                    .path("code")
                    .asText();
            assertError(refused, 503, code);
            assertTrue(Set.of("unavailable", "audit_unavailable").contains(code), code);
            assertTrue(
                    Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertTrue(elapsedMs < 5000, "a caller waited " + elapsedMs + " ms");
            HttpResponse<String> create =
                    masker.admin("POST", "/api/v1/agents", "{\"name\":\"while down\",\"upstream\":\"stub\"}");
            assertError(create, 503, "unavailable");
            assertTrue(create.headers().firstValue("Retry-After").isPresent());
            assertEquals(
                    503,
                    masker.send(HttpRequest.newBuilder(masker.uri("/health/ready"))
                                    .GET())
                            .statusCode());

            proxy.restore();
            byte[] afterRecovery = request();
            int status = 0;
            for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
                status = masker.webhook(agent, afterRecovery).statusCode();
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, status);
            int ready = 0;
            for (int attempt = 0; attempt < 40 && ready != 200; attempt++) {
                ready = masker.send(HttpRequest.newBuilder(masker.uri("/health/ready"))
                                .GET())
                        .statusCode();
                if (ready != 200) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, ready);
            // The refused call was never recorded; the ones answered 200 were, each once.
            assertEquals(2, masker.callStartedRows(agent).size());
        }
    }

    @Test
    void givenAnUpstreamRefusingConnections_proxyTurn_answers502AndLogsTheCauseWithItsMessageButNoPhi()
            throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (RunningMasker masker =
                RunningMasker.start(Map.of("MASKER_UPSTREAM_OPENAI_BASE_URL", "http://127.0.0.1:" + port + "/v1"))) {
            JsonNode agent = RunningMasker.read(masker.admin(
                                    "POST",
                                    "/api/v1/agents",
                                    "{\"name\":\"refused " + UUID.randomUUID()
                                            + "\",\"upstream\":\"openai:gpt-4o-mini\"}")
                            .body())
                    .path("agent");
            String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"Please call Harriet Quellenberg back on 415-555-0142.\"}]}";
            HttpRequest.Builder turn = HttpRequest.newBuilder(
                            masker.uri("/proxy/" + agent.path("id").asText() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("X-Masker-Proxy-Key", agent.path("proxy_key").asText())
                    .POST(HttpRequest.BodyPublishers.ofString(body));

            List<String> lines =
                    LogCapture.during(() -> assertEquals(502, masker.send(turn).statusCode()));

            List<String> failures = lines.stream()
                    .filter(line -> line.contains("upstream call failed"))
                    .toList();
            assertEquals(1, failures.size(), "one failure line: " + lines);
            String failure = failures.getFirst();
            assertTrue(
                    failure.contains("ConnectException: Connection refused"), "the cause and its message: " + failure);
            assertFalse(failure.contains("Quellenberg") || failure.contains("0142"), failure);
        }
    }

    @Test
    void givenCallsOverTheAgentsRate_postWebhook_answersRateLimitedWithRetryAfter() {
        try (RunningMasker masker = RunningMasker.start(
                Map.of("MASKER_VAPI_RATE_LIMIT_PER_SECOND", "1", "MASKER_VAPI_RATE_LIMIT_BURST", "3"))) {
            String busy = masker.createAgentWithAssistant("{}");
            String quiet = masker.createAgentWithAssistant("{}");
            for (int i = 0; i < 3; i++) {
                assertEquals(200, masker.webhook(busy, request()).statusCode());
            }

            HttpResponse<String> limited = masker.webhook(busy, request());

            assertError(limited, 429, "rate_limited");
            assertTrue(
                    Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertEquals(200, masker.webhook(quiet, request()).statusCode());
        }
    }

    private static byte[] request() {
        return RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+14155552671");
    }
}
