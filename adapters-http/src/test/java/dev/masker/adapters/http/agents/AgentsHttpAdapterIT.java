package dev.masker.adapters.http.agents;

import static dev.masker.adapters.http.RoutedServer.assertError;
import static dev.masker.adapters.http.RoutedServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.RecordingStub;
import dev.masker.adapters.http.RoutedServer;
import dev.masker.application.port.in.AgentDetails;
import dev.masker.application.port.in.AgentPage;
import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.DeleteAgentCommand;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.ListAgentsQuery;
import dev.masker.application.port.in.UpdateAgentCommand;
import dev.masker.application.port.in.UpdateAgentCommand.CallbackChange;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.Ulid;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/agents} on real routing with stand-in use cases: what each route hands its use case, the answers' shape,
 * every malformed body answered with its documented 4xx before any use case runs, and the admin authentication in front
 * of it all (a cookie needs the CSRF header for changes).
 */
class AgentsHttpAdapterIT {
    private static final Agent AGENT = Agent.create(
            new AgentId(new Ulid("01J0000000000000000000AGNT")),
            new AgentName("Front desk"),
            Upstream.parse("openai:gpt-4o-mini").orElseThrow(),
            Tokenization.VAULT_DETERMINISTIC,
            Agent.DEFAULT_POLICY,
            AssistantConfig.of(Map.of("firstMessage", "Hello")),
            Optional.empty(),
            Instant.parse("2026-05-03T21:14:32.481Z"));
    private static final String PATH = "/api/v1/agents";
    private static final String AGENT_PATH = PATH + "/" + AGENT.id().value();
    private static final String NEW_AGENT = "{\"name\": \"Front desk\", \"upstream\": \"stub\"}";

    private static final RecordingStub<CreateAgentCommand, Agent> CREATE = new RecordingStub<>(command -> AGENT);
    private static final RecordingStub<ListAgentsQuery, AgentPage> LIST = new RecordingStub<>(query -> null);
    private static final RecordingStub<GetAgentQuery, AgentDetails> GET = new RecordingStub<>(query -> null);
    private static final RecordingStub<UpdateAgentCommand, Agent> UPDATE = new RecordingStub<>(command -> AGENT);
    private static final RecordingStub<DeleteAgentCommand, Void> DELETE = new RecordingStub<>(command -> null);

    private static RoutedServer server;

    @BeforeAll
    static void serve() {
        server = RoutedServer.start(new AgentsHttpAdapter(
                new AgentsHttpAdapter.AgentUseCases(CREATE::call, LIST::call, GET::call, UPDATE::call, DELETE::call),
                RoutedServer.bodies(),
                RoutedServer.JSON,
                new AgentUrls(URI.create("https://masker.test"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void answerAsTheServicesWould() {
        // Like the service: fields that could not be read are reported, with the value problems, as validation_failed.
        CREATE.answerWith(command -> {
            if (!command.readProblems().isEmpty()) {
                throw DomainException.invalid(command.readProblems());
            }
            return AGENT;
        });
        LIST.answerWith(query -> new AgentPage(List.of(AGENT), Optional.of("next-page")));
        GET.answerWith(query -> new AgentDetails(AGENT, 3, 7));
        UPDATE.answerWith(command -> AGENT);
        DELETE.answerWith(command -> null);
    }

    @Test
    void givenANewAgent_post_answers201WithTheAgentAndWhereItLives() {
        HttpResponse<String> response = server.asAdmin("POST", PATH, NEW_AGENT);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(Optional.of(AGENT_PATH), response.headers().firstValue("Location"));
        JsonNode agent = json(response).get("agent");
        assertEquals(AGENT.id().value(), agent.get("id").asText());
        assertEquals("Front desk", agent.get("name").asText());
        assertEquals("openai:gpt-4o-mini", agent.get("upstream").asText());
        assertEquals(
                "https://masker.test/proxy/" + AGENT.id().value() + "/v1/chat/completions",
                agent.get("proxy_url").asText());
        assertEquals(
                "https://masker.test/vapi/webhook/" + AGENT.id().value(),
                agent.get("webhook_url").asText());
        assertEquals("2026-05-03T21:14:32.481Z", agent.get("created_at").asText());
        assertTrue(agent.get("config_callback").isNull(), agent.toString());
        assertTrue(agent.path("stats").isMissingNode(), agent.toString());
    }

    @Test
    void givenEveryField_post_handsTheUseCaseThemParsedWithWhoAskedAndTheRequestId() {
        HttpResponse<String> response = server.asAdmin("POST", PATH, """
                {"name": "Front desk", "upstream": "openai:gpt-4o", "tokenization": "reversible-aead",
                 "policy_name": "strict", "assistant": {"firstMessage": "Hi", "voice": {"provider": "11labs"}},
                 "config_callback": {"url": "https://clinic.test/cb", "secret": "cb-secret", "timeout_ms": 900},
                 "allowed_models": ["gpt-4o-mini"]}""");

        assertEquals(201, response.statusCode(), response.body());
        CreateAgentCommand command = CREATE.last();
        assertEquals("Front desk", command.name());
        assertEquals("openai:gpt-4o", command.upstream());
        assertEquals(Optional.of("reversible-aead"), command.tokenization());
        assertEquals(Optional.of("strict"), command.policyName());
        assertEquals(Optional.empty(), command.policyYaml());
        assertEquals(
                Map.of("firstMessage", "Hi", "voice", Map.of("provider", "11labs")),
                command.assistant().asMap());
        assertEquals(
                Optional.of(new CallbackFields("https://clinic.test/cb", "cb-secret", Optional.of(900L))),
                command.configCallback());
        assertEquals(Optional.of(List.of("gpt-4o-mini")), command.allowedModels());
        assertEquals(List.of(), command.readProblems());
        assertEquals(RoutedServer.ADMIN.value(), command.principal());
        assertEquals(
                response.headers().firstValue("X-Request-Id"),
                Optional.of(command.requestId().value()));
    }

    @Test
    void givenFieldsOfTheWrongType_post_answers422NamingEachOfThem() {
        HttpResponse<String> response = server.asAdmin("POST", PATH, """
                {"name": 5, "upstream": "stub", "assistant": "not an object", "allowed_models": [1],
                 "config_callback": {"url": "https://clinic.test/cb", "timeout_ms": 1.5}, "nickname": "x"}""");

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals(
                List.of(
                        new FieldProblem("nickname", "is not a known field"),
                        new FieldProblem("name", "must be a string"),
                        new FieldProblem("assistant", "must be an object (a Vapi assistant)"),
                        new FieldProblem("config_callback.timeout_ms", "must be a whole number of milliseconds"),
                        new FieldProblem("allowed_models", "must be an array of model names")),
                CREATE.last().readProblems());
        assertEquals(5, error.get("details").size(), error.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": ",
                "{\"name\": \"a\", \"name\": \"b\"}",
                "{\"name\": \"a\"} trailing",
                "",
                "{'name': 'single quotes'}"
            })
    void givenABodyThatIsNotJson_post_answers400InvalidJsonWithoutCallingTheUseCase(String body) {
        HttpResponse<String> response = server.asAdmin("POST", PATH, body);

        assertError(response, 400, "invalid_json");
        assertEquals(List.of(), CREATE.received());
    }

    @Test
    void givenJsonNestedDeeperThanTheParserAllows_post_answers400InvalidJson() {
        String nested = "[".repeat(2_000) + "]".repeat(2_000);

        HttpResponse<String> response = server.asAdmin("POST", PATH, "{\"assistant\": " + nested + "}");

        assertError(response, 400, "invalid_json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"Front desk\"", "42", "null"})
    void givenJsonThatIsNotAnObject_post_answers422ForTheBody(String body) {
        HttpResponse<String> response = server.asAdmin("POST", PATH, body);

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals("(body)", error.get("details").get(0).get("field").asText());
        assertEquals(List.of(), CREATE.received());
    }

    @Test
    void givenABodyThatIsNotDeclaredJson_post_answers415() {
        HttpResponse<String> response = server.send(server.request(PATH)
                .header("Authorization", "Bearer " + RoutedServer.ADMIN_TOKEN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Front desk\"}")));

        assertError(response, 415, "unsupported_media_type");
    }

    @Test
    void givenABodyOverTheLimit_post_answers413() {
        String name = "x".repeat(RoutedServer.BODY_LIMIT);

        HttpResponse<String> response = server.asAdmin("POST", PATH, "{\"name\": \"" + name + "\"}");

        assertError(response, 413, "payload_too_large");
        assertEquals(List.of(), CREATE.received());
    }

    @Test
    void givenAUseCaseRejection_post_answersItsCode() {
        CREATE.rejectWith(ErrorCode.NAME_TAKEN);

        HttpResponse<String> response = server.asAdmin("POST", PATH, NEW_AGENT);

        assertError(response, 409, "name_taken");
    }

    @Test
    void givenListParameters_get_handsThemToTheUseCaseAsWrittenAndAnswersAPage() {
        HttpResponse<String> response =
                server.asAdmin("GET", PATH + "?limit=abc&cursor=c1&name_contains=front%20desk", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                new ListAgentsQuery(Optional.of("abc"), Optional.of("c1"), Optional.of("front desk")), LIST.last());
        JsonNode body = json(response);
        assertEquals(
                List.of("data", "next_cursor"),
                RoutedServer.fieldNames(body).stream().sorted().toList());
        assertEquals(AGENT.id().value(), body.get("data").get(0).get("id").asText());
        assertEquals("next-page", body.get("next_cursor").asText());
    }

    @Test
    void givenALimitTheUseCaseRefuses_get_answers422() {
        LIST.answerWith(query -> {
            throw DomainException.invalid("limit", "must be a whole number from 1 to 100");
        });

        HttpResponse<String> response = server.asAdmin("GET", PATH + "?limit=1000", null);

        JsonNode error = assertError(response, 422, "validation_failed");
        assertEquals("limit", error.get("details").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name_contains=%00", "cursor=%C0%AF", "limit=%FF"})
    void givenAQueryParameterThatIsNotText_get_answers422WithoutCallingTheUseCase(String query) {
        HttpResponse<String> response = server.asAdmin("GET", PATH + "?" + query, null);

        assertError(response, 422, "validation_failed");
        assertEquals(List.of(), LIST.received());
    }

    @Test
    void givenAnId_get_answersTheAgentWithItsStats() {
        HttpResponse<String> response = server.asAdmin("GET", AGENT_PATH, null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(new GetAgentQuery(AGENT.id().value()), GET.last());
        JsonNode stats = json(response).get("agent").get("stats");
        assertEquals(3, stats.get("webhook_calls_24h").asLong());
        assertEquals(7, stats.get("webhook_calls_7d").asLong());
        assertTrue(stats.get("added_latency_ms_p50").isNull(), stats.toString());
    }

    @Test
    void givenAnUnknownAgent_get_answers404AgentNotFound() {
        GET.rejectWith(ErrorCode.AGENT_NOT_FOUND);

        assertError(server.asAdmin("GET", PATH + "/agt_nope", null), 404, "agent_not_found");
        assertEquals(new GetAgentQuery("agt_nope"), GET.last());
    }

    @Test
    void givenOneField_patch_handsTheUseCaseThatFieldAndLeavesTheOthers() {
        HttpResponse<String> response = server.asAdmin("PATCH", AGENT_PATH, "{\"name\": \"Night desk\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(AGENT.id().value(), json(response).get("agent").get("id").asText());
        UpdateAgentCommand command = UPDATE.last();
        assertEquals(AGENT.id().value(), command.agentIdText());
        assertEquals(Optional.of("Night desk"), command.name());
        assertEquals(Optional.empty(), command.upstream());
        assertEquals(Optional.empty(), command.assistant());
        assertInstanceOf(CallbackChange.Keep.class, command.configCallback());
        assertEquals(List.of(), command.readProblems());
    }

    @Test
    void givenNullForTheCallback_patch_asksForItsRemoval() {
        server.asAdmin("PATCH", AGENT_PATH, "{\"config_callback\": null}");

        assertInstanceOf(CallbackChange.Remove.class, UPDATE.last().configCallback());
    }

    @Test
    void givenNullForAFieldThatCannotBeRemoved_patch_reportsIt() {
        server.asAdmin("PATCH", AGENT_PATH, "{\"name\": null, \"upstream\": null}");

        assertEquals(
                List.of(
                        new FieldProblem("name", "cannot be removed"),
                        new FieldProblem("upstream", "cannot be removed")),
                UPDATE.last().readProblems());
    }

    @Test
    void givenAnId_delete_answers204AndHandsTheUseCaseTheIdAndWhoAsked() {
        HttpResponse<String> response = server.asAdmin("DELETE", AGENT_PATH, null);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertEquals(AGENT.id().value(), DELETE.last().agentIdText());
        assertEquals(RoutedServer.ADMIN.value(), DELETE.last().principal());
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /api/v1/agents",
        "POST, /api/v1/agents",
        "GET, /api/v1/agents/agt_x",
        "PATCH, /api/v1/agents/agt_x",
        "DELETE, /api/v1/agents/agt_x",
        "PUT, /api/v1/agents"
    })
    void givenNoCredentials_anyRoute_answers401WithoutCallingAUseCase(String method, String path) {
        HttpResponse<String> response = server.send(server.request(method, path, method.equals("GET") ? null : "{}"));

        assertError(response, 401, "unauthenticated");
        assertEquals(
                0,
                CREATE.received().size()
                        + LIST.received().size()
                        + GET.received().size()
                        + UPDATE.received().size()
                        + DELETE.received().size());
    }

    @Test
    void givenAWrongToken_get_answers401() {
        HttpResponse<String> response =
                server.send(server.request(PATH).header("Authorization", "Bearer not-the-token"));

        assertError(response, 401, "unauthenticated");
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/agents", "PATCH, /api/v1/agents/agt_x", "DELETE, /api/v1/agents/agt_x"})
    void givenTheSessionCookieWithoutTheCsrfHeader_aChange_answers403(String method, String path) {
        HttpResponse<String> response =
                server.withSessionCookie(method, path, method.equals("DELETE") ? null : NEW_AGENT, false);

        assertError(response, 403, "csrf_check_failed");
        assertEquals(
                0,
                CREATE.received().size()
                        + UPDATE.received().size()
                        + DELETE.received().size());
    }

    @Test
    void givenTheSessionCookieAndTheCsrfHeader_post_createsTheAgent() {
        HttpResponse<String> response = server.withSessionCookie("POST", PATH, NEW_AGENT, true);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(RoutedServer.ADMIN.value(), CREATE.last().principal());
    }

    @Test
    void givenTheSessionCookieWithoutTheCsrfHeader_get_answers() {
        HttpResponse<String> response = server.withSessionCookie("GET", PATH, null, false);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void givenAMethodTheListDoesNotAnswer_theRoute_answers405NamingTheMethodsItAnswers() {
        HttpResponse<String> response = server.asAdmin("PUT", PATH, "{}");

        RoutedServer.assertMethodNotAllowed(response, "GET, POST");
    }
}
