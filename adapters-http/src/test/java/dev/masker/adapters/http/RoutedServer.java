package dev.masker.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.application.port.in.AuthenticateCommand;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Anonymous;
import dev.masker.application.port.in.AuthenticateUseCase.Authentication.Authenticated;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionSecret;
import dev.masker.domain.admin.AuthenticationFailure;
import dev.masker.domain.admin.Credential;
import dev.masker.domain.id.Ulid;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Masker's real routing on a random loopback port — request ids, the shutdown drain, the request text filter, the admin
 * authentication in front of {@code /api/v1}, the error mapper and the web server's own errors — around the services a
 * test gives, and a client for it. Authentication is a stand-in that knows one admin token and one session cookie.
 */
public final class RoutedServer implements AutoCloseable {
    /** The admin token the stand-in authentication accepts. */
    public static final String ADMIN_TOKEN = "routing-test-admin-token";
    /** The session cookie the stand-in authentication accepts. */
    public static final AdminSessionSecret SESSION = new AdminSessionSecret("S".repeat(43));
    /** Who both credentials authenticate as. */
    public static final AdminPrincipal ADMIN = new AdminPrincipal("admin-token:routing");
    /** When the accepted session ends. */
    public static final Instant SESSION_CREATED = Instant.parse("2026-05-03T21:14:32.481Z");
    /** The largest request body the routes under test read. */
    public static final int BODY_LIMIT = 4_096;
    /** The codec every route under test writes with. */
    public static final JsonCodec JSON = new JsonCodec();

    private static final ObjectMapper READER = new ObjectMapper();
    private static final IdGeneratorPort IDS = () -> Ulid.generate(Instant.now(), ThreadLocalRandom.current());
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Set<String> ERROR_FIELDS = Set.of("code", "message", "request_id", "details", "type", "param");

    private final WebServer server;

    private RoutedServer(WebServer server) {
        this.server = server;
    }

    /** The services behind Masker's filters and error mapping, served until {@link #close}. */
    public static RoutedServer start(HttpService... services) {
        DirectHandlers.Builder direct = DirectHandlers.builder();
        DirectErrorHandler directErrors = new DirectErrorHandler(IDS, JSON);
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            direct.addHandler(type, directErrors);
        }
        MaskerRouting routing = new MaskerRouting(
                new RequestIdFilter(IDS),
                List.of(),
                new HttpErrorMapper(JSON),
                new AdminAuthentication(RoutedServer::authenticate),
                List.of(services),
                new ShutdownDrain());
        return new RoutedServer(WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .directHandlers(direct.build())
                .routing(routing::configure)
                .build()
                .start());
    }

    /** The bodies the routes under test read: JSON, at most {@link #BODY_LIMIT} bytes. */
    public static RequestBodies bodies() {
        return new RequestBodies(BODY_LIMIT);
    }

    /** A request to the path, without credentials. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    /** A request to the path with the method and, unless null, the JSON body. */
    public HttpRequest.Builder request(String method, String path, String json) {
        HttpRequest.Builder request = request(path);
        return json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** Sends the request with the admin token. */
    public HttpResponse<String> asAdmin(String method, String path, String json) {
        return send(request(method, path, json).header("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    /** Sends the request with the session cookie, and with the CSRF header when asked. */
    public HttpResponse<String> withSessionCookie(String method, String path, String json, boolean csrfHeader) {
        HttpRequest.Builder request =
                request(method, path, json).header("Cookie", SessionCookie.NAME + "=" + SESSION.value());
        return send(
                csrfHeader ? request.header(AdminAuthentication.CSRF_HEADER.defaultCase(), "XMLHttpRequest") : request);
    }

    /** Sends the request as it is. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request as it is, reading the answer's body with the handler. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body as JSON. */
    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** The text as JSON. */
    public static JsonNode json(String text) {
        try {
            return READER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /**
     * Asserts that the answer is the error with the status and code, in the shape SPEC §3 gives every error: a JSON object
     * with {@code error} alone, holding {@code code}, {@code message} and {@code request_id} (the answer's
     * {@code X-Request-Id}) and no fields but {@code details} and the proxy's {@code type} and {@code param}.
     *
     * @return the {@code error} object
     */
    public static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"), response.body());
        JsonNode body = json(response);
        assertEquals(List.of("error"), fieldNames(body), response.body());
        JsonNode error = body.get("error");
        assertEquals(code, error.path("code").asText(), response.body());
        assertTrue(
                error.path("message").isTextual()
                        && !error.path("message").asText().isBlank(),
                response.body());
        String requestId = error.path("request_id").asText();
        assertTrue(requestId.matches("req_[0-9A-HJKMNP-TV-Z]{26}"), response.body());
        assertEquals(Optional.of(requestId), response.headers().firstValue(RequestIdFilter.REQUEST_ID.defaultCase()));
        assertTrue(ERROR_FIELDS.containsAll(fieldNames(error)), response.body());
        return error;
    }

    /** Asserts that the answer is 405 {@code method_not_allowed} naming the methods the route does answer. */
    public static void assertMethodNotAllowed(HttpResponse<String> response, String allowed) {
        assertError(response, 405, "method_not_allowed");
        assertEquals(Optional.of(allowed), response.headers().firstValue("Allow"));
    }

    /** The object's field names, in order. */
    public static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The stand-in for the admin authentication: the one token, or the one session cookie. */
    private static Authentication authenticate(AuthenticateCommand command) {
        if (command.adminToken().isPresent()) {
            return command.adminToken().get().equals(ADMIN_TOKEN)
                    ? new Authenticated(ADMIN, Credential.ADMIN_TOKEN, Optional.empty(), false)
                    : new Anonymous(AuthenticationFailure.UNKNOWN_TOKEN);
        }
        if (command.sessionSecret().isEmpty()) {
            return new Anonymous(AuthenticationFailure.NO_CREDENTIALS);
        }
        return command.sessionSecret().get().equals(SESSION.value())
                ? new Authenticated(
                        ADMIN,
                        Credential.SESSION,
                        Optional.of(AdminSession.create(SESSION.digest(), ADMIN, SESSION_CREATED)),
                        false)
                : new Anonymous(AuthenticationFailure.UNKNOWN_SESSION);
    }
}
