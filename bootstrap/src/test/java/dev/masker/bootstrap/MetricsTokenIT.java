package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With {@code MASKER_METRICS_TOKEN} set, {@code GET /metrics} answers only to that bearer token — not to the admin one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTokenIT {
    static final String OLD_TOKEN = "metrics-token-old-5f1e2d3c4b";
    static final String NEW_TOKEN = "metrics-token-new-a9b8c7d6e5";

    private RunningMasker masker;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of("MASKER_METRICS_TOKEN", OLD_TOKEN + "," + NEW_TOKEN));
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenMetricsToken_getMetricsWithoutIt_answersUnauthenticatedWithoutMetrics() {
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/metrics")).GET());

        JsonNode error = RunningMasker.read(response.body()).path("error");
        assertAll(
                () -> assertEquals(401, response.statusCode()),
                () -> assertEquals("unauthenticated", error.path("code").asText()),
                () -> assertEquals(
                        response.headers().firstValue("X-Request-Id").orElse("?"),
                        error.path("request_id").asText()),
                () -> assertFalse(response.body().contains("http_server_requests"), response.body()));
    }

    @Test
    void givenMetricsToken_getMetricsWithTheAdminToken_answersUnauthenticated() {
        assertEquals(401, get("Bearer " + RunningMasker.ADMIN_TOKEN).statusCode());
    }

    @Test
    void givenRotatedMetricsTokens_getMetricsWithEither_answersTheMetrics() {
        for (String token : new String[] {OLD_TOKEN, NEW_TOKEN}) {
            HttpResponse<String> response = get("Bearer " + token);

            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("hikaricp_connections_active"), response.body());
        }
    }

    @Test
    void givenRefusedScrapes_scrape_countsThemAs401OnTheMetricsRoute() {
        Map<String, String> refused = Map.of("method", "GET", "route", "/metrics", "status", "401");
        PrometheusText before = PrometheusText.parse(get("Bearer " + NEW_TOKEN).body());

        get("Bearer wrong-metrics-token-0123456789");
        get("Basic " + OLD_TOKEN);
        PrometheusText after = PrometheusText.parse(get("Bearer " + NEW_TOKEN).body());

        assertEquals(
                2,
                after.sum("http_server_requests_seconds_count", refused)
                        - before.sum("http_server_requests_seconds_count", refused));
    }

    private HttpResponse<String> get(String authorization) {
        return masker.send(HttpRequest.newBuilder(masker.uri("/metrics"))
                .header("Authorization", authorization)
                .GET());
    }
}
