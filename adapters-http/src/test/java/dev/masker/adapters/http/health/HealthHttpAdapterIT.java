package dev.masker.adapters.http.health;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.Readiness;
import dev.masker.domain.error.ErrorCode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /health} and {@code GET /health/ready} on real routing with a stand-in readiness check: open to anyone
 * (a load balancer has no admin token), {@code up} or {@code down} with each store's check, and 405 for other methods.
 */
class HealthHttpAdapterIT {
    private static final RecordingStub<Void, Readiness> READINESS = new RecordingStub<>(nothing -> null);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(new HealthHttpAdapter(() -> READINESS.call(null), RoutedServer.JSON));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void everyStoreAnswers() {
        READINESS.answerWith(nothing -> new Readiness(Map.of("database", true)));
    }

    @Test
    void givenNoCredentials_liveness_answersUpWithoutAskingTheStores() {
        HttpResponse<String> response = server.send(server.request("/health"));

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"up\"}", response.body());
        assertTrue(READINESS.received().isEmpty());
        assertTrue(response.headers().firstValue("X-Request-Id").orElseThrow().startsWith("req_"));
    }

    @Test
    void givenEveryStoreAnswers_readiness_answers200Up() {
        HttpResponse<String> response = server.send(server.request("/health/ready"));

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"up\",\"checks\":{\"database\":true}}", response.body());
    }

    @Test
    void givenAStoreDoesNotAnswer_readiness_answers503DownNamingIt() {
        READINESS.answerWith(nothing -> new Readiness(Map.of("database", false)));

        HttpResponse<String> response = server.send(server.request("/health/ready"));

        assertEquals(503, response.statusCode());
        assertEquals("{\"status\":\"down\",\"checks\":{\"database\":false}}", response.body());
    }

    @Test
    void givenTheCheckItselfRefused_readiness_answers503UnavailableWithRetryAfter() {
        READINESS.rejectWith(ErrorCode.UNAVAILABLE);

        HttpResponse<String> response = server.send(server.request("/health/ready"));

        assertError(response, 503, "unavailable");
        assertEquals(Optional.of("1"), response.headers().firstValue("Retry-After"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/ready"})
    void givenAMethodOtherThanGet_health_answers405(String path) {
        HttpResponse<String> response = server.send(server.request("POST", path, "{}"));

        RoutedServer.assertMethodNotAllowed(response, "GET");
    }
}
