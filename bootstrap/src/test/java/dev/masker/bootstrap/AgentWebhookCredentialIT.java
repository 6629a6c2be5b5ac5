package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An agent's own webhook credential through the agents API: shown without its secret, refused field by field when
 * wrong, and, once set, the only credential the agent's webhook accepts until it is removed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentWebhookCredentialIT {
    private static final String HMAC_SECRET = "whsec_clinic_b_93c1d2e4f5";
    private static final String TOKEN = "tok_clinic_b_7a6b5c4d3e2f";
    private static final byte[] STATUS_UPDATE =
            "{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\"}}".getBytes(StandardCharsets.UTF_8);

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
    void givenAnHmacCredential_post_showsItsSettingsAndNeverItsSecret() {
        HttpResponse<String> created =
                masker.admin("POST", "/api/v1/agents", """
                {"name": "own hmac %s", "upstream": "stub", "webhook_credential":
                  {"type": "hmac", "secret": "%s", "algorithm": "sha512", "include_timestamp": false,
                   "signature_prefix": "sha512="}}
                """.formatted(UUID.randomUUID(), HMAC_SECRET));
        String id = RunningMasker.read(created.body()).path("agent").path("id").asText();
        HttpResponse<String> fetched = masker.admin("GET", "/api/v1/agents/" + id, null);

        assertEquals(201, created.statusCode(), created.body());
        JsonNode credential = RunningMasker.read(fetched.body()).path("agent").path("webhook_credential");
        assertEquals(RunningMasker.read("""
                {"type": "hmac", "algorithm": "sha512", "signature_header": "x-signature", "signature_prefix": "sha512=",
                 "include_timestamp": false, "timestamp_header": "x-timestamp", "secret_is_base64": false,
                 "secret_set": true}"""), credential);
        assertFalse(created.body().contains(HMAC_SECRET) || fetched.body().contains(HMAC_SECRET));
    }

    @Test
    void givenEveryCredentialFieldWrong_post_namesEachAndCreatesNothing() {
        String name = "bad credential " + UUID.randomUUID();
        HttpResponse<String> hmac = masker.admin("POST", "/api/v1/agents", """
                {"name": "%s", "upstream": "stub", "webhook_credential":
                  {"type": "hmac", "secret": "short", "algorithm": "md5", "signature_header": "X Signature",
                   "include_timestamp": "yes", "colour": 1}}
                """.formatted(name));
        HttpResponse<String> unknownType = masker.admin("POST", "/api/v1/agents", """
                {"name": "%s", "upstream": "stub", "webhook_credential": {"type": "rsa", "secret": "%s"}}
                """.formatted(name, HMAC_SECRET));
        HttpResponse<String> notAnObject = masker.admin("POST", "/api/v1/agents", """
                {"name": "%s", "upstream": "stub", "webhook_credential": "%s"}
                """.formatted(name, HMAC_SECRET));

        assertError(hmac, 422, "validation_failed");
        assertEquals(
                List.of(
                        "webhook_credential.colour",
                        "webhook_credential.include_timestamp",
                        "webhook_credential.secret",
                        "webhook_credential.signature_header",
                        "webhook_credential.algorithm"),
                fields(hmac));
        assertEquals(List.of("webhook_credential.type"), fields(unknownType));
        assertEquals(List.of("webhook_credential"), fields(notAnObject));
        for (HttpResponse<String> refused : List.of(hmac, unknownType, notAnObject)) {
            assertFalse(refused.body().contains(HMAC_SECRET), "no secret is echoed");
        }
        assertEquals(
                0,
                RunningMasker.read(masker.admin("GET", "/api/v1/agents?name_contains=" + name.replace(" ", "%20"), null)
                                .body())
                        .path("data")
                        .size());
    }

    @Test
    void givenABearerCredentialSetThenRemoved_webhook_acceptsOnlyTheCredentialInForce() {
        String id = masker.createAgentWithAssistant("{}");
        assertEquals(200, masker.webhook(id, STATUS_UPDATE).statusCode(), "the deployment's secret at first");

        HttpResponse<String> set = masker.admin("PATCH", "/api/v1/agents/" + id, """
                {"webhook_credential": {"type": "bearer", "token": "%s", "header": "X-Clinic-Token"}}""".formatted(TOKEN));
        HttpResponse<String> withToken = postWithHeader(id, "X-Clinic-Token", TOKEN);
        HttpResponse<String> withDeploymentSecret = masker.webhook(id, STATUS_UPDATE);
        HttpResponse<String> removed = masker.admin("PATCH", "/api/v1/agents/" + id, "{\"webhook_credential\": null}");
        HttpResponse<String> tokenAfterRemoval = postWithHeader(id, "X-Clinic-Token", TOKEN);
        HttpResponse<String> deploymentAfterRemoval = masker.webhook(id, STATUS_UPDATE);

        assertEquals(200, set.statusCode(), set.body());
        assertEquals(200, withToken.statusCode(), withToken.body());
        assertError(withDeploymentSecret, 401, "bad_signature");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(
                "null",
                RunningMasker.read(removed.body())
                        .path("agent")
                        .path("webhook_credential")
                        .toString());
        assertError(tokenAfterRemoval, 401, "bad_signature");
        assertEquals(200, deploymentAfterRemoval.statusCode(), deploymentAfterRemoval.body());
        List<Map<String, String>> updates = masker.auditRows().stream()
                .filter(row -> "agent_updated".equals(row.get("type")) && id.equals(row.get("agent_id")))
                .toList();
        assertEquals(2, updates.size());
        updates.forEach(row -> assertFalse(row.get("body").contains(TOKEN), "the audit log holds no token"));
    }

    private HttpResponse<String> postWithHeader(String agentId, String header, String value) {
        return masker.send(HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofByteArray(STATUS_UPDATE)));
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        RunningMasker.read(response.body())
                .path("error")
                .path("details")
                .forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }
}
