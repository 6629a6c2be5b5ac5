package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /openapi.json} on the real server: public, JSON, cacheable; and the document's examples and agent schema
 * are what the server really takes and answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT {
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
    void givenNoCredentials_getOpenApiJson_answersTheDocumentAsCacheableJson() {
        HttpResponse<String> response = get(null);

        JsonNode document = RunningMasker.read(response.body());
        assertAll(
                () -> assertEquals(200, response.statusCode(), response.body()),
                () -> assertEquals(
                        "application/json",
                        response.headers().firstValue("Content-Type").orElse("")),
                () -> assertEquals(
                        "public, max-age=300",
                        response.headers().firstValue("Cache-Control").orElse("")),
                () -> assertTrue(
                        response.headers().firstValue("ETag").orElse("").matches("\"[0-9a-f]{32}\"")),
                () -> assertTrue(
                        response.headers().firstValue("X-Request-Id").orElse("").startsWith("req_")),
                () -> assertTrue(
                        document.path("openapi").asText().startsWith("3.1."),
                        document.path("openapi").toString()),
                () -> assertTrue(document.path("paths").has("/vapi/webhook/{agent_id}")));
    }

    @Test
    void givenTheCurrentEtag_getOpenApiJson_answersNotModifiedWithoutABody() {
        String etag = get(null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = get(etag);
        HttpResponse<String> weakInAList = get("\"other\", W/" + etag);
        HttpResponse<String> other = get("\"0123\"");

        assertEquals(304, same.statusCode());
        assertEquals("", same.body());
        assertEquals(etag, same.headers().firstValue("ETag").orElse(""));
        assertEquals(304, weakInAList.statusCode());
        assertEquals(200, other.statusCode());
    }

    @Test
    void givenPost_onOpenApiJson_answersMethodNotAllowed() {
        HttpResponse<String> response = masker.send(HttpRequest.newBuilder(masker.uri("/openapi.json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertError(response, 405, "method_not_allowed");
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void givenTheDocumentedCreateExample_post_answersAnAgentWithExactlyTheDocumentedFields() {
        JsonNode document = RunningMasker.read(get(null).body());
        ObjectNode example =
                (ObjectNode) document.at("/paths/~1api~1v1~1agents/post/requestBody/content/application~1json/example")
                        .deepCopy();
        example.put("name", "Documented " + UUID.randomUUID());

        HttpResponse<String> response = masker.admin("POST", "/api/v1/agents", example.toString());

        JsonNode agent = RunningMasker.read(response.body()).path("agent");
        Set<String> documented = names(document.at("/components/schemas/Agent/properties"));
        assertAll(
                () -> assertEquals(201, response.statusCode(), response.body()),
                () -> assertEquals(documented, names(agent)),
                () -> assertEquals(
                        names(document.at("/components/schemas/ConfigCallbackView/properties")),
                        names(agent.path("config_callback"))),
                () -> assertEquals(
                        "/api/v1/agents/" + agent.path("id").asText(),
                        response.headers().firstValue("Location").orElse("")));
    }

    @Test
    void givenEachDocumentedWebhookExample_postSigned_answersTheAssistantThroughTheProxy() {
        JsonNode document = RunningMasker.read(get(null).body());
        JsonNode examples =
                document.at("/paths/~1vapi~1webhook~1{agent_id}/post/requestBody/content/application~1json/examples");
        String agentId = masker.createAgentWithAssistant("{\"firstMessage\": \"Hello\"}");
        List<String> answered = new ArrayList<>();

        examples.properties().forEach(example -> {
            // Stamped now, as Vapi stamps what it sends: an example's fixed time is long past the replay window.
            JsonNode value = example.getValue().path("value").deepCopy();
            ObjectNode stamped = value.has("message") ? (ObjectNode) value.path("message") : (ObjectNode) value;
            stamped.put("timestamp", System.currentTimeMillis());
            byte[] body = value.toString().getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = masker.webhook(agentId, body);
            JsonNode model =
                    RunningMasker.read(response.body()).path("assistant").path("model");
            if (response.statusCode() == 200
                    && "custom-llm".equals(model.path("provider").asText())
                    && model.path("url").asText().endsWith("/proxy/" + agentId + "/v1/chat/completions")) {
                answered.add(example.getKey());
            }
        });

        assertEquals(List.of("documented", "message"), answered);
    }

    private HttpResponse<String> get(String ifNoneMatch) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(masker.uri("/openapi.json")).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return masker.send(request);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
