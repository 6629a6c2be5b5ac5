package dev.masker.adapters.http.auth;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static dev.masker.adapters.http.RoutedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.SignInCommand;
import dev.masker.application.port.in.SignOutCommand;
import dev.masker.application.port.in.SignedIn;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/auth/session} and {@code /api/v1/auth/me} on real routing with stand-in use cases: signing in needs no
 * credentials and answers the cookie, its body is checked field by field, signing out and {@code me} need them.
 */
class AuthHttpAdapterIT {
    private static final String SESSION_PATH = "/api/v1/auth/session";
    private static final AdminSessionSecret ISSUED = new AdminSessionSecret("I".repeat(43));

    private static final RecordingStub<SignInCommand, SignedIn> SIGN_IN = new RecordingStub<>(command -> null);
    private static final RecordingStub<SignOutCommand, Void> SIGN_OUT = new RecordingStub<>(command -> null);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(
                new AuthHttpAdapter(SIGN_IN::call, SIGN_OUT::call, RoutedServer.bodies(), RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void signInEveryone() {
        SIGN_IN.answerWith(command -> new SignedIn(
                ISSUED, AdminSession.create(ISSUED.digest(), RoutedServer.ADMIN, RoutedServer.SESSION_CREATED)));
        SIGN_OUT.answerWith(command -> null);
    }

    @Test
    void givenAToken_signIn_answers204WithTheSessionCookieAndNoCredentialsNeeded() {
        HttpResponse<String> response = server.send(server.request("POST", SESSION_PATH, "{\"token\": \"the-token\"}"));

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(
                Optional.of(
                        "masker_session=" + ISSUED.value() + "; Path=/api/v1; HttpOnly; Secure; SameSite=Lax; Max-Age="
                                + AdminSession.LIFETIME.toSeconds()),
                response.headers().firstValue("Set-Cookie"));
        assertEquals(Optional.of("no-store"), response.headers().firstValue("Cache-Control"));
        SignInCommand command = SIGN_IN.last();
        assertEquals("the-token", command.token());
        assertEquals("127.0.0.1", command.clientAddress());
        assertEquals(
                response.headers().firstValue("X-Request-Id"),
                Optional.of(command.requestId().value()));
    }

    @Test
    void givenATokenTheUseCaseRefuses_signIn_answers401() {
        SIGN_IN.rejectWith(ErrorCode.UNAUTHENTICATED);

        HttpResponse<String> response = server.send(server.request("POST", SESSION_PATH, "{\"token\": \"wrong\"}"));

        assertError(response, 401, "unauthenticated");
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void givenNoToken_signIn_answers422NamingIt() {
        JsonNode error = assertError(server.send(server.request("POST", SESSION_PATH, "{}")), 422, "validation_failed");

        assertEquals("token", error.get("details").get(0).get("field").asText());
        assertEquals("is required", error.get("details").get(0).get("problem").asText());
        assertEquals(List.of(), SIGN_IN.received());
    }

    @Test
    void givenATokenThatIsNotAStringAndAnUnknownField_signIn_answers422NamingBoth() {
        HttpResponse<String> response = server.send(
                server.request("POST", SESSION_PATH, "{\"token\": 12345, \"" + "remember".repeat(10) + "\": true}"));

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals(
                List.of(
                        new FieldProblem("remember".repeat(8) + "…", "is not a known field"),
                        new FieldProblem("token", "must be a string")),
                List.of(problem(error, 0), problem(error, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"token\"]", "\"the-token\"", "null"})
    void givenJsonThatIsNotAnObject_signIn_answers422ForTheBody(String body) {
        JsonNode error = assertError(server.send(server.request("POST", SESSION_PATH, body)), 422, "validation_failed");

        assertEquals("(body)", error.get("details").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token\": ", "", "token=the-token"})
    void givenABodyThatIsNotJson_signIn_answers400InvalidJson(String body) {
        assertError(server.send(server.request("POST", SESSION_PATH, body)), 400, "invalid_json");
        assertEquals(List.of(), SIGN_IN.received());
    }

    @Test
    void givenABodyOverTheLimit_signIn_answers413() {
        String token = "t".repeat(RoutedServer.BODY_LIMIT);

        assertError(
                server.send(server.request("POST", SESSION_PATH, "{\"token\": \"" + token + "\"}")),
                413,
                "payload_too_large");
    }

    @Test
    void givenTheSessionCookieAndTheCsrfHeader_signOut_endsThatSessionAndDropsTheCookie() {
        HttpResponse<String> response = server.withSessionCookie("DELETE", SESSION_PATH, null, true);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(
                Optional.of("masker_session=; Path=/api/v1; HttpOnly; Secure; SameSite=Lax; Max-Age=0"),
                response.headers().firstValue("Set-Cookie"));
        assertEquals(RoutedServer.SESSION.digest(), SIGN_OUT.last().session());
        assertEquals(RoutedServer.ADMIN, SIGN_OUT.last().principal());
    }

    @Test
    void givenTheSessionCookieWithoutTheCsrfHeader_signOut_answers403() {
        assertError(server.withSessionCookie("DELETE", SESSION_PATH, null, false), 403, "csrf_check_failed");
        assertEquals(List.of(), SIGN_OUT.received());
    }

    @Test
    void givenTheAdminToken_signOut_dropsTheCookieWithoutASessionToEnd() {
        HttpResponse<String> response = server.asAdmin("DELETE", SESSION_PATH, null);

        assertEquals(204, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Set-Cookie").orElseThrow().endsWith("Max-Age=0"));
        assertEquals(List.of(), SIGN_OUT.received());
    }

    @Test
    void givenNoCredentials_signOut_answers401() {
        assertError(server.send(server.request("DELETE", SESSION_PATH, null)), 401, "unauthenticated");
    }

    @Test
    void givenTheSessionCookie_me_saysWhoAndByWhichCredentialUntilWhen() {
        HttpResponse<String> response = server.withSessionCookie("GET", "/api/v1/auth/me", null, false);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "{\"principal\":\"" + RoutedServer.ADMIN.value() + "\",\"via\":\"session\",\"session_expires_at\":\""
                        + "2026-06-02T21:14:32.481Z\"}",
                response.body());
    }

    @Test
    void givenTheAdminToken_me_saysTokenWithoutAnExpiry() {
        JsonNode me = json(server.asAdmin("GET", "/api/v1/auth/me", null));

        assertEquals("token", me.get("via").asText());
        assertTrue(me.get("session_expires_at").isNull(), me.toString());
    }

    @Test
    void givenNoCredentials_me_answers401() {
        assertError(server.send(server.request("/api/v1/auth/me")), 401, "unauthenticated");
    }

    @Test
    void givenAMethodTheSessionRouteDoesNotAnswer_itAnswers405() {
        HttpResponse<String> response = server.asAdmin("GET", SESSION_PATH, null);

        RoutedServer.assertMethodNotAllowed(response, "POST, DELETE");
    }

    private static FieldProblem problem(JsonNode error, int index) {
        JsonNode detail = error.get("details").get(index);
        return new FieldProblem(
                detail.get("field").asText(), detail.get("problem").asText());
    }
}
