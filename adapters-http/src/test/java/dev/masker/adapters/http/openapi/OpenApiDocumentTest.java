package dev.masker.adapters.http.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.agents.AgentResponse;
import dev.masker.domain.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document is well formed and says what the code does: references resolve, every operation
 * answers something, path parameters are declared, error codes and their statuses are those of {@link ErrorCode} and
 * {@link HttpErrorMapper}, and the agent looks as {@link AgentResponse} writes it. Each check also fails when it finds
 * nothing to check, so none can pass on an empty document.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    /** Error statuses whose body is not the error shape, with why. */
    private static final Set<String> NON_ERROR_BODIES = Set.of("GET /health/ready 503"); // the readiness report itself

    private static final JsonNode DOCUMENT = load();

    @Test
    void givenTheResource_parse_isAnOpenApi31DocumentWithPathsAndComponents() {
        assertTrue(
                DOCUMENT.path("openapi").asText().startsWith("3.1."),
                DOCUMENT.path("openapi").toString());
        assertFalse(DOCUMENT.path("info").path("title").asText().isBlank());
        assertFalse(DOCUMENT.path("info").path("version").asText().isBlank());
        assertTrue(DOCUMENT.path("paths").size() > 0, "no paths");
        assertTrue(DOCUMENT.path("components").path("schemas").size() > 0, "no schemas");
    }

    @Test
    void givenEveryReference_resolve_pointsAtANodeOfTheDocument() {
        List<String> references = new ArrayList<>();
        walk(DOCUMENT, (key, value) -> {
            if ("$ref".equals(key)) {
                references.add(value.asText());
            }
        });
        List<String> broken = references.stream()
                .filter(reference -> !reference.startsWith("#/")
                        || DOCUMENT.at(reference.substring(1)).isMissingNode())
                .toList();

        assertTrue(references.size() > 20, "too few references found: " + references.size());
        assertEquals(List.of(), broken, "references that do not resolve inside the document");
    }

    @Test
    void givenEveryComponent_search_isReferencedSomewhere() {
        Set<String> references = new HashSet<>();
        walk(DOCUMENT, (key, value) -> {
            if ("$ref".equals(key)) {
                references.add(value.asText());
            }
        });
        List<String> unused = new ArrayList<>();
        DOCUMENT.path("components")
                .properties()
                .forEach(kind -> kind.getValue().fieldNames().forEachRemaining(name -> {
                    String pointer = "#/components/" + kind.getKey() + "/" + name;
                    // Security schemes are named by security requirements, not by references.
                    if (!"securitySchemes".equals(kind.getKey()) && !references.contains(pointer)) {
                        unused.add(pointer);
                    }
                }));

        assertEquals(List.of(), unused, "components nothing refers to");
    }

    @Test
    void givenEveryOperation_read_hasAUniqueIdExplicitSecurityAndASuccessResponse() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> operations = operations();
        operations.forEach((operation, node) -> {
            if (!ids.add(node.path("operationId").asText())) {
                problems.add(operation + ": operationId missing or repeated");
            }
            if (!node.path("security").isArray()) {
                problems.add(operation + ": no explicit security (use [] for a public route)");
            }
            JsonNode responses = node.path("responses");
            if (responses.isEmpty()) {
                problems.add(operation + ": no responses");
            }
            boolean success = false;
            for (String status : names(responses)) {
                if (!status.matches("[1-5]\\d\\d")) {
                    problems.add(operation + ": response " + status + " is not a status code");
                }
                success |= status.startsWith("2");
            }
            if (!success) {
                problems.add(operation + ": no 2xx response");
            }
        });

        assertTrue(operations.size() >= 10, "too few operations found: " + operations.keySet());
        assertEquals(List.of(), problems);
    }

    @Test
    void givenEveryPathTemplate_read_declaresExactlyItsParametersAsRequiredPathParameters() {
        List<String> problems = new ArrayList<>();
        int templated = 0;
        for (String path : names(DOCUMENT.path("paths"))) {
            JsonNode item = DOCUMENT.path("paths").path(path);
            Set<String> inTemplate = new TreeSet<>();
            Matcher matcher = TEMPLATE_PARAMETER.matcher(path);
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            templated += inTemplate.isEmpty() ? 0 : 1;
            for (String method : names(item)) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                Map<String, JsonNode> declared = new HashMap<>();
                for (JsonNode parameters :
                        List.of(item.path("parameters"), item.path(method).path("parameters"))) {
                    for (JsonNode parameter : parameters) {
                        JsonNode resolved = resolve(parameter);
                        if ("path".equals(resolved.path("in").asText())) {
                            declared.put(resolved.path("name").asText(), resolved);
                        }
                    }
                }
                String operation = method.toUpperCase() + " " + path;
                if (!declared.keySet().equals(inTemplate)) {
                    problems.add(operation + ": template has " + inTemplate + ", declared "
                            + new TreeSet<>(declared.keySet()));
                }
                declared.forEach((name, parameter) -> {
                    if (!parameter.path("required").asBoolean(false)) {
                        problems.add(operation + ": path parameter " + name + " is not required: true");
                    }
                    if (parameter.path("example").isMissingNode()) {
                        problems.add(
                                operation + ": path parameter " + name + " has no example (the route test sends it)");
                    }
                });
            }
        }

        assertTrue(templated >= 2, "too few templated paths found");
        assertEquals(List.of(), problems);
    }

    @Test
    void givenTheErrorCodeSchema_compare_listsEveryErrorCodeOnceInWireForm() {
        List<String> documented = new ArrayList<>();
        DOCUMENT.at("/components/schemas/ErrorCode/enum").forEach(code -> documented.add(code.asText()));
        Set<String> actual =
                Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toSet());

        assertEquals(documented.size(), new HashSet<>(documented).size(), "a code is listed twice: " + documented);
        assertEquals(new TreeSet<>(actual), new TreeSet<>(documented));
        assertEquals(
                "#/components/schemas/ErrorCode",
                DOCUMENT.at("/components/schemas/Error/properties/error/properties/code/$ref")
                        .asText());
    }

    @Test
    void givenEveryErrorResponse_compare_namesCodesThatTheErrorMapperAnswersWithThatStatus() {
        List<String> problems = new ArrayList<>();
        Set<String> codesSeen = new TreeSet<>();
        operations()
                .forEach((operation, node) -> node.path("responses")
                        .properties()
                        .forEach(entry -> {
                            String status = entry.getKey();
                            JsonNode response = resolve(entry.getValue());
                            JsonNode schema = response.path("content")
                                    .path("application/json")
                                    .path("schema");
                            boolean errorBody = referencesError(schema);
                            if (Integer.parseInt(status) < 400) {
                                if (errorBody) {
                                    problems.add(operation + " " + status + ": a success answer with the error body");
                                }
                                return;
                            }
                            if (!errorBody) {
                                if (!NON_ERROR_BODIES.contains(operation + " " + status)) {
                                    problems.add(operation + " " + status + ": an error answer without the error body");
                                }
                                return;
                            }
                            Set<String> codes = errorCodes(schema);
                            if (codes.isEmpty()) {
                                problems.add(operation + " " + status + ": does not say which error codes it answers");
                            }
                            for (String code : codes) {
                                codesSeen.add(code);
                                ErrorCode known = Arrays.stream(ErrorCode.values())
                                        .filter(c -> c.wireName().equals(code))
                                        .findFirst()
                                        .orElse(null);
                                if (known == null) {
                                    problems.add(operation + " " + status + ": " + code + " is not an ErrorCode");
                                } else if (HttpErrorMapper.status(known).code() != Integer.parseInt(status)) {
                                    problems.add(operation + " " + status + ": " + code + " is answered with "
                                            + HttpErrorMapper.status(known).code());
                                }
                            }
                        }));

        assertTrue(
                codesSeen.containsAll(List.of(
                        "bad_signature",
                        "agent_not_found",
                        "unsupported_event",
                        "validation_failed",
                        "invalid_json",
                        "payload_too_large",
                        "rate_limited",
                        "audit_unavailable")),
                "the webhook's error table (SPEC §4) is not all documented: " + codesSeen);
        assertEquals(List.of(), problems);
    }

    @Test
    void givenEveryResponse_read_declaresTheRequestIdHeader() {
        List<String> missing = new ArrayList<>();
        int responses = 0;
        for (Map.Entry<String, JsonNode> operation : operations().entrySet()) {
            for (Map.Entry<String, JsonNode> entry :
                    operation.getValue().path("responses").properties()) {
                responses++;
                JsonNode header =
                        resolve(resolve(entry.getValue()).path("headers").path("X-Request-Id"));
                if (!header.path("required").asBoolean(false)) {
                    missing.add(operation.getKey() + " " + entry.getKey());
                }
            }
        }

        assertTrue(responses > 30, "too few responses found: " + responses);
        assertEquals(List.of(), missing, "responses without a required X-Request-Id header");
    }

    @Test
    void givenEveryRateLimitOrUnavailableError_read_declaresRetryAfter() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> operation : operations().entrySet()) {
            for (Map.Entry<String, JsonNode> entry :
                    operation.getValue().path("responses").properties()) {
                JsonNode response = resolve(entry.getValue());
                boolean errorBody = referencesError(
                        response.path("content").path("application/json").path("schema"));
                if (errorBody && ("429".equals(entry.getKey()) || "503".equals(entry.getKey()))) {
                    checked++;
                    if (!resolve(response.path("headers").path("Retry-After"))
                            .path("required")
                            .asBoolean(false)) {
                        missing.add(operation.getKey() + " " + entry.getKey());
                    }
                }
            }
        }

        assertTrue(checked >= 10, "too few 429/503 answers found: " + checked);
        assertEquals(List.of(), missing, "429 and 503 error answers without Retry-After");
    }

    @Test
    void givenTheAgentSchema_compare_hasExactlyTheFieldsAgentResponseWrites() {
        JsonNode agent = DOCUMENT.at("/components/schemas/Agent");
        JsonNode callback = DOCUMENT.at("/components/schemas/ConfigCallbackView");

        // stats is written by GET /api/v1/agents/{id} only, and documented there (AgentWithStats).
        Set<String> alwaysWritten = new TreeSet<>(componentNames(AgentResponse.class));
        alwaysWritten.remove("stats");
        assertEquals(alwaysWritten, new TreeSet<>(names(agent.path("properties"))));
        assertEquals(alwaysWritten, texts(agent.path("required")), "every field is always written");
        assertEquals(
                componentNames(AgentResponse.Stats.class),
                new TreeSet<>(names(DOCUMENT.at("/components/schemas/AgentStats/properties"))));
        assertEquals(
                componentNames(AgentResponse.CallbackResponse.class),
                new TreeSet<>(names(callback.path("properties"))));
        assertFalse(agent.toString().contains("\"secret\""), "the agent shows no secret");
        assertFalse(callback.path("properties").has("secret"), "the callback shows no secret");
    }

    @Test
    void givenApiV1Operations_read_requireTheAdminTokenOrTheSessionExceptSigningIn() {
        List<String> problems = new ArrayList<>();
        operations().forEach((operation, node) -> {
            if (!operation.contains(" /api/v1/") || operation.equals("POST /api/v1/auth/session")) {
                return;
            }
            Set<String> schemes = new TreeSet<>();
            node.path("security").forEach(requirement -> schemes.addAll(names(requirement)));
            if (schemes.isEmpty() || !Set.of("adminToken", "sessionCookie").containsAll(schemes)) {
                problems.add(operation + " is secured by " + schemes);
            }
        });
        Set<String> schemes = new TreeSet<>(names(DOCUMENT.path("components").path("securitySchemes")));

        assertEquals(
                Set.of(
                        "adminToken",
                        "sessionCookie",
                        "vapiSignature",
                        "vapiTimestampedSignature",
                        "vapiTimestamp",
                        "vapiPlainSecret",
                        "proxyKey",
                        "proxyBearer"),
                schemes);
        assertEquals(
                "masker_session",
                DOCUMENT.at("/components/securitySchemes/sessionCookie/name").asText());
        assertEquals(List.of(), problems);
    }

    @Test
    void givenApiV1RequestBodies_read_rejectUnknownFields() {
        List<String> open = new ArrayList<>();
        int bodies = 0;
        for (Map.Entry<String, JsonNode> operation : operations().entrySet()) {
            JsonNode schema = resolve(operation
                    .getValue()
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            if (!operation.getKey().contains(" /api/v1/") || schema.isMissingNode()) {
                continue;
            }
            bodies++;
            if (schema.path("additionalProperties").asBoolean(true)) {
                open.add(operation.getKey());
            }
        }
        JsonNode callback = DOCUMENT.at("/components/schemas/ConfigCallbackRequest");

        assertTrue(bodies >= 3, "too few /api/v1 request bodies found: " + bodies);
        assertEquals(List.of(), open, "request bodies that do not say additionalProperties: false");
        assertFalse(callback.path("additionalProperties").asBoolean(true));
    }

    /** Every operation of the document, keyed {@code METHOD /path}. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        DOCUMENT.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return operations;
    }

    private static boolean referencesError(JsonNode schema) {
        if (ERROR_SCHEMA.equals(schema.path("$ref").asText())) {
            return true;
        }
        for (JsonNode part : schema.path("allOf")) {
            if (ERROR_SCHEMA.equals(part.path("$ref").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The codes an error answer narrows {@code error.code} to, with {@code const} or {@code enum}. */
    private static Set<String> errorCodes(JsonNode schema) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode part : schema.path("allOf")) {
            JsonNode code =
                    part.path("properties").path("error").path("properties").path("code");
            if (code.has("const")) {
                codes.add(code.path("const").asText());
            }
            code.path("enum").forEach(value -> codes.add(value.asText()));
        }
        return codes;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = DOCUMENT.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static void walk(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                visitor.accept(entry.getKey(), entry.getValue());
                walk(entry.getValue(), visitor);
            });
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, visitor));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static Set<String> componentNames(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiHttpAdapter.class.getResourceAsStream(OpenApiHttpAdapter.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not next to OpenApiHttpAdapter");
            }
            // A key written twice would silently keep the last: refuse it, as a second path entry once slipped in.
            return new ObjectMapper()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
                    .readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
