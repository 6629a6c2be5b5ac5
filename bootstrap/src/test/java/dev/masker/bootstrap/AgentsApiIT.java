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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST and GET /api/v1/agents behind the admin token (SPEC §5, the part issue 2 needs). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsApiIT {
    private RunningMasker masker;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of());
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenValidAgent_post_answersCreatedWithBothVapiUrls() {
        String name = "Front desk " + UUID.randomUUID();
        HttpResponse<String> response = masker.admin("POST", "/api/v1/agents", """
                {"name": "%s", "upstream": "openai:gpt-4o", "assistant": {"firstMessage": "Hi"},
                 "config_callback": {"url": "https://clinic.example/masker", "secret": "callback-secret-0123456789"}}
                """.formatted(name));

        JsonNode agent = RunningMasker.read(response.body()).path("agent");
        String id = agent.path("id").asText();
        assertAll(
                () -> assertEquals(201, response.statusCode(), response.body()),
                () -> assertTrue(id.matches("agt_[0-7][0-9A-HJKMNP-TV-Z]{25}"), id),
                () -> assertEquals(name, agent.path("name").asText()),
                () -> assertEquals("openai:gpt-4o", agent.path("upstream").asText()),
                () -> assertEquals(
                        "vault-deterministic", agent.path("tokenization").asText()),
                () -> assertEquals(
                        "healthcare-default", agent.path("policy_name").asText()),
                () -> assertEquals(
                        RunningMasker.PUBLIC_URL + "/vapi/webhook/" + id,
                        agent.path("webhook_url").asText()),
                () -> assertEquals(
                        RunningMasker.PUBLIC_URL + "/proxy/" + id + "/v1/chat/completions",
                        agent.path("proxy_url").asText()),
                () -> assertEquals(
                        1500, agent.path("config_callback").path("timeout_ms").asInt()),
                () -> assertFalse(response.body().contains("callback-secret-0123456789"), "the secret is never shown"),
                () -> assertTrue(agent.path("created_at")
                        .asText()
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")));

        HttpResponse<String> fetched = masker.admin("GET", "/api/v1/agents/" + id, null);
        assertEquals(200, fetched.statusCode());
        com.fasterxml.jackson.databind.node.ObjectNode withStats = (com.fasterxml.jackson.databind.node.ObjectNode)
                RunningMasker.read(fetched.body()).path("agent");
        assertEquals(0, withStats.remove("stats").path("webhook_calls_24h").asLong());
        assertEquals(agent, withStats);
    }

    @Test
    void givenNoOrWrongToken_anyApiRoute_answersUnauthenticated() {
        HttpRequest.Builder none = HttpRequest.newBuilder(masker.uri("/api/v1/agents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpRequest.Builder wrong = HttpRequest.newBuilder(masker.uri("/api/v1/agents/agt_x"))
                .header("Authorization", "Bearer " + RunningMasker.ADMIN_TOKEN + "x")
                .GET();
        HttpRequest.Builder basic = HttpRequest.newBuilder(masker.uri("/api/v1/unknown"))
                .header("Authorization", "Basic " + RunningMasker.ADMIN_TOKEN)
                .GET();

        assertError(masker.send(none), 401, "unauthenticated");
        assertError(masker.send(wrong), 401, "unauthenticated");
        assertError(masker.send(basic), 401, "unauthenticated");
    }

    @Test
    void givenEveryFieldWrong_post_listsEachOffendingField() {
        HttpResponse<String> response = masker.admin("POST", "/api/v1/agents", """
                {"name": "", "upstream": 7, "tokenization": "rot13", "assistant": "x", "colour": "red",
                 "config_callback": {"url": "ftp://x", "secret": "short", "timeout_ms": 9000}}
                """);

        assertError(response, 422, "validation_failed");
        List<String> fields = new ArrayList<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asText()));
        assertTrue(fields.containsAll(List.of("name", "upstream", "assistant", "colour")), fields.toString());
    }

    @Test
    void givenAMisspelledAssistantField_post_answersValidationFailedSuggestingVapisName() {
        HttpResponse<String> response = masker.admin("POST", "/api/v1/agents", """
                {"name": "typo %s", "upstream": "stub", "assistant": {"firstMesage": "Hi", "voice": "rachel"}}
                """.formatted(UUID.randomUUID()));

        assertError(response, 422, "validation_failed");
        assertEquals(
                List.of(
                        Map.of(
                                "field",
                                "assistant.firstMesage",
                                "problem",
                                "is not a field of Vapi's assistant; did you mean \"firstMessage\"?"),
                        Map.of("field", "assistant.voice", "problem", "must be an object")),
                details(response));
    }

    @Test
    void givenAMisspelledAssistantField_patch_answersValidationFailedAndKeepsTheAssistant() {
        String id = masker.createAgentWithAssistant("{\"firstMessage\": \"Hi\"}");

        HttpResponse<String> response =
                masker.admin("PATCH", "/api/v1/agents/" + id, "{\"assistant\": {\"firstMesage\": \"Hello\"}}");

        assertError(response, 422, "validation_failed");
        assertEquals(
                List.of(Map.of(
                        "field",
                        "assistant.firstMesage",
                        "problem",
                        "is not a field of Vapi's assistant; did you mean \"firstMessage\"?")),
                details(response));
        JsonNode stored = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .path("agent");
        assertEquals("{\"firstMessage\":\"Hi\"}", stored.path("assistant").toString());
    }

    @Test
    void givenAFullVapiAssistant_postAndPatch_acceptIt() {
        String assistant = """
                {"name": "Front desk", "firstMessage": "Sunrise Clinic, how can I help?",
                 "firstMessageMode": "assistant-speaks-first", "firstMessageInterruptionsEnabled": false,
                 "model": {"provider": "openai", "model": "gpt-4o-mini", "temperature": 0.3,
                           "messages": [{"role": "system", "content": "You book appointments."}]},
                 "voice": {"provider": "11labs", "voiceId": "rachel"},
                 "transcriber": {"provider": "deepgram", "model": "nova-2", "language": "en"},
                 "voicemailDetection": "off", "voicemailMessage": "Please call us back.",
                 "endCallMessage": "Goodbye.", "endCallPhrases": ["goodbye"], "maxDurationSeconds": 600,
                 "backgroundSound": "office", "serverMessages": ["end-of-call-report", "tool-calls"],
                 "clientMessages": ["transcript"], "server": {"url": "https://clinic.example/vapi", "timeoutSeconds": 20},
                 "metadata": {"clinic": "north"}, "analysisPlan": {}, "artifactPlan": {}, "startSpeakingPlan": {},
                 "stopSpeakingPlan": {}, "compliancePlan": {"hipaaEnabled": true}, "credentialIds": [],
                 "modelOutputInMessagesEnabled": false}""";
        HttpResponse<String> created =
                masker.admin("POST", "/api/v1/agents", """
                {"name": "full %s", "upstream": "openai:gpt-4o-mini", "assistant": %s}""".formatted(UUID.randomUUID(), assistant));
        assertEquals(201, created.statusCode(), created.body());
        String id = RunningMasker.read(created.body()).path("agent").path("id").asText();

        HttpResponse<String> patched =
                masker.admin("PATCH", "/api/v1/agents/" + id, "{\"assistant\": " + assistant + "}");

        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(
                RunningMasker.read(assistant),
                RunningMasker.read(patched.body()).path("agent").path("assistant"));
    }

    @Test
    void givenBadValues_post_listsTheirFields() {
        HttpResponse<String> response = masker.admin("POST", "/api/v1/agents", """
                {"name": "bad values %s", "upstream": "stub", "tokenization": "rot13",
                 "config_callback": {"url": "ftp://x", "secret": "short", "timeout_ms": 9000}}
                """.formatted(UUID.randomUUID()));

        assertError(response, 422, "validation_failed");
        List<String> fields = new ArrayList<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asText()));
        assertEquals(
                List.of("tokenization", "config_callback.url", "config_callback.secret", "config_callback.timeout_ms"),
                fields);
    }

    private static List<Map<String, String>> details(HttpResponse<String> response) {
        List<Map<String, String>> details = new ArrayList<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(detail -> details.add(Map.of(
                        "field",
                        detail.path("field").asText(),
                        "problem",
                        detail.path("problem").asText())));
        return details;
    }

    @Test
    void givenTakenNameInOtherCase_post_answersNameTaken() {
        String name = "Intake " + UUID.randomUUID();
        masker.createAgent("{\"name\":\"" + name + "\",\"upstream\":\"stub\"}");

        assertError(
                masker.admin(
                        "POST", "/api/v1/agents", "{\"name\":\"" + name.toUpperCase() + "\",\"upstream\":\"stub\"}"),
                409,
                "name_taken");
    }

    @Test
    void givenUnknownUpstreamOrPolicy_post_answersTheirCodes() {
        assertError(
                masker.admin(
                        "POST",
                        "/api/v1/agents",
                        "{\"name\":\"u " + UUID.randomUUID() + "\",\"upstream\":\"anthropic:claude\"}"),
                422,
                "unknown_upstream");
        assertError(
                masker.admin(
                        "POST",
                        "/api/v1/agents",
                        "{\"name\":\"p " + UUID.randomUUID() + "\",\"upstream\":\"stub\",\"policy_name\":\"lenient\"}"),
                422,
                "unknown_policy");
    }

    @Test
    void givenMalformedJsonOrWrongType_post_answersInvalidJsonOrUnsupportedMediaType() {
        assertError(masker.admin("POST", "/api/v1/agents", "{\"name\": "), 400, "invalid_json");
        assertError(
                masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/agents"))
                        .header("Authorization", "Bearer " + RunningMasker.ADMIN_TOKEN)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))),
                415,
                "unsupported_media_type");
    }

    @Test
    void givenMalformedOrUnknownId_get_answersAgentNotFound() {
        assertError(masker.admin("GET", "/api/v1/agents/agt_bad", null), 404, "agent_not_found");
        assertError(masker.admin("GET", "/api/v1/agents/agt_01M8DZCGH2NKJRA85DGPJDCT3G", null), 404, "agent_not_found");
    }

    @Test
    void givenLiveness_get_answersUp() {
        HttpResponse<String> live =
                masker.send(HttpRequest.newBuilder(masker.uri("/health")).GET());
        HttpResponse<String> ready =
                masker.send(HttpRequest.newBuilder(masker.uri("/health/ready")).GET());

        assertEquals(200, live.statusCode());
        assertEquals(200, ready.statusCode());
        assertTrue(
                RunningMasker.read(ready.body()).path("checks").path("database").asBoolean());
    }
}
