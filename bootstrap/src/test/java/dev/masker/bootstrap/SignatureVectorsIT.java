package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the shared signature fixtures, over real HTTP: each of {@code vectors} is accepted and each of
 * {@code must_fail} answers {@code bad_signature}. The server's clock is pinned to the timestamped vector's time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureVectorsIT {
    private static final Instant VECTOR_TIME = Instant.ofEpochSecond(1764201600L);

    private RunningMasker masker;
    private String agentId;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of(), Clock.fixed(VECTOR_TIME, ZoneOffset.UTC));
        agentId = masker.createAgentWithAssistant("{}");
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    Stream<Arguments> vectors() throws Exception {
        return cases("vectors");
    }

    Stream<Arguments> mustFail() throws Exception {
        return cases("must_fail");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void givenFixtureVector_postWebhook_acceptsTheSignature(String form, JsonNode vector) throws Exception {
        HttpResponse<String> response = post(vector);

        // Every signed message is answered: the assistant-request with the assistant, the status update with {}.
        assertEquals(200, response.statusCode(), form + ": " + response.body());
        String expectedField = vector.path("file").asText().startsWith("status-update") ? "{}" : "{\"assistant\":";
        assertTrue(response.body().startsWith(expectedField), form + ": " + response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFail")
    void givenFixtureMustFail_postWebhook_answersBadSignature(String why, JsonNode vector) throws Exception {
        assertError(post(vector), 401, "bad_signature");
    }

    private HttpResponse<String> post(JsonNode vector) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(masker.uri("/vapi/webhook/" + agentId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        VapiWebhookIT.fixture(vector.path("file").asText())));
        if (!vector.path("value").asText().isEmpty()) {
            request.header(vector.path("header").asText(), vector.path("value").asText());
        }
        if (vector.has("timestamp_header")) {
            request.header(
                    vector.path("timestamp_header").asText(),
                    vector.path("timestamp").asText());
        }
        return masker.send(request);
    }

    private static Stream<Arguments> cases(String list) throws Exception {
        JsonNode fixture = RunningMasker.read(
                new String(VapiWebhookIT.fixture("signature-vectors.json"), java.nio.charset.StandardCharsets.UTF_8));
        List<Arguments> cases = new ArrayList<>();
        fixture.path(list)
                .forEach(vector -> cases.add(Arguments.of(
                        vector.path("file").asText() + " / "
                                + vector.path(vector.has("form") ? "form" : "why")
                                        .asText(),
                        vector)));
        if (cases.isEmpty()) {
            throw new IllegalStateException("no " + list + " in the fixture");
        }
        return cases.stream();
    }
}
