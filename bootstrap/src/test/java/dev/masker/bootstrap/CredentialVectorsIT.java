package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of {@code vapi/credential-vectors.json} (written by {@code tools/signature-vectors/generate.py} with
 * Python's own HMAC) over real HTTP: a delivery signed as each of Vapi's Server URL credentials signs it, for an agent
 * with that credential of its own or for the deployment's {@code MASKER_VAPI_*} settings. Accepted vectors get 200, the
 * must-fail variants 401 {@code bad_signature}. The servers' clocks are pinned to the vectors' time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialVectorsIT {
    private static final JsonNode FIXTURE = load();
    private static final Clock VECTOR_CLOCK =
            Clock.fixed(Instant.ofEpochSecond(FIXTURE.path("now").asLong()), ZoneOffset.UTC);

    /** One server per set of deployment settings, and on each one agent per credential, both started on first use. */
    private final Map<String, RunningMasker> servers = new HashMap<>();

    private final Map<String, String> agents = new HashMap<>();

    @AfterAll
    void stop() {
        servers.values().forEach(RunningMasker::close);
    }

    Stream<Arguments> vectors() {
        List<Arguments> cases = new ArrayList<>();
        FIXTURE.path("vectors")
                .forEach(vector -> cases.add(Arguments.of(vector.path("form").asText(), vector)));
        return cases.stream();
    }

    @Test
    void givenTheVectorFile_loading_findsAcceptedAndMustFailVectorsForEveryCredentialType() {
        List<JsonNode> vectors = new ArrayList<>();
        FIXTURE.path("vectors").forEach(vectors::add);

        for (String type : List.of("hmac", "bearer")) {
            assertTrue(
                    vectors.stream()
                            .anyMatch(v -> type.equals(
                                            v.path("credential").path("type").asText())
                                    && v.path("accept").asBoolean()),
                    type);
            assertTrue(
                    vectors.stream()
                            .anyMatch(v -> type.equals(
                                            v.path("credential").path("type").asText())
                                    && !v.path("accept").asBoolean()),
                    type);
        }
        assertTrue(vectors.stream()
                .anyMatch(v -> v.has("deployment") && !v.path("accept").asBoolean()));
        assertEquals("whsec_test_7d2f9c4b1a", FIXTURE.path("deployment_secret").asText(), "RunningMasker's secret");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void givenAVector_postWebhook_acceptsItOrAnswersBadSignature(String form, JsonNode vector) {
        HttpResponse<String> response = post(vector);

        if (vector.path("accept").asBoolean()) {
            assertEquals(200, response.statusCode(), form + ": " + response.body());
            assertEquals("{}", response.body(), form);
        } else {
            VapiWebhookIT.assertError(response, 401, "bad_signature");
        }
        assertFalse(response.body().contains(FIXTURE.path("deployment_secret").asText()), "no secret is echoed");
    }

    private HttpResponse<String> post(JsonNode vector) {
        Map<String, String> deployment = new HashMap<>();
        vector.path("deployment")
                .fields()
                .forEachRemaining(
                        entry -> deployment.put(entry.getKey(), entry.getValue().asText()));
        RunningMasker masker = servers.computeIfAbsent(
                new TreeMap<>(deployment).toString(), key -> RunningMasker.start(deployment, VECTOR_CLOCK));
        String credential = vector.path("credential").toString();
        String agentId = agents.computeIfAbsent(
                masker.port() + credential,
                key -> masker.createAgent(
                        "{\"name\":\"vectors " + TestDatabase.freshSchema() + "\",\"upstream\":\"openai:gpt-4o-mini\""
                                + (vector.has("credential") ? ",\"webhook_credential\":" + credential : "") + "}"));
        HttpRequest.Builder request = HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(vector.path("body").asText(), StandardCharsets.UTF_8));
        vector.path("headers")
                .fields()
                .forEachRemaining(header ->
                        request.header(header.getKey(), header.getValue().asText()));
        return masker.send(request);
    }

    private static JsonNode load() {
        try {
            return RunningMasker.read(Files.readString(Path.of("src/test/resources/vapi/credential-vectors.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
