package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.bootstrap.RecordingHttpRules.Registration;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The routes and {@code /openapi.json} agree (issue 3): every route a service of the real server registers is
 * documented, every documented operation is routed, and on the running server no documented operation answers 404
 * {@code not_found} or 405 {@code method_not_allowed}. It runs in every build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAgreementIT {
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private RunningMasker masker;
    private JsonNode document;

    @BeforeAll
    void start() {
        masker = RunningMasker.start(Map.of());
        HttpResponse<String> response =
                masker.send(HttpRequest.newBuilder(masker.uri("/openapi.json")).GET());
        assertEquals(200, response.statusCode(), response.body());
        document = RunningMasker.read(response.body());
    }

    @AfterAll
    void stop() {
        masker.close();
    }

    @Test
    void givenEveryServiceTheServerRegisters_compareWithTheDocument_everyRouteIsDocumentedAndEveryOperationRouted() {
        List<Registration> registrations =
                RecordingHttpRules.record(masker.server().httpServices());
        List<String> mismatches =
                RouteAgreement.mismatches(registrations, RouteAgreement.documentedOperations(document));

        assertTrue(registrations.size() > 5, "too few routes recorded: " + registrations);
        assertTrue(
                mismatches.isEmpty(),
                () -> "The registered routes and /openapi.json disagree:\n  " + String.join("\n  ", mismatches));
    }

    @Test
    void givenEveryDocumentedOperation_requestOnTheRunningServer_isRouted() {
        Set<String> documented = RouteAgreement.documentedOperations(document);
        List<String> unrouted = new ArrayList<>();
        int sent = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!documented.contains(method + " " + path.getKey())) {
                    continue;
                }
                String concrete = concretePath(path.getKey(), path.getValue(), operation.getValue());
                boolean hasBody = operation.getValue().has("requestBody");
                // Credentials and an empty JSON object: enough to get past routing, never enough to change anything.
                HttpResponse<String> response = masker.admin(method, concrete, hasBody ? "{}" : null);
                sent++;
                String code = errorCode(response);
                if (response.statusCode() == 404 && "not_found".equals(code)
                        || response.statusCode() == 405 && "method_not_allowed".equals(code)) {
                    unrouted.add(method + " " + path.getKey() + " (sent " + method + " " + concrete + "): "
                            + response.statusCode() + " " + code);
                }
            }
        }

        assertTrue(sent >= 10, "too few documented operations found: " + sent);
        assertTrue(
                unrouted.isEmpty(),
                () -> "Documented operations the running server does not route:\n  " + String.join("\n  ", unrouted));
    }

    /** The path with each template parameter replaced by the example the document gives for it. */
    private String concretePath(String template, JsonNode pathItem, JsonNode operation) {
        Matcher matcher = TEMPLATE_PARAMETER.matcher(template);
        StringBuilder concrete = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    concrete, Matcher.quoteReplacement(example(matcher.group(1), pathItem, operation)));
        }
        matcher.appendTail(concrete);
        return concrete.toString();
    }

    private String example(String name, JsonNode pathItem, JsonNode operation) {
        for (JsonNode parameters : List.of(operation.path("parameters"), pathItem.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = parameter.has("$ref")
                        ? document.at(parameter.path("$ref").asText().substring(1))
                        : parameter;
                if (name.equals(resolved.path("name").asText()) && resolved.has("example")) {
                    return resolved.path("example").asText();
                }
            }
        }
        throw new AssertionError("the document gives no example for the path parameter " + name);
    }

    private static String errorCode(HttpResponse<String> response) {
        try {
            return RunningMasker.read(response.body())
                    .path("error")
                    .path("code")
                    .asText();
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
