package dev.masker.adapters.http.vapi;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.AnswerVapiMessageCommand;
import dev.masker.application.port.in.VapiAnswer;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.ErrorCode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /vapi/webhook/{agent_id}} on real routing with a stand-in use case: the raw bytes and the headers reach the
 * use case unparsed (the signature is checked before anything is read), each kind of answer is written as the use case
 * gives it, and its rejections keep their documented status. No admin credentials are asked for.
 */
class VapiWebhookHttpAdapterIT {
    private static final String AGENT = "agt_01J0000000000000000000AGNT";
    private static final String WEBHOOK = "/vapi/webhook/" + AGENT;
    private static final String ASSISTANT_REQUEST =
            "{\"message\": {\"type\": \"assistant-request\", \"call\": {\"id\": \"c1\"}}}";

    private static final RecordingStub<AnswerVapiMessageCommand, VapiAnswer> MESSAGES =
            new RecordingStub<>(command -> VapiAnswer.EMPTY);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(
                new VapiWebhookHttpAdapter(MESSAGES::call, RoutedServer.bodies(), RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answerTheAssistant() {
        MESSAGES.answerWith(command -> VapiAnswer.assistant(
                AssistantConfig.of(Map.of("firstMessage", "Hello", "model", Map.of("provider", "custom-llm")))));
    }

    @Test
    void givenAnAssistantRequest_theWebhook_answersTheAssistant() {
        HttpResponse<String> response = post(ASSISTANT_REQUEST);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        JsonNode assistant = RoutedServer.json(response).get("assistant");
        assertEquals("Hello", assistant.get("firstMessage").asText());
        assertEquals("custom-llm", assistant.get("model").get("provider").asText());
    }

    @Test
    void givenADelivery_theWebhook_handsTheUseCaseTheAgentTheExactBytesAndEveryHeader() {
        HttpResponse<String> response = server.send(server.request("POST", WEBHOOK, ASSISTANT_REQUEST)
                .header("X-Vapi-Signature", "sha256=abc123")
                .header("X-Clinic-Token", "tok"));

        AnswerVapiMessageCommand command = MESSAGES.last();
        assertEquals(AGENT, command.agentIdText());
        assertArrayEquals(
                ASSISTANT_REQUEST.getBytes(StandardCharsets.UTF_8),
                command.delivery().body());
        assertEquals(Optional.of("sha256=abc123"), command.delivery().header("x-vapi-signature"));
        assertEquals(Optional.of("tok"), command.delivery().header("X-Clinic-Token"));
        assertEquals(
                response.headers().firstValue("X-Request-Id"),
                Optional.of(command.requestId().value()));
    }

    @Test
    void givenABodyThatIsNotJson_theWebhook_handsItOnUnparsedForTheSignatureToBeCheckedFirst() {
        MESSAGES.rejectWith(ErrorCode.BAD_SIGNATURE);

        HttpResponse<String> response = post("{not json");

        assertError(response, 401, "bad_signature");
        assertArrayEquals(
                "{not json".getBytes(StandardCharsets.UTF_8),
                MESSAGES.last().delivery().body());
    }

    @Test
    void givenARelayedAnswer_theWebhook_passesItOnByteForByte() {
        String relayed = "{ \"results\" : [ {\"toolCallId\": \"t1\", \"result\": \"booked\"} ] }";
        MESSAGES.answerWith(command -> VapiAnswer.relayed(relayed.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = post("{\"message\": {\"type\": \"tool-calls\"}}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(relayed, response.body());
    }

    @Test
    void givenAnInformationalMessage_theWebhook_answersAnEmptyObject() {
        MESSAGES.answerWith(command -> VapiAnswer.EMPTY);

        HttpResponse<String> response = post("{\"message\": {\"type\": \"status-update\"}}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{}", response.body());
    }

    @ParameterizedTest
    @CsvSource({
        "BAD_SIGNATURE, 401",
        "INVALID_JSON, 400",
        "AGENT_NOT_FOUND, 404",
        "UNSUPPORTED_EVENT, 422",
        "VALIDATION_FAILED, 422",
        "RATE_LIMITED, 429",
        "AUDIT_UNAVAILABLE, 503"
    })
    void givenARejection_theWebhook_answersItsDocumentedStatusWithoutOpenAisFields(ErrorCode code, int status) {
        MESSAGES.rejectWith(code);

        HttpResponse<String> response = post(ASSISTANT_REQUEST);

        JsonNode error = assertError(response, status, code.wireName());
        assertEquals(List.of("code", "message", "request_id"), RoutedServer.fieldNames(error));
        if (code == ErrorCode.RATE_LIMITED || code == ErrorCode.AUDIT_UNAVAILABLE) {
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), code.toString());
        }
    }

    @Test
    void givenABodyNotDeclaredJson_theWebhook_answers415WithoutCallingTheUseCase() {
        HttpResponse<String> response = server.send(server.request(WEBHOOK)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(ASSISTANT_REQUEST)));

        assertError(response, 415, "unsupported_media_type");
        assertEquals(List.of(), MESSAGES.received());
    }

    @Test
    void givenABodyOverTheLimit_theWebhook_answers413WithoutCallingTheUseCase() {
        String transcript = "x".repeat(RoutedServer.BODY_LIMIT);

        HttpResponse<String> response =
                post("{\"message\": {\"type\": \"transcript\", \"transcript\": \"" + transcript + "\"}}");

        assertError(response, 413, "payload_too_large");
        assertEquals(List.of(), MESSAGES.received());
    }

    @Test
    void givenAGet_theWebhook_answers405NamingPost() {
        HttpResponse<String> response = server.send(server.request(WEBHOOK));

        RoutedServer.assertMethodNotAllowed(response, "POST");
    }

    private static HttpResponse<String> post(String body) {
        return server.send(server.request("POST", WEBHOOK, body));
    }
}
