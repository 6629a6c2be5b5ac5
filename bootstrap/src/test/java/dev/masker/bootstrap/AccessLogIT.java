package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access log over real HTTP: one INFO line on {@code dev.masker.access} per request, with the route template and
 * Masker's request id — for answers, for Masker's own errors and for Helidon's 404 — and never the concrete path, the
 * query, a header or the body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogIT {
    private static final Pattern LINE = Pattern.compile(
            "method=([A-Z]+) route=(\\S+) status=(\\d{3}) duration_ms=(\\d+\\.\\d) request_id=(req_[0-9A-Z]{26})");
    private static final String DIGITS = "13125550199";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger access = Logger.getLogger("dev.masker.access");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private RunningMasker masker;
    private String agentId;

    @BeforeAll
    void start() {
        capture.setLevel(Level.ALL);
        access.addHandler(capture);
        masker = RunningMasker.start(Map.of());
        agentId = masker.createAgentWithAssistant("{\"firstMessage\": \"Hello\"}");
    }

    @AfterAll
    void stop() {
        masker.close();
        access.removeHandler(capture);
    }

    @Test
    void givenSignedWebhookWithQueryAndHeaders_post_logsOneLineWithTheTemplateAndNothingTheCallerWrote() {
        byte[] body = RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+" + DIGITS);
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId + "?customer=" + DIGITS))
                        .header("Content-Type", "application/json")
                        .header("X-Vapi-Signature", RunningMasker.sign(RunningMasker.SECRET, body))
                        .header("X-Patient-Phone", "+" + DIGITS)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, response.statusCode(), response.body());

        LogRecord record = recordFor(response);
        String line = record.getMessage();
        Matcher fields = LINE.matcher(line);
        assertTrue(fields.matches(), "the line has the documented shape: " + line);
        assertAll(
                () -> assertEquals(Level.INFO, record.getLevel()),
                () -> assertEquals("dev.masker.access", record.getLoggerName()),
                () -> assertEquals("POST", fields.group(1)),
                () -> assertEquals("/vapi/webhook/{agent_id}", fields.group(2)),
                () -> assertEquals("200", fields.group(3)),
                () -> assertTrue(Double.parseDouble(fields.group(4)) >= 0),
                () -> assertFalse(line.contains(agentId), "no concrete path: " + line),
                () -> assertFalse(
                        line.contains("customer") || line.contains("5550"), "no query, header or body: " + line),
                () -> assertFalse(line.contains(RunningMasker.SECRET), line));
    }

    @Test
    void givenUnknownRoute_get_logsItAsUnmatched404WithoutThePath() {
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/patients/" + DIGITS + "?phone=" + DIGITS))
                        .GET());

        String line = lineFor(response);
        assertAll(
                () -> assertEquals(404, response.statusCode()),
                () -> assertTrue(line.startsWith("method=GET route=unmatched status=404 "), line),
                () -> assertFalse(line.contains("patients") || line.contains(DIGITS), line));
    }

    @Test
    void givenRejectedWebhooks_post_logsEachWithItsStatusUnderTheTemplate() {
        byte[] body = RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+" + DIGITS);
        HttpResponse<String> badSignature = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header("X-Vapi-Signature", RunningMasker.sign("not-the-secret", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        HttpResponse<String> notJson = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        HttpResponse<String> wrongMethod = masker.send(
                HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId)).GET());

        assertAll(
                () -> assertEquals(401, badSignature.statusCode()),
                () -> assertEquals(415, notJson.statusCode()),
                () -> assertEquals(405, wrongMethod.statusCode()),
                () -> assertTrue(
                        lineFor(badSignature).startsWith("method=POST route=/vapi/webhook/{agent_id} status=401 ")),
                () -> assertTrue(lineFor(notJson).startsWith("method=POST route=/vapi/webhook/{agent_id} status=415 ")),
                () -> assertTrue(
                        lineFor(wrongMethod).startsWith("method=GET route=/vapi/webhook/{agent_id} status=405 ")));
    }

    @Test
    void givenUnknownAgent_getWithAdminToken_logs404UnderTheAgentTemplateNotAsUnmatched() {
        HttpResponse<String> response = masker.admin("GET", "/api/v1/agents/agt_01ARZ3NDEKTSV4RRFFQ69G5FAV", null);

        String line = lineFor(response);
        assertEquals(404, response.statusCode());
        assertTrue(line.startsWith("method=GET route=/api/v1/agents/{id} status=404 "), line);
        assertFalse(line.contains("01ARZ3NDEKTSV4RRFFQ69G5FAV"), line);
    }

    private String lineFor(HttpResponse<String> response) {
        return recordFor(response).getMessage();
    }

    /** The one line carrying the response's request id; the line is written just after the answer, so wait for it. */
    private LogRecord recordFor(HttpResponse<String> response) {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<LogRecord> found;
        do {
            found = records.stream()
                    .filter(record -> record.getMessage().endsWith(" request_id=" + requestId))
                    .toList();
            if (!found.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        assertEquals(1, found.size(), "one access log line for " + requestId + ": " + found);
        return found.getFirst();
    }
}
