package dev.masker.adapters.http.proxy;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.ListProxyModelsQuery;
import dev.masker.application.port.in.ProxyChatCompletionCommand;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerPart;
import dev.masker.application.port.in.ProxyChatCompletionUseCase.AnswerSink;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAI-compatible proxy's routes on real routing with stand-in use cases: the agent, key and body each reaches the
 * use case, a whole answer is JSON and a streamed one OpenAI's server-sent events, and every error — before the stream or
 * in it — has OpenAI's error fields. No admin credentials are asked for: the proxy key is the use case's to check.
 */
class ProxyHttpAdapterIT {
    private static final String AGENT = "agt_01J0000000000000000000AGNT";
    private static final String COMPLETIONS = "/proxy/" + AGENT + "/v1/chat/completions";
    private static final String TURN =
            "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    private static final Map<String, Object> ANSWER = Map.of("id", "chatcmpl-1", "object", "chat.completion");
    private static final String PHI = "John Smith 415-555-0137";

    private static final RecordingStub<ProxyChatCompletionCommand, Consumer<AnswerSink>> PROXY =
            new RecordingStub<>(command -> null);
    private static final RecordingStub<ListProxyModelsQuery, List<String>> MODELS = new RecordingStub<>(query -> null);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(new ProxyHttpAdapter(
                (command, sink) -> PROXY.call(command).accept(sink),
                MODELS::call,
                RoutedServer.bodies(),
                RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answerWhole() {
        PROXY.answerWith(command -> sink -> sink.accept(new AnswerPart.Whole(ANSWER)));
        MODELS.answerWith(query -> List.of("gpt-4o-mini", "gpt-4o"));
    }

    @Test
    void givenATurn_complete_answersTheWholeAnswerAsJson() {
        HttpResponse<String> response = post(COMPLETIONS, TURN);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(ANSWER, RoutedServer.JSON.readObject(response.body().getBytes()));
    }

    @ParameterizedTest
    @CsvSource({
        "X-Masker-Proxy-Key, pk_live_1, pk_live_1",
        "Authorization, Bearer pk_live_1, pk_live_1",
        "Authorization, bearer  pk_live_1 , pk_live_1"
    })
    void givenTheKeyInEitherHeader_complete_handsTheUseCaseTheAgentKeyAndBody(String header, String value, String key) {
        HttpResponse<String> response =
                server.send(server.request("POST", COMPLETIONS, TURN).header(header, value));

        assertEquals(200, response.statusCode(), response.body());
        ProxyChatCompletionCommand command = PROXY.last();
        assertEquals(AGENT, command.agentIdText());
        assertEquals(Optional.of(key), command.presentedKey());
        assertEquals(RoutedServer.JSON.readObject(TURN.getBytes()), command.body());
        assertEquals(
                response.headers().firstValue("X-Request-Id"),
                Optional.of(command.requestId().value()));
    }

    @Test
    void givenNoKeyAndNoAdminCredentials_complete_stillReachesTheUseCaseWithoutAKey() {
        post(COMPLETIONS, TURN);

        assertEquals(Optional.empty(), PROXY.last().presentedKey());
    }

    @Test
    void givenTheDoubledSuffix_complete_answersLikeTheOrdinaryPath() {
        HttpResponse<String> response = post(COMPLETIONS + "/chat/completions", TURN);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(AGENT, PROXY.last().agentIdText());
    }

    @Test
    void givenAStreamedAnswer_complete_sendsEachChunkAsAnEventEndingWithDone() {
        PROXY.answerWith(command -> sink -> {
            sink.accept(new AnswerPart.Chunk(Map.of("choices", List.of(Map.of("delta", Map.of("content", "Hel"))))));
            sink.accept(new AnswerPart.Chunk(Map.of("choices", List.of(Map.of("delta", Map.of("content", "lo"))))));
            sink.accept(new AnswerPart.Done());
        });

        HttpResponse<String> response = post(COMPLETIONS, TURN);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                Optional.of("text/event-stream; charset=utf-8"),
                response.headers().firstValue("Content-Type"));
        assertEquals(
                "data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                        + "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n",
                response.body());
    }

    @ParameterizedTest
    @CsvSource({"upstream_error, server_error", "upstream_timeout, server_error", "rate_limited, rate_limit_error"})
    void givenARejectionAfterTheFirstChunk_complete_endsTheStreamWithAnErrorEvent(String code, String type) {
        PROXY.answerWith(command -> sink -> {
            sink.accept(new AnswerPart.Chunk(Map.of("id", "chunk-1")));
            throw DomainException.of(ErrorCode.valueOf(code.toUpperCase(Locale.ROOT)), "The upstream failed.");
        });

        String[] events = post(COMPLETIONS, TURN).body().split("\n\n");

        assertEquals(2, events.length, String.join("|", events));
        JsonNode error =
                RoutedServer.json(events[1].substring("data: ".length())).get("error");
        assertEquals(code, error.get("code").asText());
        assertEquals(type, error.get("type").asText());
        assertTrue(error.get("request_id").asText().startsWith("req_"));
    }

    @Test
    void givenAnUnexpectedFailureAfterTheFirstChunk_complete_endsTheStreamWithAGenericErrorEvent() {
        PROXY.answerWith(command -> sink -> {
            sink.accept(new AnswerPart.Chunk(Map.of("id", "chunk-1")));
            throw new IllegalStateException("could not rehydrate " + PHI);
        });

        String body = post(COMPLETIONS, TURN).body();

        assertTrue(body.contains("\"code\":\"internal_error\""), body);
        assertFalse(body.contains("John"), body);
        assertFalse(body.contains("[DONE]"), body);
    }

    @Test
    void givenAnUnexpectedFailureBeforeAnyChunk_complete_answers500WithoutItsText() {
        PROXY.answerWith(command -> sink -> {
            throw new IllegalStateException("could not mask " + PHI);
        });

        HttpResponse<String> response = post(COMPLETIONS, TURN);

        JsonNode error = assertError(response, 500, "internal_error");
        assertEquals("server_error", error.get("type").asText());
        assertFalse(response.body().contains("John"), response.body());
    }

    @ParameterizedTest
    @CsvSource({
        "AGENT_NOT_FOUND, 404, not_found_error",
        "UNAUTHENTICATED, 401, authentication_error",
        "RATE_LIMITED, 429, rate_limit_error",
        "MODEL_NOT_ALLOWED, 422, invalid_request_error",
        "UPSTREAM_ERROR, 502, server_error",
        "UPSTREAM_TIMEOUT, 504, server_error"
    })
    void givenARejectionBeforeTheAnswer_complete_answersItInOpenAisShape(ErrorCode code, int status, String type) {
        PROXY.rejectWith(code);

        JsonNode error = assertError(post(COMPLETIONS, TURN), status, code.wireName());

        assertEquals(type, error.get("type").asText());
        assertEquals(
                code == ErrorCode.MODEL_NOT_ALLOWED ? "model" : null,
                error.path("param").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\": ", "", "{\"model\": \"a\", \"model\": \"b\"}", "data: {}"})
    void givenABodyThatIsNotJson_complete_answers400InvalidJsonWithoutCallingTheUseCase(String body) {
        JsonNode error = assertError(post(COMPLETIONS, body), 400, "invalid_json");

        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals(List.of(), PROXY.received());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "\"Hi\""})
    void givenJsonThatIsNotAnObject_complete_answers422NamingTheBody(String body) {
        JsonNode error = assertError(post(COMPLETIONS, body), 422, "validation_failed");

        assertEquals("(body)", error.get("param").asText());
        assertEquals(List.of(), PROXY.received());
    }

    @Test
    void givenABodyNotDeclaredJson_complete_answers415() {
        HttpResponse<String> response = server.send(server.request(COMPLETIONS)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(TURN)));

        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void givenABodyOverTheLimit_complete_answers413() {
        String content = "x".repeat(RoutedServer.BODY_LIMIT);

        HttpResponse<String> response =
                post(COMPLETIONS, "{\"messages\": [{\"role\": \"user\", \"content\": \"" + content + "\"}]}");

        assertError(response, 413, "payload_too_large");
        assertEquals(List.of(), PROXY.received());
    }

    @Test
    void givenAGet_complete_answers405NamingPost() {
        HttpResponse<String> response = server.send(server.request(COMPLETIONS));

        RoutedServer.assertMethodNotAllowed(response, "POST");
    }

    @Test
    void givenTheKey_models_answersOpenAisModelListFromTheUseCase() {
        HttpResponse<String> response = server.send(
                server.request("/proxy/" + AGENT + "/v1/models").header("Authorization", "Bearer pk_live_1"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                new ListProxyModelsQuery(AGENT, Optional.of("pk_live_1")).toString(),
                MODELS.last().toString());
        assertEquals(Optional.of("pk_live_1"), MODELS.last().presentedKey());
        assertEquals(
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":0,"
                        + "\"owned_by\":\"masker\"},{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":0,\"owned_by\":\"masker\"}]}",
                response.body());
    }

    @Test
    void givenAWrongKey_models_answers401InOpenAisShape() {
        MODELS.rejectWith(ErrorCode.UNAUTHENTICATED);

        JsonNode error =
                assertError(server.send(server.request("/proxy/" + AGENT + "/v1/models")), 401, "unauthenticated");

        assertEquals("authentication_error", error.get("type").asText());
    }

    private static HttpResponse<String> post(String path, String body) {
        return server.send(server.request("POST", path, body));
    }
}
