package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sends traffic that carries a phone number, a system prompt, secrets and tokens in every place a caller can put them
 * — path, query, headers, body, method — then scrapes {@code /metrics} and proves none of it became a label or a value
 * (SPEC §8: no PHI in a metric label).
 */
class NoPhiInMetricsIT {
    private static final String PHONE = "+13125550199";
    private static final String PROMPT = "Patient Ada Lovelace has an appointment";
    private static final String CALLBACK_SECRET = "callback-secret-9876543210";
    private static final String METRICS_TOKEN = "metrics-token-7c6b5a4f3e2d";
    // A route label is "unmatched" or a template: lower-case segments and {parameters}, nothing a caller wrote.
    private static final Pattern TEMPLATE = Pattern.compile("unmatched|(/([a-z0-9_*]+|\\{[a-z_]+}))+");
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "OTHER");

    @Test
    void givenTrafficCarryingPhiAndSecrets_scrapeMetrics_holdsNoneOfThem() {
        String scrape;
        String agent;
        try (RunningMasker masker = RunningMasker.start(Map.of("MASKER_METRICS_TOKEN", METRICS_TOKEN))) {
            agent = masker.createAgent("""
                    {"name": "phi %s", "upstream": "stub",
                     "assistant": {"model": {"messages": [{"role": "system", "content": "%s"}]}},
                     "config_callback": {"url": "http://127.0.0.1:1/patients/%s", "secret": "%s"}}
                    """.formatted(UUID.randomUUID(), PROMPT, PHONE.substring(1), CALLBACK_SECRET));
            String digits = PHONE.substring(1);
            List<HttpResponse<String>> responses = List.of(
                    masker.webhook(agent, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), PHONE)),
                    masker.webhook("agt_" + digits, RunningMasker.assistantRequest("c", PHONE)),
                    masker.send(signedWebhook(masker, "/vapi/webhook/" + agent + "?customer=" + digits)),
                    masker.send(HttpRequest.newBuilder(masker.uri("/patients/" + digits + "/records?phone=" + digits))
                            .header("X-Patient-Phone", PHONE)
                            .GET()),
                    masker.admin("GET", "/api/v1/agents/" + agent, null),
                    masker.admin("GET", "/api/v1/agents/agt_" + digits, null),
                    masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/agents/" + agent))
                            .header("Authorization", "Bearer " + PHONE)
                            .GET()),
                    masker.send(HttpRequest.newBuilder(masker.uri("/health"))
                            .method("PHONE" + digits, HttpRequest.BodyPublishers.noBody())));
            assertEquals(
                    200, responses.getFirst().statusCode(), responses.getFirst().body());
            assertTrue(
                    responses.stream().anyMatch(response -> response.statusCode() >= 400), "errors were provoked too");

            HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/metrics"))
                    .header("Authorization", "Bearer " + METRICS_TOKEN)
                    .GET());
            assertEquals(200, response.statusCode(), response.body());
            scrape = response.body();
        }

        PrometheusText metrics = PrometheusText.parse(scrape);
        assertTrue(metrics.sum("http_server_requests_seconds_count", Map.of()) >= 9, "the traffic was counted");
        List<String> labelValues = metrics.samples().stream()
                .flatMap(sample -> sample.labels().values().stream())
                .toList();
        String digits = PHONE.substring(1);
        for (int start = 0; start + 4 <= digits.length(); start++) {
            String run = digits.substring(start, start + 4);
            assertTrue(
                    labelValues.stream().noneMatch(value -> value.contains(run)), "a label holds the digit run " + run);
        }
        assertAll(
                () -> assertFalse(scrape.contains(digits), "the scrape holds the phone number"),
                () -> assertFalse(scrape.contains(agent), "the scrape holds an agent id"),
                () -> assertFalse(scrape.contains(PROMPT), "the scrape holds the system prompt"),
                () -> assertFalse(scrape.contains(CALLBACK_SECRET), "the scrape holds the callback secret"),
                () -> assertFalse(scrape.contains(METRICS_TOKEN), "the scrape holds the metrics token"),
                () -> assertFalse(scrape.contains(RunningMasker.ADMIN_TOKEN), "the scrape holds the admin token"),
                () -> assertFalse(scrape.contains(RunningMasker.SECRET), "the scrape holds the webhook secret"),
                () -> assertFalse(
                        scrape.contains("customer") || scrape.contains("records"), "the scrape holds a query or path"));
        for (PrometheusText.Sample sample : metrics.find("http_server_requests_seconds_count", Map.of())) {
            assertTrue(TEMPLATE.matcher(sample.labels().get("route")).matches(), "not a route template: " + sample);
            assertTrue(METHODS.contains(sample.labels().get("method")), "not a standard method: " + sample);
        }
    }

    private static HttpRequest.Builder signedWebhook(RunningMasker masker, String pathAndQuery) {
        byte[] body = RunningMasker.assistantRequest("call-" + UUID.randomUUID(), PHONE);
        return HttpRequest.newBuilder(masker.uri(pathAndQuery))
                .header("Content-Type", "application/json")
                .header("X-Vapi-Signature", RunningMasker.sign(RunningMasker.SECRET, body))
                .header("X-Patient-Phone", PHONE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
