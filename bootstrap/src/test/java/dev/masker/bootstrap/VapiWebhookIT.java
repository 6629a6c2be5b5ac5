package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.session.SessionId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook over real HTTP, on the real PostgreSQL: the assistant-request (SPEC §4), every error code, the audit row.
 * A whole call's other messages are in {@link VapiWholeCallIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VapiWebhookIT {
    private static final String SYSTEM_PROMPT = "You are the front desk of Sunrise Clinic";
    private static final String FIRST_MESSAGE = "Hello, Sunrise Clinic, how can I help";
    private static final String ASSISTANT = """
            {"firstMessage": "%s",
             "model": {"provider": "openai", "model": "gpt-4o-mini", "url": "https://api.openai.com/v1",
                       "messages": [{"role": "system", "content": "%s"}], "temperature": 0.2},
             "voice": {"provider": "11labs", "voiceId": "rachel"}}
            """.formatted(FIRST_MESSAGE, SYSTEM_PROMPT);
    private static final Pattern REQUEST_ID = Pattern.compile("req_[0-7][0-9A-HJKMNP-TV-Z]{25}");

    private RunningMasker masker;
    private String agentId;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of("MASKER_MAX_BODY_BYTES", "4096"));
        agentId = masker.createAgentWithAssistant(ASSISTANT);
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenSignedDocumentedEnvelope_postWebhook_answersAssistantRoutedThroughTheProxy() {
        HttpResponse<String> response =
                masker.webhook(agentId, RunningMasker.assistantRequest(newCallId(), "+14155552671"));

        JsonNode assistant = RunningMasker.read(response.body()).path("assistant");
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals(
                        "custom-llm", assistant.path("model").path("provider").asText()),
                () -> assertEquals(
                        RunningMasker.PUBLIC_URL + "/proxy/" + agentId + "/v1/chat/completions",
                        assistant.path("model").path("url").asText()),
                () -> assertEquals(
                        "gpt-4o-mini", assistant.path("model").path("model").asText()),
                () -> assertEquals(
                        SYSTEM_PROMPT,
                        assistant
                                .path("model")
                                .path("messages")
                                .get(0)
                                .path("content")
                                .asText()),
                () -> assertEquals(
                        0.2, assistant.path("model").path("temperature").asDouble()),
                () -> assertEquals(
                        "rachel", assistant.path("voice").path("voiceId").asText()),
                () -> assertEquals(FIRST_MESSAGE, assistant.path("firstMessage").asText()),
                () -> assertTrue(REQUEST_ID
                        .matcher(response.headers().firstValue("X-Request-Id").orElse(""))
                        .matches()));
    }

    @Test
    void givenASignedAssistantRequestSentAgainADayLater_postWebhook_refusesItAndHandsOutNoProxyKey() {
        String callId = newCallId();
        byte[] replayed =
                RunningMasker.assistantRequest(callId, "+14155552671", System.currentTimeMillis() - 86_400_000L);

        HttpResponse<String> response = masker.webhook(agentId, replayed);

        assertError(response, 401, "bad_signature");
        assertFalse(response.body().contains("mpk_"), response.body());
        assertTrue(masker.callStartedRows(agentId).stream()
                .noneMatch(row -> row.get("body").contains(callId)));
    }

    @Test
    void givenVapiMessageEnvelope_postWebhook_answersAssistant() throws Exception {
        // The fixture as Vapi would send it now: a message stamped long ago is refused as sent again.
        byte[] body = new String(fixture("assistant-request.envelope.json"), StandardCharsets.UTF_8)
                .replace("1764201600000", Long.toString(System.currentTimeMillis()))
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = masker.webhook(agentId, body);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "custom-llm",
                RunningMasker.read(response.body())
                        .path("assistant")
                        .path("model")
                        .path("provider")
                        .asText());
    }

    @Test
    void givenAgentWithoutModel_postWebhook_usesTheUpstreamModel() {
        String bare =
                masker.createAgent("{\"name\":\"bare " + UUID.randomUUID() + "\",\"upstream\":\"openai:gpt-4o-mini\"}");

        HttpResponse<String> response =
                masker.webhook(bare, RunningMasker.assistantRequest(newCallId(), "+14155550000"));

        JsonNode model = RunningMasker.read(response.body()).path("assistant").path("model");
        assertEquals("gpt-4o-mini", model.path("model").asText());
        assertEquals("custom-llm", model.path("provider").asText());
    }

    @Test
    void givenSameCallTwice_postWebhook_answersTheSameAndAuditsOnce() {
        byte[] body = RunningMasker.assistantRequest(newCallId(), "+14155552671");
        String freshAgent = masker.createAgentWithAssistant(ASSISTANT);

        HttpResponse<String> first = masker.webhook(freshAgent, body);
        HttpResponse<String> second = masker.webhook(freshAgent, body);

        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(RunningMasker.read(first.body()), RunningMasker.read(second.body()));
        assertEquals(1, masker.callStartedRows(freshAgent).size());
    }

    @Test
    void givenCallStarted_auditRow_holdsNoPhoneNumberPromptOrFirstMessage() {
        String phone = "+13125550199";
        String freshAgent = masker.createAgentWithAssistant(ASSISTANT);
        String callId = "call-audit-" + UUID.randomUUID();
        masker.webhook(freshAgent, RunningMasker.assistantRequest(callId, phone));

        List<Map<String, String>> rows = masker.callStartedRows(freshAgent);
        assertEquals(1, rows.size());
        String body = rows.get(0).get("body");
        JsonNode data = RunningMasker.read(body).path("data");
        String digits = phone.replaceAll("\\D", "");
        assertAll(
                () -> assertEquals("static", data.path("config_source").asText()),
                () -> assertEquals("gpt-4o-mini", data.path("model").asText()),
                () -> assertEquals("asst_1", data.path("assistant_id").asText()),
                () -> assertTrue(data.path("customer_fingerprint").asText().matches("[A-Z2-7]{26}")),
                () -> assertFalse(body.contains(SYSTEM_PROMPT)),
                () -> assertFalse(body.contains(FIRST_MESSAGE)),
                () -> assertFalse(body.contains("rachel")));
        // The ids are random (a UUID call id may hold "0199" by chance); the check is for the caller's number.
        String withoutIds = RunningMasker.withoutOwnIds(body).replace(callId, "");
        for (int start = 0; start + 4 <= digits.length(); start++) {
            String run = digits.substring(start, start + 4);
            assertFalse(withoutIds.contains(run), "the audit row holds the digit run " + run);
        }
    }

    @Test
    void givenOneCallerWrittenTwoWays_callStarted_fingerprintIsTheMskv1PhoneTokenMaskingGivesTheNumber() {
        String freshAgent = masker.createAgentWithAssistant(ASSISTANT);
        masker.webhook(freshAgent, RunningMasker.assistantRequest("call-fp-" + UUID.randomUUID(), "+1 (415) 555-0100"));
        masker.webhook(freshAgent, RunningMasker.assistantRequest("call-fp-" + UUID.randomUUID(), "14155550100"));
        String masked = masker.mask(
                        new SessionId(Ulid.generate(Instant.now(), new SecureRandom())),
                        "Call me back at 415 555 0100 please.",
                        MaskingPolicy.healthcareDefault())
                .texts()
                .getFirst();
        PhiToken token = PhiToken.SHAPE
                .matcher(masked)
                .results()
                .map(m -> PhiToken.parse(m.group()).orElseThrow())
                .findFirst()
                .orElseThrow();

        List<String> fingerprints = masker.callStartedRows(freshAgent).stream()
                .map(row -> RunningMasker.read(row.get("body"))
                        .path("data")
                        .path("customer_fingerprint")
                        .asText())
                .toList();

        assertEquals(PhiKind.PHONE, token.kind());
        assertEquals(MaskingPolicy.HEALTHCARE_KID, token.kid());
        assertEquals(List.of(token.value(), token.value()), fingerprints);
    }

    @Test
    void givenSignatureOfAnotherBody_postWebhook_answersBadSignature() {
        byte[] body = RunningMasker.assistantRequest(newCallId(), "+14155552671");
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header(
                        "X-Vapi-Signature",
                        RunningMasker.sign(RunningMasker.SECRET, "{}".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertError(response, 401, "bad_signature");
    }

    @Test
    void givenNoSignature_postWebhook_answersBadSignatureBeforeParsing() {
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json at all")));

        assertError(response, 401, "bad_signature");
    }

    @Test
    void givenTimestampedSignatureOfNow_postWebhook_answersAssistant() {
        byte[] body = RunningMasker.assistantRequest(newCallId(), "+14155552671");
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header(
                        "X-Signature",
                        RunningMasker.sign(
                                RunningMasker.SECRET, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body))
                .header("X-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void givenSignedGarbage_postWebhook_answersInvalidJson() {
        assertError(masker.webhook(agentId, "{\"type\": ".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "agt_nope",
                "agt_01M8DZCGH2NKJRA85DGPJDCT3",
                "AGT_01M8DZCGH2NKJRA85DGPJDCT3G",
                "agt_01M8DZCGH2NKJRA85DGPJDCT3G"
            })
    void givenMalformedOrUnknownAgent_postWebhook_answersAgentNotFound(String id) {
        assertError(
                masker.webhook(id, RunningMasker.assistantRequest(newCallId(), "+14155552671")),
                404,
                "agent_not_found");
    }

    @Test
    void givenStatusUpdate_postWebhook_answersAnEmptyObject() throws Exception {
        HttpResponse<String> response = masker.webhook(agentId, fixture("status-update.envelope.json"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{}", response.body());
    }

    @Test
    void givenMissingType_postWebhook_answersUnsupportedEvent() {
        assertError(
                masker.webhook(agentId, "{\"call\":{\"id\":\"c1\"}}".getBytes(StandardCharsets.UTF_8)),
                422,
                "unsupported_event");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"assistant-request\"}",
                "{\"type\":\"assistant-request\",\"call\":\"c1\"}",
                "{\"type\":\"assistant-request\",\"call\":{}}"
            })
    void givenCallMissingOrNotAnObject_postWebhook_answersValidationFailed(String json) {
        HttpResponse<String> response = masker.webhook(agentId, json.getBytes(StandardCharsets.UTF_8));

        assertError(response, 422, "validation_failed");
        assertTrue(RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .get(0)
                .path("field")
                .asText()
                .startsWith("call"));
    }

    @Test
    void givenBodyOverTheLimit_postWebhook_answersPayloadTooLarge() {
        byte[] body = ("{\"type\":\"assistant-request\",\"pad\":\"" + "x".repeat(5000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertError(masker.webhook(agentId, body), 413, "payload_too_large");
    }

    @Test
    void givenChunkedBodyOverTheLimit_postWebhook_answersPayloadTooLarge() {
        byte[] body = ("{\"type\":\"assistant-request\",\"pad\":\"" + "x".repeat(20_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header("X-Vapi-Signature", RunningMasker.sign(RunningMasker.SECRET, body))
                // No length is declared: the body arrives chunked and is cut off at the limit.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertError(response, 413, "payload_too_large");
    }

    @Test
    void givenFormContentType_postWebhook_answersUnsupportedMediaType() {
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")));

        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void givenGet_onWebhook_answersMethodNotAllowed() {
        assertError(
                masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                        .GET()),
                405,
                "method_not_allowed");
    }

    @Test
    void givenUnknownRoute_get_answersNotFoundInTheErrorShape() {
        assertError(
                masker.send(HttpRequest.newBuilder(masker.uri("/no/such/route")).GET()), 404, "not_found");
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        JsonNode error = RunningMasker.read(response.body()).path("error");
        String requestId = response.headers().firstValue("X-Request-Id").orElse("");
        assertAll(
                () -> assertEquals(status, response.statusCode(), response.body()),
                () -> assertEquals(code, error.path("code").asText()),
                () -> assertFalse(error.path("message").asText().isBlank()),
                () -> assertEquals(requestId, error.path("request_id").asText()),
                () -> assertTrue(REQUEST_ID.matcher(requestId).matches(), requestId),
                () -> assertFalse(response.body().contains("Exception"), response.body()));
    }

    static byte[] fixture(String name) throws Exception {
        try (var in = VapiWebhookIT.class.getResourceAsStream("fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String newCallId() {
        return "call-" + UUID.randomUUID();
    }
}
