package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Agents with a built-in policy or one of their own (SPEC §6, issue 4), through the API on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentPoliciesIT {
    private static final String FRONT_DESK = """
            name: front-desk
            version: 3
            kid: K_FRONTDESK
            tokenization: vault-deterministic
            entities:
              NAME: { enabled: true, action: tokenize }
              AGE:
                enabled: false
                action: pass
            """;

    private RunningMasker masker;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of("MASKER_KEY_K_FRONTDESK", RunningMasker.TOKEN_KEY));
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenCustomPolicyYaml_createGetAndPatch_roundTripsWithoutShowingTheYaml() {
        HttpResponse<String> created = masker.admin("POST", "/api/v1/agents", body(Map.of("policy_yaml", FRONT_DESK)));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode agent = RunningMasker.read(created.body()).path("agent");
        String id = agent.path("id").asText();
        assertEquals("front-desk", agent.path("policy_name").asText());
        assertTrue(agent.path("custom_policy").asBoolean(), created.body());
        assertFalse(created.body().contains("K_FRONTDESK"), "the YAML is not shown");

        JsonNode fetched = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .path("agent");
        assertEquals("front-desk", fetched.path("policy_name").asText());
        assertTrue(fetched.path("custom_policy").asBoolean());

        JsonNode named = RunningMasker.read(
                        masker.admin("PATCH", "/api/v1/agents/" + id, "{\"policy_name\": \"healthcare-default\"}")
                                .body())
                .path("agent");
        assertEquals("healthcare-default", named.path("policy_name").asText());
        assertFalse(named.path("custom_policy").asBoolean());

        ObjectNode patch = JsonNodeFactory.instance
                .objectNode()
                .put("policy_yaml", FRONT_DESK.replace("front-desk", "front-desk-v2"));
        HttpResponse<String> own = masker.admin("PATCH", "/api/v1/agents/" + id, patch.toString());
        assertEquals(200, own.statusCode(), own.body());
        JsonNode refetched = RunningMasker.read(
                        masker.admin("GET", "/api/v1/agents/" + id, null).body())
                .path("agent");
        assertEquals("front-desk-v2", refetched.path("policy_name").asText());
        assertTrue(refetched.path("custom_policy").asBoolean());
    }

    @Test
    void givenBothPolicyFields_create_answersValidationFailedNamingBoth() {
        HttpResponse<String> response = masker.admin(
                "POST", "/api/v1/agents", body(Map.of("policy_name", "healthcare-default", "policy_yaml", FRONT_DESK)));

        assertError(response, 422, "validation_failed");
        List<String> fields = RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .findValuesAsText("field");
        assertTrue(fields.containsAll(List.of("policy_name", "policy_yaml")), response.body());
    }

    @Test
    void givenUnknownPolicyName_patch_answersUnknownPolicy() {
        HttpResponse<String> created = masker.admin("POST", "/api/v1/agents", body(Map.of()));
        String id = RunningMasker.read(created.body()).path("agent").path("id").asText();

        assertError(
                masker.admin("PATCH", "/api/v1/agents/" + id, "{\"policy_name\": \"lenient\"}"), 422, "unknown_policy");
    }

    @Test
    void givenBadActionInYaml_create_answersPolicyYamlInvalidWithLineAndColumn() {
        HttpResponse<String> response = masker.admin(
                "POST",
                "/api/v1/agents",
                body(Map.of("policy_yaml", FRONT_DESK.replace("action: pass", "action: 555-0100"))));

        assertError(response, 422, "policy_yaml_invalid");
        JsonNode detail = RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .path(0);
        assertEquals("entities.AGE.action", detail.path("field").asText());
        assertEquals(
                "line 9, column 13: must be tokenize, redact or pass",
                detail.path("problem").asText());
        assertFalse(response.body().contains("555-0100"));
    }

    @Test
    void givenKidWithoutKey_create_answersPolicyYamlInvalidNamingTheKeyVariable() {
        HttpResponse<String> response = masker.admin(
                "POST", "/api/v1/agents", body(Map.of("policy_yaml", FRONT_DESK.replace("K_FRONTDESK", "K_BILLING"))));

        assertError(response, 422, "policy_yaml_invalid");
        JsonNode detail = RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .path(0);
        assertEquals("kid", detail.path("field").asText());
        assertTrue(detail.path("problem").asText().contains("MASKER_KEY_K_BILLING"), response.body());
    }

    private static String body(Map<String, String> fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", "Policy " + UUID.randomUUID());
        body.put("upstream", "stub");
        fields.forEach(body::put);
        return body.toString();
    }
}
