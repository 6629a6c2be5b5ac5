package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sessions API (SPEC §8) against a real server: calls go through the webhook and the proxy, one is ended by its
 * end-of-call report, and the sessions read back with the numbers that were sent — and no value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsIT {
    private static final String PATIENT = "Maria Lopez";
    private static final String PHONE = "415-555-0132";
    private static final String TURN = "Hi, this is " + PATIENT + ", my phone is " + PHONE + ".";

    private RunningMasker masker;
    private String agentId;
    private String agentName;
    private String proxyKey;
    private String endedCall;
    private String openCall;

    @BeforeAll
    void start() throws InterruptedException {
        masker = RunningMasker.start(Map.of());
        agentName = "sessions " + UUID.randomUUID();
        HttpResponse<String> created =
                masker.admin("POST", "/api/v1/agents", "{\"name\": \"" + agentName + "\", \"upstream\": \"stub\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        agentId = agent.path("id").asText();
        proxyKey = agent.path("proxy_key").asText();

        endedCall = "call-" + UUID.randomUUID();
        assertEquals(
                200,
                masker.webhook(agentId, message("assistant-request", endedCall, ""))
                        .statusCode());
        assertEquals(200, turn(endedCall, false).statusCode());
        assertEquals(200, turn(endedCall, true).statusCode());
        // Vapi's own times of the call: it rang three minutes before it ended, a moment from now.
        Instant endedAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        assertEquals(
                200,
                masker.webhook(
                                agentId,
                                message(
                                        "end-of-call-report",
                                        endedCall,
                                        ", \"endedReason\": \"customer-ended-call\", \"startedAt\": \""
                                                + endedAt.minusSeconds(180) + "\", \"endedAt\": \"" + endedAt + "\""))
                        .statusCode());
        openCall = "call-" + UUID.randomUUID();
        assertEquals(200, turn(openCall, false).statusCode());
        waitForTurns(3);
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    private static byte[] message(String type, String callId, String fields) {
        return ("{\"message\": {\"type\": \"" + type + "\", \"timestamp\": " + System.currentTimeMillis()
                        + ", \"call\": {\"id\": \"" + callId + "\", \"customer\": {\"number\": \"+14155550132\"}}"
                        + fields + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> turn(String callId, boolean stream) {
        String body =
                "{\"model\": \"stub\", \"stream\": " + stream + ", \"messages\": [{\"role\": \"user\", \"content\": \""
                        + TURN + "\"}], \"call\": {\"id\": \"" + callId + "\"}}";
        return masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Masker-Proxy-Key", proxyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Turn events are queued after the answer: waits until the agent's sessions show them all. */
    private void waitForTurns(int turns) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            long seen = 0;
            for (JsonNode session :
                    list("/api/v1/agents/" + agentId + "/sessions").path("data")) {
                seen += session.path("turns").asLong();
            }
            if (seen >= turns) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sessions never showed " + turns + " turns");
    }

    private JsonNode list(String path) {
        HttpResponse<String> response = masker.admin("GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return RunningMasker.read(response.body());
    }

    private JsonNode sessionOf(String call) {
        List<JsonNode> sessions = new ArrayList<>();
        list("/api/v1/agents/" + agentId + "/sessions").path("data").forEach(sessions::add);
        // The ended call started first: the list is newest first.
        return call.equals(endedCall) ? sessions.get(1) : sessions.get(0);
    }

    @Test
    void givenTwoCalls_listOfAgent_showsEachSessionNewestFirstWithItsCounts() {
        JsonNode page = list("/api/v1/agents/" + agentId + "/sessions");
        JsonNode open = page.path("data").get(0);
        JsonNode ended = page.path("data").get(1);

        assertAll(
                () -> assertEquals(2, page.path("data").size(), page.toString()),
                () -> assertTrue(page.path("next_cursor").isNull()),
                () -> assertTrue(open.path("id").asText().startsWith("sess_")),
                () -> assertEquals(agentId, ended.path("agent_id").asText()),
                () -> assertEquals(agentName, ended.path("agent_name").asText()),
                () -> assertEquals(2, ended.path("turns").asInt()),
                () -> assertEquals(1, open.path("turns").asInt()),
                () -> assertEquals("ok", ended.path("status").asText()),
                () -> assertEquals("stub", ended.path("upstream_model").asText()),
                // The name and the phone, masked on each of the two turns.
                () -> assertEquals(4, ended.path("redaction_count").asInt(), ended.toString()),
                () -> assertEquals(
                        2, ended.path("redactions_by_kind").path("NAME").asInt(), ended.toString()),
                () -> assertEquals(
                        2, ended.path("redactions_by_kind").path("PHONE").asInt(), ended.toString()),
                () -> assertFalse(ended.path("ended_at").isNull(), "the end-of-call report ended it"),
                () -> assertTrue(ended.path("duration_ms").asLong() >= 0, ended.toString()),
                () -> assertTrue(open.path("ended_at").isNull()),
                () -> assertTrue(open.path("duration_ms").isNull()),
                () -> assertNoPhi(page.toString()));
    }

    @Test
    void givenAnEndedCall_get_showsItsPolicyTurnsStagesAndEndWithoutValues() {
        String id = sessionOf(endedCall).path("id").asText();

        HttpResponse<String> response = masker.admin("GET", "/api/v1/sessions/" + id, null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode session = RunningMasker.read(response.body()).path("session");
        JsonNode events = session.path("events");
        assertAll(
                () -> assertEquals(id, session.path("id").asText()),
                () -> assertEquals(
                        "healthcare-default", session.path("policy_name").asText()),
                () -> assertEquals(1, session.path("policy_version").asInt()),
                () -> assertEquals(2, events.size()),
                () -> assertTrue(events.get(0).path("seq").asLong()
                        < events.get(1).path("seq").asLong()),
                () -> assertFalse(events.get(0).path("stream").asBoolean()),
                () -> assertTrue(events.get(1).path("stream").asBoolean()),
                () -> assertEquals(2, events.get(0).path("masked_total").asInt()),
                () -> assertEquals("ok", events.get(1).path("outcome").asText()),
                () -> assertTrue(events.get(0).path("request_id").asText().startsWith("req_")),
                () -> assertTrue(
                        events.get(0).path("durations_ms").path("total").asDouble() > 0, events.toString()),
                () -> assertEquals(
                        PATIENT,
                        TURN.substring(
                                events.get(0).at("/values/0/start").asInt(),
                                events.get(0).at("/values/0/end").asInt()),
                        events.get(0).path("values").toString()),
                () -> assertEquals("NAME", events.get(0).at("/values/0/kind").asText()),
                () -> assertEquals("MSKV1", events.get(0).at("/values/0/scheme").asText()),
                () -> assertEquals("PHONE", events.get(0).at("/values/1/kind").asText()),
                () -> assertEquals(0, events.get(1).path("values").size(), "the second turn brought no new message"),
                () -> assertTrue(
                        session.path("stage_durations_ms").path("detection").isNumber(), session.toString()),
                () -> assertTrue(
                        session.path("stage_durations_ms").path("upstream").isNumber(), session.toString()),
                () -> assertEquals(0, session.path("leak_findings").size()),
                () -> assertEquals(
                        "customer-ended-call",
                        session.path("call_ended").path("ended_reason").asText()),
                () -> assertEquals(
                        180_000, session.path("call_ended").path("duration_ms").asLong()),
                () -> assertNoPhi(response.body()));
    }

    @Test
    void givenFilters_list_keepsOnlyTheMatchingSessions() {
        String ofAgent = "/api/v1/sessions?agent_id=" + agentId;

        assertEquals(2, list(ofAgent).path("data").size());
        assertEquals(2, list(ofAgent + "&since=1h&status=ok").path("data").size());
        assertEquals(0, list(ofAgent + "&status=error").path("data").size());
        assertEquals(0, list(ofAgent + "&status=partial").path("data").size());
        assertEquals(1, list(ofAgent + "&min_redactions=3").path("data").size());
        assertEquals(
                0,
                list(ofAgent + "&since=" + "2999-01-01T00:00:00Z").path("data").size());
    }

    @Test
    void givenALimitOfOne_list_pagesThroughEverySessionOnceWithTheCursor() {
        JsonNode first = list("/api/v1/agents/" + agentId + "/sessions?limit=1");
        String cursor = first.path("next_cursor").asText();
        JsonNode second = list("/api/v1/agents/" + agentId + "/sessions?limit=1&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));

        assertEquals(1, first.path("data").size());
        assertEquals(1, second.path("data").size());
        assertTrue(second.path("next_cursor").isNull(), second.toString());
        assertFalse(first.path("data")
                .get(0)
                .path("id")
                .equals(second.path("data").get(0).path("id")));
    }

    @Test
    void givenBadParameters_list_answersValidationFailedNamingEach() {
        HttpResponse<String> response = masker.admin(
                "GET",
                "/api/v1/sessions?limit=0&since=yesterday&status=fine&min_redactions=-1&agent_id=x&cursor=forged",
                null);

        assertError(response, 422, "validation_failed");
        List<String> fields = new ArrayList<>();
        RunningMasker.read(response.body())
                .at("/error/details")
                .forEach(detail -> fields.add(detail.path("field").asText()));
        assertEquals(List.of("agent_id", "limit", "since", "status", "min_redactions", "cursor"), fields);
    }

    @Test
    void givenUnknownIds_getAndListOfAgent_answerNotFound() {
        assertError(
                masker.admin("GET", "/api/v1/sessions/sess_01JD8Q2W3E4R5T6Y7V8X9Z0P9Z", null),
                404,
                "session_not_found");
        assertError(masker.admin("GET", "/api/v1/sessions/not-a-session", null), 404, "session_not_found");
        assertError(
                masker.admin("GET", "/api/v1/agents/agt_01JD8Q2W3E4R5T6Y7V8X9Z0P9Z/sessions", null),
                404,
                "agent_not_found");
        assertError(masker.admin("POST", "/api/v1/sessions", "{}"), 405, "method_not_allowed");
    }

    @Test
    void givenNoAdminCredential_list_answersUnauthenticated() {
        HttpResponse<String> response = masker.send(
                HttpRequest.newBuilder(masker.uri("/api/v1/sessions")).GET());

        assertError(response, 401, "unauthenticated");
    }

    @Test
    void givenADeletedAgent_sessions_areKeptAndStillListed() throws InterruptedException {
        HttpResponse<String> created = masker.admin(
                "POST", "/api/v1/agents", "{\"name\": \"deleted " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}");
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        String deletedId = agent.path("id").asText();
        String call = "call-" + UUID.randomUUID();
        assertEquals(
                200,
                masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + deletedId + "/v1/chat/completions"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "X-Masker-Proxy-Key",
                                        agent.path("proxy_key").asText())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\": \"stub\", \"messages\": [{\"role\": \"user\", " + "\"content\": \""
                                                + TURN + "\"}], \"call\": {\"id\": \"" + call + "\"}}")))
                        .statusCode());
        assertEquals(
                204, masker.admin("DELETE", "/api/v1/agents/" + deletedId, null).statusCode());

        JsonNode sessions = list("/api/v1/agents/" + deletedId + "/sessions");
        JsonNode everywhere = list("/api/v1/sessions?agent_id=" + deletedId);

        assertEquals(1, sessions.path("data").size(), sessions.toString());
        assertEquals(deletedId, sessions.path("data").get(0).path("agent_id").asText());
        assertEquals(1, everywhere.path("data").size());
        String id = sessions.path("data").get(0).path("id").asText();
        assertEquals(200, masker.admin("GET", "/api/v1/sessions/" + id, null).statusCode());
    }

    @Test
    void givenAPolicyWithLogPayloads_get_showsEachTurnsPayloadAndTheTableHoldsNoPlaintext() throws Exception {
        String yaml = "name: front-desk-debug\\nversion: 1\\nkid: K_HEALTHCARE\\ntokenization: vault-deterministic\\n"
                + "log_payloads: true\\n";
        HttpResponse<String> created = masker.admin(
                "POST",
                "/api/v1/agents",
                "{\"name\": \"debug " + UUID.randomUUID() + "\", \"upstream\": \"stub\", \"policy_yaml\": \"" + yaml
                        + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        String debugAgent = agent.path("id").asText();
        HttpResponse<String> answered = masker.send(HttpRequest.newBuilder(
                        masker.uri("/proxy/" + debugAgent + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Masker-Proxy-Key", agent.path("proxy_key").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"stub\", \"messages\": [{\"role\": \"user\", "
                        + "\"content\": \"" + TURN + "\"}], \"call\": {\"id\": \"call-debug\"}}")));
        assertEquals(200, answered.statusCode(), answered.body());
        String requestId = answered.headers().firstValue("X-Request-Id").orElseThrow();

        JsonNode payload = null;
        for (int attempt = 0; attempt < 100 && payload == null; attempt++) {
            JsonNode sessions = list("/api/v1/agents/" + debugAgent + "/sessions");
            if (!sessions.path("data").isEmpty()
                    && sessions.path("data").get(0).path("turns").asInt() == 1) {
                JsonNode session = RunningMasker.read(masker.admin(
                                        "GET",
                                        "/api/v1/sessions/"
                                                + sessions.path("data")
                                                        .get(0)
                                                        .path("id")
                                                        .asText(),
                                        null)
                                .body())
                        .path("session");
                JsonNode event = session.path("events").get(0);
                payload = event.has("payload") ? event.path("payload") : null;
            }
            if (payload == null) {
                Thread.sleep(50); // the turn's event and payload are written after its answer
            }
        }

        assertTrue(payload != null, "no payload for the turn");
        assertTrue(payload.path("request").toString().contains(PATIENT), payload.toString());
        assertFalse(payload.path("upstream_request").toString().contains(PATIENT), payload.toString());
        assertTrue(payload.path("upstream_request").toString().contains("MSKV1.NAME."), payload.toString());
        assertTrue(payload.path("answer").toString().contains(PATIENT), payload.toString());
        assertEquals("ok", payload.path("outcome").asText());
        try (java.sql.Connection connection = TestDatabase.connect(masker.schema());
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(
                        "SELECT request_id, kid, encode(ciphertext, 'escape') AS sealed " + "FROM turn_payload")) {
            assertTrue(rows.next(), "the payload row");
            assertEquals(requestId, rows.getString("request_id"));
            assertEquals("K_HEALTHCARE", rows.getString("kid"));
            assertNoPhi(rows.getString("sealed"));
            assertFalse(rows.next(), "only the logging policy's turn keeps a payload");
        }
    }

    @Test
    void givenAStartedServer_theVaultRetention_hasPurgedAndAuditedIt() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (Map<String, String> row : masker.auditRows()) {
                if ("vault_purged".equals(row.get("type"))) {
                    JsonNode data = RunningMasker.read(row.get("body")).path("data");
                    assertEquals("30", data.path("retention_days").asText(), "MASKER_RETENTION_DAYS's default");
                    assertEquals("0", data.path("removed").asText(), "this server's vault is younger than 30 days");
                    assertTrue(Instant.parse(data.path("cutoff").asText())
                            .isBefore(Instant.now().minusSeconds(29 * 86_400L)));
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no vault_purged event after the start");
    }

    private static void assertNoPhi(String text) {
        // A token would show as MSKV1.<KIND>.<kid>.<value>; the scheme's name alone is listed per value.
        assertFalse(
                text.contains("Maria")
                        || text.contains("Lopez")
                        || RunningMasker.holdsNumber(text, "0132")
                        || text.contains("MSKV1."),
                text);
    }
}
