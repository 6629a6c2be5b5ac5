package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} over real HTTP on the real PostgreSQL: request counts and latency histograms by route template,
 * method and status, the audit writer's batches and commit times, both connection pools, the JVM. Each test compares
 * two scrapes around the requests it makes, so the tests share one server without depending on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final String WEBHOOK = "/vapi/webhook/{agent_id}";
    private static final String COUNT = "http_server_requests_seconds_count";
    private static final String BUCKET = "http_server_requests_seconds_bucket";

    private RunningMasker masker;
    private String agentId;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of());
        agentId = masker.createAgentWithAssistant("{\"firstMessage\": \"Hello\"}");
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenNoMetricsToken_getMetrics_answersPrometheusTextWithoutCredentials() {
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/metrics")).GET());

        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals(
                        "text/plain; version=0.0.4; charset=utf-8",
                        response.headers().firstValue("Content-Type").orElse("")),
                () -> assertTrue(
                        response.headers().firstValue("X-Request-Id").orElse("").startsWith("req_")),
                () -> assertTrue(
                        response.body().contains("# TYPE http_server_requests_seconds histogram"), response.body()));
    }

    @Test
    void givenSignedWebhookCalls_scrape_countsExactlyThoseCallsUnderTheRouteTemplate() {
        PrometheusText before = scrape();

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    masker.webhook(agentId, RunningMasker.assistantRequest(newCallId(), "+14155552671"))
                            .statusCode());
        }
        PrometheusText after = scrape();

        assertEquals(3, delta(before, after, COUNT, labels("POST", WEBHOOK, 200)));
        assertFalse(after.text().contains(agentId), "no label holds the concrete agent id");
    }

    @Test
    void givenRejectedRequests_scrape_countsEachUnderItsStatus() {
        PrometheusText before = scrape();

        byte[] body = RunningMasker.assistantRequest(newCallId(), "+14155552671");
        HttpResponse<String> badSignature = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header("X-Vapi-Signature", RunningMasker.sign("not-the-secret", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        HttpResponse<String> noAdminToken = masker.send(
                HttpRequest.newBuilder(masker.uri("/api/v1/agents/" + agentId)).GET());
        HttpResponse<String> unknownAgent = masker.admin("GET", "/api/v1/agents/agt_01ARZ3NDEKTSV4RRFFQ69G5FAV", null);
        PrometheusText after = scrape();

        assertAll(
                () -> assertEquals(401, badSignature.statusCode()),
                () -> assertEquals(401, noAdminToken.statusCode()),
                () -> assertEquals(404, unknownAgent.statusCode()),
                () -> assertEquals(1, delta(before, after, COUNT, labels("POST", WEBHOOK, 401))),
                () -> assertEquals(0, delta(before, after, COUNT, labels("POST", WEBHOOK, 200))),
                // The admin gate refuses before a route under it is chosen, so the gate's own pattern is the label.
                () -> assertEquals(1, delta(before, after, COUNT, labels("GET", "/api/v1/*", 401))),
                () -> assertEquals(1, delta(before, after, COUNT, labels("GET", "/api/v1/agents/{id}", 404))));
    }

    @Test
    void givenUnknownRouteAndUnansweredMethods_scrape_countsThemUnderFixedLabels() {
        PrometheusText before = scrape();

        HttpResponse<String> unknown =
                masker.send(HttpRequest.newBuilder(masker.uri("/patients/13125550199?phone=13125550199"))
                        .GET());
        HttpResponse<String> delete =
                masker.send(HttpRequest.newBuilder(masker.uri("/health")).DELETE());
        HttpResponse<String> brew = masker.send(
                HttpRequest.newBuilder(masker.uri("/health")).method("BREW", HttpRequest.BodyPublishers.noBody()));
        PrometheusText after = scrape();

        assertAll(
                () -> assertEquals(404, unknown.statusCode()),
                () -> assertEquals(405, delete.statusCode()),
                () -> assertEquals(405, brew.statusCode()),
                () -> assertEquals(1, delta(before, after, COUNT, labels("GET", "unmatched", 404))),
                () -> assertEquals(1, delta(before, after, COUNT, labels("DELETE", "/health", 405))),
                () -> assertEquals(1, delta(before, after, COUNT, labels("OTHER", "/health", 405))),
                () -> assertFalse(after.text().contains("5550199"), "no label holds the path or the query"),
                () -> assertFalse(after.text().contains("BREW"), "no label holds a made-up method"));
    }

    @Test
    void givenAnsweredRequests_scrape_hasALatencyHistogramWithCumulativeBuckets() {
        assertEquals(
                200,
                masker.send(HttpRequest.newBuilder(masker.uri("/health")).GET()).statusCode());
        assertEquals(
                200,
                masker.send(HttpRequest.newBuilder(masker.uri("/health")).GET()).statusCode());
        PrometheusText after = scrape();

        Map<String, String> series = labels("GET", "/health", 200);
        List<PrometheusText.Sample> buckets = new ArrayList<>(after.find(BUCKET, series));
        buckets.sort(Comparator.comparingDouble(bucket -> bound(bucket.labels().get("le"))));
        double count = after.value(COUNT, series);

        assertTrue(buckets.size() >= 12, "11 bounds from 5 ms to 10 s and +Inf: " + buckets);
        assertEquals("+Inf", buckets.getLast().labels().get("le"));
        assertEquals(count, buckets.getLast().value(), "the +Inf bucket holds every request");
        assertTrue(count >= 2, "both requests are counted: " + count);
        for (int i = 1; i < buckets.size(); i++) {
            assertTrue(buckets.get(i).value() >= buckets.get(i - 1).value(), "buckets are cumulative: " + buckets);
        }
        assertTrue(after.value("http_server_requests_seconds_sum", series) > 0, "the time spent is summed");
    }

    @Test
    void givenRunningServer_scrape_reportsActiveIdlePendingAndMaxOfBothPools() {
        PrometheusText after = scrape();

        // RunningMasker sets MASKER_DATABASE_POOL_SIZE=4; the audit writer's pool has 2.
        for (Map.Entry<String, Integer> pool :
                Map.of("masker-app", 4, "masker-audit", 2).entrySet()) {
            Map<String, String> label = Map.of("pool", pool.getKey());
            double active = after.value("hikaricp_connections_active", label);
            double idle = after.value("hikaricp_connections_idle", label);
            double pending = after.value("hikaricp_connections_pending", label);
            double max = after.value("hikaricp_connections_max", label);
            assertAll(
                    pool.getKey(),
                    () -> assertEquals(pool.getValue().doubleValue(), max),
                    () -> assertTrue(
                            active >= 0 && idle >= 0 && active + idle <= max, active + " active, " + idle + " idle"),
                    () -> assertTrue(pending >= 0, "pending " + pending));
        }
    }

    @Test
    void givenAuditedRequests_scrape_batchHistogramCountsEveryAppendedEvent() {
        PrometheusText before = scrape();
        int rowsBefore = masker.auditRows().size();

        String callId = newCallId();
        masker.createAgentWithAssistant("{}");
        for (String call : List.of(callId, newCallId(), newCallId(), callId)) {
            assertEquals(
                    200,
                    masker.webhook(agentId, RunningMasker.assistantRequest(call, "+14155552671"))
                            .statusCode());
        }
        PrometheusText after = scrape();
        int appended = masker.auditRows().size() - rowsBefore;

        // One agent_created and three call_started; the repeated call adds no event but is a batch of its own.
        assertEquals(4, appended);
        assertAll(
                () -> assertEquals(appended, delta(before, after, "masker_audit_batch_events_sum", Map.of())),
                () -> assertEquals(5, delta(before, after, "masker_audit_batch_events_count", Map.of())),
                () -> assertEquals(5, delta(before, after, "masker_audit_commit_seconds_count", Map.of())),
                () -> assertTrue(
                        after.find("masker_audit_batch_events_bucket", Map.of()).size() >= 11),
                () -> assertTrue(after.find("masker_audit_commit_seconds_bucket", Map.of())
                                .size()
                        >= 12),
                () -> assertTrue(delta(before, after, "masker_audit_commit_seconds_sum", Map.of()) > 0));
    }

    @Test
    void givenRunningServer_scrape_includesJvmAndProcessMetrics() {
        PrometheusText after = scrape();

        assertFalse(after.find("jvm_memory_used_bytes", Map.of("area", "heap")).isEmpty(), "heap memory is reported");
        assertFalse(after.find("jvm_threads_live_threads", Map.of()).isEmpty(), "threads are reported");
        assertTrue(after.value("process_uptime_seconds", Map.of()) > 0);
    }

    private PrometheusText scrape() {
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/metrics")).GET());
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusText.parse(response.body());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static Map<String, String> labels(String method, String route, int status) {
        return Map.of("method", method, "route", route, "status", Integer.toString(status));
    }

    private static double bound(String le) {
        return "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static String newCallId() {
        return "call-" + UUID.randomUUID();
    }
}
