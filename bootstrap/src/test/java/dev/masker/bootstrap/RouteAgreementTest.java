package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.health.HealthHttpAdapter;
import dev.masker.adapters.http.openapi.OpenApiHttpAdapter;
import dev.masker.bootstrap.RecordingHttpRules.Registration;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpService;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The route recorder and the comparison the route agreement test relies on, each shown to catch what it must. */
class RouteAgreementTest {
    private static final Handler NOTHING = (request, response) -> {};

    @Test
    void givenMaskerAdapters_record_seesTheirOperationsAndTheir405Fallbacks() {
        List<Registration> recorded = RecordingHttpRules.record(
                List.of(new HealthHttpAdapter(() -> null, new JsonCodec()), new OpenApiHttpAdapter()));

        assertEquals(
                List.of(
                        new Registration("GET", "/health"),
                        new Registration("ANY", "/health"),
                        new Registration("GET", "/health/ready"),
                        new Registration("ANY", "/health/ready"),
                        new Registration("GET", "/openapi.json"),
                        new Registration("ANY", "/openapi.json")),
                recorded);
    }

    @Test
    void givenNestedServiceWithConstrainedParameter_record_joinsThePrefixAndKeepsAnOpenApiTemplate() {
        HttpService inner = rules -> rules.get("/items/{id:\\d+}", NOTHING).patch("/", NOTHING);
        HttpService outer = rules -> rules.register("/api", inner).delete("/x/{name}", NOTHING);

        assertEquals(
                List.of(
                        new Registration("GET", "/api/items/{id}"),
                        new Registration("PATCH", "/api"),
                        new Registration("DELETE", "/x/{name}")),
                RecordingHttpRules.record(List.of(outer)));
    }

    @Test
    void givenReadyMadeRoute_record_failsSayingItCannotReadTheMethod() {
        HttpService service = rules -> rules.route(HttpRoute.builder()
                .methods(Method.GET)
                .path("/hidden")
                .handler(NOTHING)
                .build());

        AssertionError failure = assertThrows(AssertionError.class, () -> RecordingHttpRules.record(List.of(service)));
        assertTrue(failure.getMessage().contains("method cannot be read"), failure.getMessage());
    }

    @Test
    void givenRoutesWithFallbacksAndAGuard_compare_findsNoMismatch() {
        List<Registration> registrations = List.of(
                new Registration("ANY", "/api/*"),
                new Registration("ANY", "/api"),
                new Registration("GET", "/api/things/{id}"),
                new Registration("ANY", "/api/things/{id}"),
                new Registration("GET", "/health"));

        assertEquals(
                List.of(), RouteAgreement.mismatches(registrations, Set.of("GET /api/things/{id}", "GET /health")));
    }

    @Test
    void givenRoutesAndDocumentThatDisagreeBothWays_compare_namesEachOperation() {
        List<Registration> registrations = List.of(
                new Registration("GET", "/health"),
                new Registration("POST", "/secret"),
                new Registration("GET", "/things/{thing_id}"));

        assertEquals(
                List.of(
                        "documented but not routed: GET /things/{id}",
                        "documented but not routed: PATCH /health",
                        "routed but not documented: GET /things/{thing_id}",
                        "routed but not documented: POST /secret"),
                RouteAgreement.mismatches(registrations, Set.of("GET /health", "PATCH /health", "GET /things/{id}")));
    }

    @Test
    void givenAnyRouteOnAPathWithoutOperations_compare_namesIt() {
        List<Registration> registrations =
                List.of(new Registration("GET", "/health"), new Registration("ANY", "/catch"));

        assertEquals(
                List.of("routed for every method, neither a 405 fallback nor a guard of other routes: ANY /catch"),
                RouteAgreement.mismatches(registrations, Set.of("GET /health")));
    }

    @Test
    void givenPathsWithSharedParameters_documentedOperations_listsOnlyMethods() throws IOException {
        JsonNode document = new ObjectMapper().readTree("""
                {"paths": {"/a/{id}": {"parameters": [], "summary": "x", "get": {}, "delete": {}}, "/b": {"post": {}}}}
                """);

        assertEquals(Set.of("GET /a/{id}", "DELETE /a/{id}", "POST /b"), RouteAgreement.documentedOperations(document));
    }
}
