package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proxy over real HTTP with the built-in stub upstream (SPEC §7): routes, checks in their order, OpenAI's error
 * shape, both answer forms with the originals put back, the session of a call and its audit events. The OpenAI SDK
 * against an OpenAI-compatible fake upstream is {@code OpenAiSdkProxyIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyIT {
    private static final String TURN =
            "Hi, this is Maria Lopez, my phone is 415-555-0132 and my date of birth is " + "March 5th 1990.";
    private static final List<String> VALUES = List.of("Maria Lopez", "415-555-0132", "March 5th 1990");

    private RunningMasker masker;
    private String agentId;
    private String proxyKey;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(
                Map.of("MASKER_PROXY_RATE_LIMIT_PER_SECOND", "1", "MASKER_PROXY_RATE_LIMIT_BURST", "1000"));
        JsonNode agent = createStubAgent();
        agentId = agent.path("id").asText();
        proxyKey = agent.path("proxy_key").asText();
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenTurnWithPhi_completeWithoutStreaming_answersWithTheOriginalsPutBack() {
        HttpResponse<String> response = proxy(agentId, proxyKey, body(false, "call-" + UUID.randomUUID()));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode answer = RunningMasker.read(response.body());
        String content = answer.at("/choices/0/message/content").asText();
        assertAll(
                () -> assertEquals("chat.completion", answer.path("object").asText()),
                () -> VALUES.forEach(value -> assertTrue(content.contains(value), content)),
                () -> assertFalse(content.contains("MSKV1."), "no token is left in the answer: " + content),
                () -> assertTrue(answer.path("usage").has("total_tokens"), "usage passes through"));
    }

    @Test
    void givenTurnWithPhi_completeStreaming_sendsOpenAisFramingAndTheSameTextAsTheWholeAnswer() {
        String call = "call-" + UUID.randomUUID();
        String whole = RunningMasker.read(
                        proxy(agentId, proxyKey, body(false, call)).body())
                .at("/choices/0/message/content")
                .asText();

        HttpResponse<String> response = proxy(agentId, proxyKey, body(true, call));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
        String[] events = response.body().split("\n\n");
        StringBuilder streamed = new StringBuilder();
        for (int i = 0; i < events.length - 1; i++) {
            assertTrue(
                    events[i].startsWith("data: {") && !events[i].contains("\n"),
                    "one data line per event: " + events[i]);
            JsonNode chunk = RunningMasker.read(events[i].substring("data: ".length()));
            assertEquals("chat.completion.chunk", chunk.path("object").asText());
            JsonNode delta = chunk.at("/choices/0/delta");
            // The stub sends an empty content with the role only; every other chunk it sends has content or a finish.
            assertFalse(
                    delta.size() == 1 && "".equals(delta.path("content").asText(null)),
                    "an empty delta the upstream never sent: " + events[i]);
            streamed.append(delta.path("content").asText(""));
        }
        assertEquals(whole, streamed.toString());
        VALUES.forEach(value -> assertTrue(whole.contains(value), whole));
    }

    @Test
    void givenAnsweredTurns_complete_hasEveryValueInTheVaultWhenTheAnswerEnds() {
        String whole = "call-" + UUID.randomUUID();
        String streamed = "call-" + UUID.randomUUID();

        assertEquals(200, proxy(agentId, proxyKey, body(false, whole)).statusCode());
        int wholeRows = masker.vaultRowsOfCall(whole);
        assertEquals(200, proxy(agentId, proxyKey, body(true, streamed)).statusCode());
        int streamedRows = masker.vaultRowsOfCall(streamed);

        // The write runs beside the upstream call; the answer's end (the whole answer, [DONE]) waits for it.
        assertEquals(VALUES.size(), wholeRows);
        assertEquals(VALUES.size(), streamedRows);
    }

    @Test
    void givenDoubledSuffix_complete_answersAsTheProxy() {
        HttpResponse<String> response = masker.send(
                HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions/chat/completions"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + proxyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body(false, "call-doubled"))));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("Maria Lopez"), response.body());
    }

    @Test
    void givenEachCheckFailing_complete_answersItsCodeInOpenAisShapeInSpecOrder() {
        String other = createStubAgent().path("proxy_key").asText();
        String valid = body(false, "call-checks");
        assertAll(
                () -> assertProxyError(
                        proxy("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W", null, valid),
                        404,
                        "agent_not_found",
                        "not_found_error"),
                () -> assertProxyError(
                        proxy("not-an-agent", proxyKey, valid), 404, "agent_not_found", "not_found_error"),
                () -> assertProxyError(proxy(agentId, null, valid), 401, "unauthenticated", "authentication_error"),
                () -> assertProxyError(proxy(agentId, other, valid), 401, "unauthenticated", "authentication_error"),
                () -> assertProxyError(
                        proxy(agentId, proxyKey + "0", valid), 401, "unauthenticated", "authentication_error"),
                () -> assertProxyError(
                        proxy(agentId, proxyKey, "{\"messages\": []}"),
                        422,
                        "validation_failed",
                        "invalid_request_error"),
                () -> assertProxyError(
                        proxy(agentId, proxyKey, "[1, 2]"), 422, "validation_failed", "invalid_request_error"),
                () -> assertProxyError(
                        proxy(agentId, proxyKey, "{\"messages\": "), 400, "invalid_json", "invalid_request_error"),
                () -> assertProxyError(
                        proxy(agentId, proxyKey, valid.replace("\"stub\"", "\"gpt-4o\"")),
                        422,
                        "model_not_allowed",
                        "invalid_request_error"));
        JsonNode modelRefused = RunningMasker.read(proxy(agentId, proxyKey, valid.replace("\"stub\"", "\"gpt-4o\""))
                .body());
        assertEquals("model", modelRefused.at("/error/param").asText());
        JsonNode messagesRefused = RunningMasker.read(
                proxy(agentId, proxyKey, "{\"messages\": []}").body());
        assertEquals("messages", messagesRefused.at("/error/param").asText());
    }

    @Test
    void givenAllowedModels_complete_letsTheListedModelThrough() {
        JsonNode agent = createStubAgent();
        String id = agent.path("id").asText();
        String key = agent.path("proxy_key").asText();
        String asksForOther = body(false, "call-models").replace("\"stub\"", "\"stub-large\"");
        assertProxyError(proxy(id, key, asksForOther), 422, "model_not_allowed", "invalid_request_error");

        HttpResponse<String> patched =
                masker.admin("PATCH", "/api/v1/agents/" + id, "{\"allowed_models\": [\"stub-large\"]}");
        assertEquals(
                List.of("stub-large"),
                List.of(RunningMasker.read(patched.body())
                        .at("/agent/allowed_models/0")
                        .asText()));

        assertEquals(200, proxy(id, key, asksForOther).statusCode());
    }

    @Test
    void givenAllowedModels_listModels_answersTheUpstreamsModelAndTheListedOnesInOpenAisShape() {
        JsonNode agent = createStubAgent();
        String id = agent.path("id").asText();
        String key = agent.path("proxy_key").asText();
        masker.admin("PATCH", "/api/v1/agents/" + id, "{\"allowed_models\": [\"stub-large\", \"stub\"]}");

        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + id + "/v1/models"))
                .header("Authorization", "Bearer " + key)
                .GET());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(RunningMasker.read("""
                {"object": "list", "data": [
                  {"id": "stub", "object": "model", "created": 0, "owned_by": "masker"},
                  {"id": "stub-large", "object": "model", "created": 0, "owned_by": "masker"}]}
                """), RunningMasker.read(response.body()));
    }

    @Test
    void givenEachCheckFailing_listModels_answersItsCodeInOpenAisShape() {
        String other = createStubAgent().path("proxy_key").asText();
        assertAll(
                () -> assertProxyError(
                        models("agt_01JD8Q7M2K3N4P5Q6R7S8T9V0W", proxyKey), 404, "agent_not_found", "not_found_error"),
                () -> assertProxyError(models(agentId, null), 401, "unauthenticated", "authentication_error"),
                () -> assertProxyError(models(agentId, other), 401, "unauthenticated", "authentication_error"),
                () -> assertProxyError(
                        masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/models"))
                                .header("X-Masker-Proxy-Key", proxyKey)
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                        405,
                        "method_not_allowed",
                        "invalid_request_error"),
                () -> assertEquals(200, models(agentId, proxyKey).statusCode()));
    }

    private HttpResponse<String> models(String agent, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(masker.uri("/proxy/" + agent + "/v1/models"))
                .GET();
        if (key != null) {
            request.header("X-Masker-Proxy-Key", key);
        }
        return masker.send(request);
    }

    @Test
    void givenWrongMethodOrContentType_complete_answersInOpenAisShape() {
        HttpResponse<String> get =
                masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                        .GET());
        HttpResponse<String> text =
                masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                        .header("Content-Type", "text/plain")
                        .header("Authorization", "Bearer " + proxyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(body(false, "call-type"))));

        assertProxyError(get, 405, "method_not_allowed", "invalid_request_error");
        assertProxyError(text, 415, "unsupported_media_type", "invalid_request_error");
    }

    @Test
    void givenTurnsOfOneCall_complete_recordsOneSessionWithCountsAndNoValues() throws InterruptedException {
        String call = "call-" + UUID.randomUUID();
        List<String> requests = new ArrayList<>();
        for (HttpResponse<String> response : List.of(
                proxy(agentId, proxyKey, body(false, call)),
                proxy(agentId, proxyKey, body(true, call)),
                proxy(agentId, proxyKey, body(false, "call-" + UUID.randomUUID())))) {
            requests.add(response.headers().firstValue("X-Request-Id").orElseThrow());
        }

        List<JsonNode> ofCall = turnEventsOf(requests);
        Set<String> sessions =
                ofCall.stream().map(turn -> turn.path("session_id").asText()).collect(Collectors.toSet());
        assertEquals(2, sessions.size(), "two calls, two sessions: " + ofCall);
        assertEquals(ofCall.get(0).path("session_id"), ofCall.get(1).path("session_id"));
        JsonNode first = ofCall.get(0);
        assertAll(
                () -> assertTrue(first.path("session_id").asText().startsWith("sess_")),
                () -> assertEquals("ok", first.path("outcome").asText()),
                () -> assertEquals("stub", first.path("model").asText()),
                () -> assertTrue(first.path("masked").asText().contains("NAME:1"), first.toString()),
                () -> assertTrue(first.path("masked").asText().contains("PHONE:1"), first.toString()),
                () -> assertTrue(first.path("restored").asInt() >= 3, first.toString()),
                () -> assertEquals("true", ofCall.get(1).path("stream").asText()));
        for (Map<String, String> row : masker.auditRows()) {
            VALUES.forEach(value -> assertFalse(row.get("body").contains(value), row.get("body")));
            assertFalse(RunningMasker.holdsNumber(row.get("body"), "0132"), row.get("body"));
        }
    }

    @Test
    void givenProxiedTurns_getAgent_showsSessionsRedactionsAndAddedLatency() throws InterruptedException {
        JsonNode agent = createStubAgent();
        String id = agent.path("id").asText();
        JsonNode before = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .at("/agent/stats");
        assertEquals(0, before.path("sessions_24h").asLong());
        assertTrue(before.path("added_latency_ms_p50").isNull(), before.toString());

        String call = "call-" + UUID.randomUUID();
        proxy(id, agent.path("proxy_key").asText(), body(false, call));
        proxy(id, agent.path("proxy_key").asText(), body(true, call));
        proxy(id, agent.path("proxy_key").asText(), body(false, "call-" + UUID.randomUUID()));

        JsonNode stats = before;
        // Turn events are queued after the answer: wait for the group commit.
        for (int i = 0; i < 50 && stats.path("redactions_24h").asLong() < 9; i++) {
            Thread.sleep(100);
            stats = RunningMasker.read(
                            masker.admin("GET", "/api/v1/agents/" + id, null).body())
                    .at("/agent/stats");
        }
        JsonNode shown = stats;
        assertAll(
                () -> assertEquals(2, shown.path("sessions_24h").asLong(), shown.toString()),
                () -> assertEquals(2, shown.path("sessions_7d").asLong(), shown.toString()),
                () -> assertEquals(9, shown.path("redactions_24h").asLong(), "three values in each of three turns"),
                () -> assertEquals(9, shown.path("redactions_7d").asLong()),
                () -> assertTrue(shown.path("added_latency_ms_p50").asDouble() > 0, shown.toString()),
                () -> assertTrue(
                        shown.path("added_latency_ms_p95").asDouble()
                                >= shown.path("added_latency_ms_p50").asDouble(),
                        shown.toString()));
    }

    @Test
    void givenAgent_webhook_writesTheProxyKeyIntoTheModelHeaders() {
        HttpResponse<String> response =
                masker.webhook(agentId, RunningMasker.assistantRequest("call-" + UUID.randomUUID(), "+14155550132"));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode model = RunningMasker.read(response.body()).at("/assistant/model");
        assertEquals(proxyKey, model.at("/headers/X-Masker-Proxy-Key").asText(), model.toString());
        assertEquals(
                RunningMasker.PUBLIC_URL + "/proxy/" + agentId + "/v1/chat/completions",
                model.path("url").asText());
    }

    @Test
    void givenDeletedAgent_complete_answersAgentNotFound() {
        JsonNode agent = createStubAgent();
        String id = agent.path("id").asText();
        assertEquals(
                200,
                proxy(id, agent.path("proxy_key").asText(), body(false, "call-del"))
                        .statusCode());

        assertEquals(204, masker.admin("DELETE", "/api/v1/agents/" + id, null).statusCode());

        assertProxyError(
                proxy(id, agent.path("proxy_key").asText(), body(false, "call-del")),
                404,
                "agent_not_found",
                "not_found_error");
    }

    @Test
    void givenBurstUsedUp_complete_answersRateLimitedWithRetryAfter() {
        try (RunningMasker limited = RunningMasker.start(
                Map.of("MASKER_PROXY_RATE_LIMIT_PER_SECOND", "1", "MASKER_PROXY_RATE_LIMIT_BURST", "2"))) {
            JsonNode agent = RunningMasker.read(
                            limited.admin("POST", "/api/v1/agents", "{\"name\": \"limited\", \"upstream\": \"stub\"}")
                                    .body())
                    .path("agent");
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(limited.send(request(
                        limited,
                        agent.path("id").asText(),
                        agent.path("proxy_key").asText(),
                        body(false, "call-rate"))));
            }

            assertEquals(200, answers.get(0).statusCode());
            HttpResponse<String> refused = answers.get(3);
            assertProxyError(refused, 429, "rate_limited", "rate_limit_error");
            assertTrue(
                    Integer.parseInt(refused.headers().firstValue("Retry-After").orElse("0")) >= 1);
        }
    }

    private JsonNode createStubAgent() {
        HttpResponse<String> created = masker.admin(
                "POST", "/api/v1/agents", "{\"name\": \"proxy " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        assertTrue(agent.path("proxy_key").asText().matches("mpk_[0-9a-f]{64}"), created.body());
        return agent;
    }

    /** The turn events of the requests, in their order; they are queued after the answers, so this waits for them. */
    private List<JsonNode> turnEventsOf(List<String> requestIds) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Map<String, JsonNode> byRequest = masker.auditRows().stream()
                    .filter(row -> "turn_proxied".equals(row.get("type")))
                    .map(row -> RunningMasker.read(row.get("body")).path("data"))
                    .collect(Collectors.toMap(data -> data.path("request_id").asText(), data -> data));
            if (byRequest.keySet().containsAll(requestIds)) {
                return requestIds.stream().map(byRequest::get).toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no turn_proxied events for " + requestIds);
    }

    private static String body(boolean stream, String callId) {
        return "{\"model\": \"stub\", \"stream\": " + stream + ", \"messages\": [{\"role\": \"system\", \"content\": "
                + "\"You are the front desk.\"}, {\"role\": \"user\", \"content\": \"" + TURN
                + "\"}], \"call\": {\"id\": \""
                + callId + "\"}, \"customer\": {\"number\": \"+14155550132\"}}";
    }

    private HttpResponse<String> proxy(String agent, String key, String body) {
        return masker.send(request(masker, agent, key, body));
    }

    private static HttpRequest.Builder request(RunningMasker server, String agent, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/proxy/" + agent + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Masker-Proxy-Key", key);
        }
        return request;
    }

    private static void assertProxyError(HttpResponse<String> response, int status, String code, String type) {
        assertError(response, status, code);
        assertEquals(type, RunningMasker.read(response.body()).at("/error/type").asText(), response.body());
    }
}
