package dev.masker.adapters.http;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import io.helidon.http.BadRequestException;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error mapper behind real routing: every code's status and body, the request id in both, {@code Retry-After} where
 * SPEC §3 asks for it, OpenAI's fields on the proxy's paths, and nothing of an unexpected failure's own text in the
 * answer — its message may quote request content, so PHI.
 */
class HttpErrorMapperIT {
    /** Stands for request content an exception message might quote. */
    private static final String PHI = "John Smith 1961-03-05 415-555-0137";

    private static final String SAFE_MESSAGE = "A safe message for the caller.";

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(HttpErrorMapperIT::failures);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void failures(HttpRules rules) {
        rules.get("/failing/rejected/{code}", (request, response) -> {
                    throw DomainException.of(
                            code(request.path().pathParameters().get("code")), SAFE_MESSAGE);
                })
                .get("/proxy/{agent_id}/failing/rejected/{code}", (request, response) -> {
                    throw DomainException.of(
                            code(request.path().pathParameters().get("code")), SAFE_MESSAGE);
                })
                .get("/failing/invalid", (request, response) -> {
                    throw DomainException.invalid(List.of(
                            new FieldProblem("name", "is required"), new FieldProblem("upstream", "must be a string")));
                })
                .get("/proxy/{agent_id}/failing/invalid", (request, response) -> {
                    throw DomainException.invalid("messages", "must be an array");
                })
                .get("/failing/rate-limited", (request, response) -> {
                    throw DomainException.rateLimited(Duration.ofMillis(1_500));
                })
                .get("/failing/unexpected", (request, response) -> {
                    throw new IllegalStateException("could not mask " + PHI);
                })
                .get("/failing/checked", (request, response) -> {
                    throw new Exception("could not mask " + PHI);
                })
                .get("/failing/error", (request, response) -> {
                    throw new AssertionError("could not mask " + PHI);
                })
                .get("/failing/helidon-not-found", (request, response) -> {
                    throw new NotFoundException("no record for " + PHI);
                })
                .get("/failing/helidon-bad-request", (request, response) -> {
                    throw new BadRequestException("cannot read " + PHI);
                });
    }

    private static ErrorCode code(String wireName) {
        return ErrorCode.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenARejection_theAnswer_hasTheCodesStatusAndTheErrorShape(ErrorCode code) {
        HttpResponse<String> response = server.send(server.request("/failing/rejected/" + code.wireName()));

        JsonNode error = assertError(response, HttpErrorMapperTest.DOCUMENTED_STATUS.get(code), code.wireName());
        assertEquals(List.of("code", "message", "request_id"), RoutedServer.fieldNames(error));
        assertEquals(SAFE_MESSAGE, error.get("message").asText());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenARejection_retryAfter_isSentExactlyForTheCodesTheSpecAsksItOf(ErrorCode code) {
        HttpResponse<String> response = server.send(server.request("/failing/rejected/" + code.wireName()));

        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        assertEquals(HttpErrorMapperTest.RETRY_AFTER.contains(code), retryAfter.isPresent(), code + ": " + retryAfter);
        retryAfter.ifPresent(seconds -> assertTrue(Long.parseLong(seconds) >= 1, seconds));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void givenARejectionOnAProxyPath_theAnswer_addsOpenAisType(ErrorCode code) {
        HttpResponse<String> response = server.send(server.request("/proxy/agt_x/failing/rejected/" + code.wireName()));

        JsonNode error = assertError(response, HttpErrorMapperTest.DOCUMENTED_STATUS.get(code), code.wireName());
        assertEquals(HttpErrorMapper.openAiType(code), error.path("type").asText());
        assertEquals(
                code == ErrorCode.MODEL_NOT_ALLOWED ? "model" : null,
                error.path("param").textValue());
    }

    @Test
    void givenInvalidFields_theAnswer_listsEachFieldAndProblemInDetails() {
        HttpResponse<String> response = server.send(server.request("/failing/invalid"));

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals(
                "[{\"field\":\"name\",\"problem\":\"is required\"},"
                        + "{\"field\":\"upstream\",\"problem\":\"must be a string\"}]",
                error.get("details").toString());
    }

    @Test
    void givenAnInvalidFieldOnAProxyPath_param_namesTheField() {
        HttpResponse<String> response = server.send(server.request("/proxy/agt_x/failing/invalid"));

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals("invalid_request_error", error.get("type").asText());
        assertEquals("messages", error.get("param").asText());
    }

    @Test
    void givenARateLimitOfOneAndAHalfSeconds_retryAfter_roundsUpToWholeSeconds() {
        HttpResponse<String> response = server.send(server.request("/failing/rate-limited"));

        assertError(response, 429, "rate_limited");
        assertEquals(Optional.of("2"), response.headers().firstValue("Retry-After"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/failing/unexpected", "/failing/checked", "/failing/error"})
    void givenAnUnexpectedFailure_theAnswer_isAGeneric500WithoutItsText(String path) {
        HttpResponse<String> response = server.send(server.request(path));

        JsonNode error = assertError(response, 500, "internal_error");
        assertEquals(
                HttpErrorMapper.messageFor(ErrorCode.INTERNAL_ERROR),
                error.get("message").asText());
        assertNoLeak(response);
    }

    @Test
    void givenTheWebServersOwnNotFound_theAnswer_isNotFoundWithoutItsText() {
        HttpResponse<String> response = server.send(server.request("/failing/helidon-not-found"));

        assertError(response, 404, "not_found");
        assertNoLeak(response);
    }

    @Test
    void givenTheWebServersOwnBadRequest_theAnswer_isBadRequestWithoutItsText() {
        HttpResponse<String> response = server.send(server.request("/failing/helidon-bad-request"));

        assertError(response, 400, "bad_request");
        assertNoLeak(response);
    }

    @Test
    void givenAPathNoRouteAnswers_theAnswer_isNotFound() {
        HttpResponse<String> response = server.send(server.request("/no/such/route"));

        assertError(response, 404, "not_found");
    }

    @Test
    void givenAnApiPathWithoutCredentials_theAnswer_isUnauthenticatedBeforeNotFound() {
        HttpResponse<String> response = server.send(server.request("/api/v1/no-such-route"));

        assertError(response, 401, "unauthenticated");
    }

    private static void assertNoLeak(HttpResponse<String> response) {
        assertFalse(response.body().contains("John"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("Error:"), response.body());
        assertFalse(response.body().contains("dev.masker"), response.body());
    }
}
