package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: one whole call as Vapi makes it, over real HTTP on the real PostgreSQL, every message signed as Vapi signs
 * it and sent to the agent's one Server URL: the assistant-request, status updates, proxied turns (one holding a tool
 * call), the {@code tool-calls} message, a transcript and the end-of-call report. Then: the session has ended, the
 * chain holds one {@code call_ended} with the call's totals and no PHI, and every message type of Vapi's
 * {@code ServerMessage} union got a 2xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VapiWholeCallIT {
    private static final String PATIENT = "Maria Lopez";
    private static final String PHONE = "415-555-0132";
    private static final String TRANSCRIPT = "User: Hi, this is " + PATIENT + ", my phone is " + PHONE + ".";

    private static final String BACKEND_SECRET = "clinic_backend_secret_0123456789";
    private static final String BACKEND_ANSWER =
            "{\"results\": [{\"toolCallId\": \"call_tool_1\", \"result\": \"booked\"}]}";

    private RunningMasker masker;
    private String agentId;
    private String proxyKey;
    private WebServer backend;
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    /** One request the fake clinic backend received: its signature header and its body. */
    private record Delivery(String signature, byte[] body) {}

    @BeforeAll
    void start() {
        backend = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/vapi", (req, res) -> {
                    byte[] body = req.content().as(byte[].class);
                    delivered.add(new Delivery(
                            req.headers()
                                    .first(HeaderNames.create("X-Masker-Signature"))
                                    .orElse(""),
                            body));
                    boolean toolCalls = new String(body, StandardCharsets.UTF_8).contains("\"tool-calls\"");
                    res.header(HeaderNames.CONTENT_TYPE, "application/json").send(toolCalls ? BACKEND_ANSWER : "{}");
                }))
                .build()
                .start();
        masker = RunningMasker.start(Map.of());
        HttpResponse<String> created = masker.admin(
                "POST",
                "/api/v1/agents",
                "{\"name\": \"whole call " + UUID.randomUUID() + "\", \"upstream\": \"stub\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        agentId = agent.path("id").asText();
        proxyKey = agent.path("proxy_key").asText();
    }

    @AfterAll
    void stop() {
        masker.close();
        backend.stop();
    }

    /** A server message in Vapi's real envelope, {@code {"message": {...}}}, for the call, stamped now as Vapi does. */
    private static byte[] message(String type, String callId, String fields) {
        return ("{\"message\": {\"type\": \"" + type + "\", \"timestamp\": " + System.currentTimeMillis()
                        + ", \"call\": {\"id\": \"" + callId
                        + "\", \"customer\": {\"number\": \"+14155550132\"}}" + fields + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> turn(String callId, String messages) {
        String body = "{\"model\": \"stub\", \"messages\": " + messages + ", \"call\": {\"id\": \"" + callId + "\"}}";
        return masker.send(HttpRequest.newBuilder(masker.uri("/proxy/" + agentId + "/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .header("X-Masker-Proxy-Key", proxyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void givenAWholeCall_everyMessage_isAnsweredAndTheCallEndsWithOneCallEndedHoldingNoPhi()
            throws InterruptedException {
        String callId = "call-" + UUID.randomUUID();

        HttpResponse<String> assistant = masker.webhook(agentId, message("assistant-request", callId, ""));
        HttpResponse<String> ringing =
                masker.webhook(agentId, message("status-update", callId, ", \"status\": \"in-progress\""));
        HttpResponse<String> firstTurn = turn(
                callId,
                "[{\"role\": \"user\", \"content\": \"Hi, this is " + PATIENT + ", my phone is " + PHONE + ".\"}]");
        HttpResponse<String> secondTurn = turn(
                callId,
                "[{\"role\": \"user\", \"content\": \"Book me in, " + PATIENT
                        + ".\"}, {\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": [{\"id\": \"call_tool_1\", \"type\": "
                        + "\"function\", \"function\": {\"name\": \"book_visit\", \"arguments\": \"{\\\"phone\\\": \\\""
                        + PHONE
                        + "\\\"}\"}}]}]");
        awaitTurnsRecorded(2);
        HttpResponse<String> tools = masker.webhook(
                agentId,
                message(
                        "tool-calls",
                        callId,
                        ", \"toolCallList\": [{\"id\": \"call_tool_1\", \"type\": \"function\", \"function\": {\"name\": "
                                + "\"book_visit\", \"arguments\": {\"phone\": \"" + PHONE + "\"}}}]"));
        HttpResponse<String> transcript = masker.webhook(
                agentId,
                message(
                        "transcript",
                        callId,
                        ", \"role\": \"user\", \"transcriptType\": \"final\", \"transcript\": \"" + TRANSCRIPT + "\""));
        HttpResponse<String> report = masker.webhook(
                agentId,
                message(
                        "end-of-call-report",
                        callId,
                        ", \"endedReason\": \"customer-ended-call\", \"startedAt\": \"2025-11-27T00:00:05Z\", \"endedAt\": "
                                + "\"2025-11-27T00:03:05Z\", \"artifact\": {\"transcript\": \"" + TRANSCRIPT + "\"}, "
                                + "\"analysis\": {\"summary\": \"" + PATIENT + " booked a visit.\"}"));

        assertAll(
                () -> assertEquals(200, assistant.statusCode(), assistant.body()),
                () -> assertEquals(
                        "custom-llm",
                        RunningMasker.read(assistant.body())
                                .at("/assistant/model/provider")
                                .asText()),
                () -> assertEquals(200, ringing.statusCode(), ringing.body()),
                () -> assertEquals("{}", ringing.body()),
                () -> assertEquals(200, firstTurn.statusCode(), firstTurn.body()),
                () -> assertEquals(200, secondTurn.statusCode(), secondTurn.body()),
                () -> assertEquals(200, tools.statusCode(), tools.body()),
                () -> assertEquals(
                        "call_tool_1",
                        RunningMasker.read(tools.body())
                                .at("/results/0/toolCallId")
                                .asText()),
                () -> assertFalse(
                        RunningMasker.read(tools.body())
                                .at("/results/0/error")
                                .asText()
                                .isBlank(),
                        "without a backend, Vapi reads the tool call as failed"),
                () -> assertEquals(200, transcript.statusCode(), transcript.body()),
                () -> assertEquals(200, report.statusCode(), report.body()),
                () -> assertEquals("{}", report.body()));

        List<Map<String, String>> ended = masker.auditRows().stream()
                .filter(row -> "call_ended".equals(row.get("type")) && agentId.equals(row.get("agent_id")))
                .toList();
        assertEquals(1, ended.size());
        String body = ended.getFirst().get("body");
        JsonNode data = RunningMasker.read(body).path("data");
        assertAll(
                () -> assertEquals(callId, data.path("call_id").asText()),
                () -> assertTrue(data.path("session_id").asText().startsWith("sess_")),
                () -> assertEquals("180000", data.path("duration_ms").asText()),
                () -> assertEquals(
                        "customer-ended-call", data.path("ended_reason").asText()),
                () -> assertEquals("2", data.path("turns").asText()),
                () -> assertTrue(data.path("masked").asText().contains("NAME:"), body),
                () -> assertTrue(data.path("masked").asText().contains("PHONE:"), body),
                () -> assertFalse(body.contains("Maria") || body.contains("Lopez"), body),
                () -> assertFalse(body.contains("555-0132") || body.contains("5550132"), body),
                () -> assertFalse(body.contains("booked"), "no summary"));
        assertEquals("customer-ended-call", endedReason(callId));

        // Vapi sends the report once; a retry of it still records one event.
        assertEquals(
                200,
                masker.webhook(
                                agentId,
                                message("end-of-call-report", callId, ", \"endedReason\": \"customer-ended-call\""))
                        .statusCode());
        assertEquals(
                1,
                masker.auditRows().stream()
                        .filter(row -> "call_ended".equals(row.get("type")) && agentId.equals(row.get("agent_id")))
                        .count());
    }

    @Test
    void givenAnAgentWithABackend_toolCallsAndListedMessages_areRelayedSignedAndTheToolAnswerReturned()
            throws Exception {
        HttpResponse<String> created = masker.admin(
                "POST",
                "/api/v1/agents",
                "{\"name\": \"forwarding " + UUID.randomUUID()
                        + "\", \"upstream\": \"stub\", \"forward\": {\"url\": \"http://127.0.0.1:" + backend.port()
                        + "/vapi\", \"secret\": \"" + BACKEND_SECRET + "\", \"timeout_ms\": 3000,"
                        + " \"messages\": [\"end-of-call-report\"]}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        assertTrue(agent.at("/forward/secret_set").asBoolean(), created.body());
        assertFalse(created.body().contains(BACKEND_SECRET), "the secret is never shown");
        String forwarding = agent.path("id").asText();
        String callId = "call-" + UUID.randomUUID();
        byte[] toolCalls = message(
                "tool-calls",
                callId,
                ", \"toolCallList\": [{\"id\": \"call_tool_1\", \"type\": "
                        + "\"function\", \"function\": {\"name\": \"book_visit\", \"arguments\": {\"phone\": \"" + PHONE
                        + "\"}}}]");

        HttpResponse<String> answer = masker.webhook(forwarding, toolCalls);
        HttpResponse<String> status = masker.webhook(forwarding, message("status-update", callId, ""));
        HttpResponse<String> report = masker.webhook(
                forwarding, message("end-of-call-report", callId, ", \"endedReason\": \"customer-ended-call\""));

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(BACKEND_ANSWER, answer.body(), "the backend's answer, unchanged");
        assertEquals("{}", status.body());
        assertEquals("{}", report.body());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2, delivered.size(), "the tool calls and the listed report; not the status update");
        Delivery relayed = delivered.getFirst();
        assertArrayEquals(toolCalls, relayed.body(), "the message exactly as Vapi sent it");
        String timestamp = relayed.signature().substring(2, relayed.signature().indexOf(','));
        assertEquals(
                "t=" + timestamp + ",v1="
                        + RunningMasker.sign(
                                BACKEND_SECRET, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), relayed.body()),
                relayed.signature());
        assertTrue(new String(delivered.get(1).body(), StandardCharsets.UTF_8).contains("end-of-call-report"));
    }

    /** Every type of Vapi's {@code ServerMessage} union in {@code @vapi-ai/server-sdk} 2.0.1. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "assistant-request",
                "conversation-update",
                "end-of-call-report",
                "handoff-destination-request",
                "hang",
                "knowledge-base-request",
                "model-output",
                "phone-call-control",
                "speech-update",
                "status-update",
                "tool-calls",
                "transfer-destination-request",
                "transfer-update",
                "transcript",
                "user-interrupted",
                "language-change-detected",
                "voice-input",
                "assistant-speech",
                "voice-request",
                "call.endpointing.request",
                "chat.created",
                "chat.deleted",
                "session.created",
                "session.updated",
                "session.deleted",
                "call.deleted",
                "call.delete.failed",
                "call.artifact.upload",
                "campaign.predial"
            })
    void givenEachServerMessageType_webhook_answersTwoHundred(String type) {
        HttpResponse<String> response = masker.webhook(agentId, message(type, "call-" + UUID.randomUUID(), ""));

        assertEquals(200, response.statusCode(), type + ": " + response.body());
        assertTrue(RunningMasker.read(response.body()).isObject(), response.body());
    }

    /**
     * Waits until the agent's proxied turns are in the audit log. A turn's event is appended without waiting for its commit,
     * and the call's end counts the turns committed; Vapi's report comes seconds after the last turn, here milliseconds.
     */
    private void awaitTurnsRecorded(int turns) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (masker.auditRows().stream()
                        .filter(row -> "turn_proxied".equals(row.get("type")) && agentId.equals(row.get("agent_id")))
                        .count()
                < turns) {
            assertTrue(System.nanoTime() < deadline, "the turns' audit events were not committed within 10 s");
            Thread.sleep(20);
        }
    }

    private String endedReason(String callId) {
        try (Connection connection = TestDatabase.connect(masker.schema());
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT ended_reason, ended_at IS NOT NULL AS ended FROM proxy_session"
                                + " WHERE call_id = '" + callId.replace("'", "''") + "'")) {
            assertTrue(rows.next(), "the call has a session");
            assertTrue(rows.getBoolean("ended"));
            return rows.getString("ended_reason");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
