package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.CreateAgentCommand.ForwardFields;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.ConfigCallback;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateAgentServiceTest {
    private static final Instant NOW = Instant.parse("2025-11-27T09:30:00.123Z");
    private static final RequestId REQUEST_ID = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    private static final AssistantConfig ASSISTANT = AssistantConfig.of(Map.of("firstMessage", "Hello!"));
    private static final String SECRET = "cb_secret_0123456789";

    private final InMemoryAgents agents = new InMemoryAgents();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CreateAgentService service = new CreateAgentService(
            agents,
            audit,
            new SequentialIds(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Set.of("healthcare-default", "dental"));

    private static CreateAgentCommand command(String name, String upstream) {
        return new CreateAgentCommand(
                name,
                upstream,
                Optional.empty(),
                Optional.empty(),
                ASSISTANT,
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);
    }

    private static CreateAgentCommand withCallback(CallbackFields callback) {
        return new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                ASSISTANT,
                Optional.of(callback),
                List.of(),
                "admin",
                REQUEST_ID);
    }

    private DomainException rejection(CreateAgentCommand command) {
        return assertThrows(DomainException.class, () -> service.create(command));
    }

    private static List<String> fields(DomainException rejection) {
        return rejection.details().stream().map(FieldProblem::field).toList();
    }

    private void assertNothingStoredOrAudited() {
        assertTrue(agents.all().isEmpty(), "no agent stored");
        assertEquals(0, audit.attempts(), "no audit event");
    }

    @Test
    void givenOnlyANameAndAnUpstream_create_storesAnAgentWithTheDefaults() {
        Agent agent = service.create(command("Front desk", "openai:gpt-4o-mini"));

        assertEquals("Front desk", agent.name().value());
        assertEquals(Upstream.parse("openai:gpt-4o-mini").orElseThrow(), agent.upstream());
        assertEquals(Tokenization.VAULT_DETERMINISTIC, agent.tokenization());
        assertEquals("healthcare-default", agent.policyName());
        assertEquals(ASSISTANT, agent.assistantDefaults());
        assertTrue(agent.configCallback().isEmpty());
        assertEquals(NOW, agent.createdAt());
        assertTrue(agent.id().value().startsWith("agt_"));
        assertEquals(List.of(agent), agents.all());
    }

    @Test
    void givenANewAgent_create_appendsAnAgentCreatedEventNamingThePrincipal() {
        Agent agent = service.create(command("Front desk", "stub"));

        assertEquals(1, audit.events().size());
        AuditEvent event = audit.events().get(0);
        assertEquals(AuditEventType.AGENT_CREATED, event.type());
        assertEquals(Optional.of(agent.id()), event.agentId());
        assertEquals(NOW, event.occurredAt());
        assertEquals("admin", event.data().get("principal"));
        assertEquals("false", event.data().get("has_config_callback"));
        assertEquals(REQUEST_ID.value(), event.data().get("request_id"));
        assertFalse(event.id().ulid().equals(agent.id().ulid()), "the event and the agent get distinct ids");
    }

    @Test
    void givenExplicitChoices_create_keepsThem() {
        Agent agent = service.create(new CreateAgentCommand(
                "Dental line",
                "openai:gpt-4o",
                Optional.of("reversible-aead"),
                Optional.of("dental"),
                ASSISTANT,
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID));

        assertEquals(Tokenization.REVERSIBLE_AEAD, agent.tokenization());
        assertEquals("dental", agent.policyName());
        assertEquals("gpt-4o", agent.upstream().model());
    }

    @Test
    void givenAValidCallbackWithoutTimeout_create_usesTheDefaultTimeoutAndAuditsThatThereIsOne() {
        Agent agent = service.create(
                withCallback(new CallbackFields("https://ops.example.com/cb", SECRET, Optional.empty())));

        ConfigCallback callback = agent.configCallback().orElseThrow();
        assertEquals(URI.create("https://ops.example.com/cb"), callback.url());
        assertEquals(SECRET, callback.secret());
        assertEquals(Duration.ofMillis(1500), callback.timeout());
        assertEquals("true", audit.events().get(0).data().get("has_config_callback"));
        assertFalse(
                String.join("|", audit.events().get(0).data().values()).contains(SECRET), "the secret is not audited");
    }

    @Test
    void givenACallbackTimeout_create_keepsIt() {
        Agent agent = service.create(
                withCallback(new CallbackFields("https://ops.example.com/cb", SECRET, Optional.of(4000L))));

        assertEquals(
                Duration.ofMillis(4000), agent.configCallback().orElseThrow().timeout());
    }

    @Test
    void givenEveryFieldWrong_create_reportsAllProblemsAtOnce() {
        DomainException thrown = rejection(new CreateAgentCommand(
                " ",
                null,
                Optional.of("rot13"),
                Optional.empty(),
                ASSISTANT,
                Optional.of(new CallbackFields("ftp://ops.example.com/cb", "short", Optional.of(5000L))),
                List.of(),
                "admin",
                REQUEST_ID));

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(
                Set.of(
                        "name",
                        "tokenization",
                        "config_callback.url",
                        "config_callback.secret",
                        "config_callback.timeout_ms",
                        "upstream"),
                Set.copyOf(fields(thrown)));
        assertEquals(6, thrown.details().size());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenATooLongName_create_namesTheFieldAndTheProblem() {
        DomainException thrown = rejection(command("n".repeat(65), "stub"));

        assertEquals(List.of(new FieldProblem("name", "must be at most 64 characters")), thrown.details());
    }

    @Test
    void givenAMissingName_create_saysItIsRequired() {
        assertEquals(
                List.of(new FieldProblem("name", "is required")),
                rejection(command(null, "stub")).details());
    }

    @Test
    void givenFieldsThatCouldNotBeRead_create_reportsThemWithTheOtherProblems() {
        DomainException thrown = rejection(new CreateAgentCommand(
                null,
                "stub",
                Optional.of("rot13"),
                Optional.empty(),
                ASSISTANT,
                Optional.empty(),
                List.of(new FieldProblem("name", "must be a string")),
                "admin",
                REQUEST_ID));

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(
                List.of(
                        new FieldProblem("name", "must be a string"),
                        new FieldProblem("tokenization", "must be vault-deterministic or reversible-aead")),
                thrown.details());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenAnUpstreamThatCouldNotBeRead_create_reportsItOnceAsRead() {
        DomainException thrown = rejection(new CreateAgentCommand(
                "Front desk",
                null,
                Optional.empty(),
                Optional.empty(),
                ASSISTANT,
                Optional.empty(),
                List.of(new FieldProblem("upstream", "must be a string")),
                "admin",
                REQUEST_ID));

        assertEquals(List.of(new FieldProblem("upstream", "must be a string")), thrown.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "http://exa mple.com/cb", "/relative", "https://user:pw@ops.example.com/cb"})
    void givenABadCallbackUrl_create_reportsTheUrlField(String url) {
        DomainException thrown = rejection(withCallback(new CallbackFields(url, SECRET, Optional.empty())));

        assertEquals(List.of("config_callback.url"), fields(thrown));
        assertFalse(thrown.details().get(0).problem().contains(url), "the URL is not echoed");
        assertNothingStoredOrAudited();
    }

    private static CreateAgentCommand withForward(ForwardFields forward) {
        return new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ASSISTANT,
                Optional.empty(),
                Optional.empty(),
                Optional.of(forward),
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);
    }

    @Test
    void givenAForwardTarget_create_storesItWithTheDefaultTimeout() {
        Agent agent = service.create(withForward(new ForwardFields(
                "https://clinic.example.com/vapi", SECRET, Optional.empty(), List.of("end-of-call-report"))));

        ForwardTarget target = agent.forward().orElseThrow();
        assertEquals(ForwardTarget.DEFAULT_TIMEOUT, target.timeout());
        assertTrue(target.relays("end-of-call-report"));
        assertFalse(target.relays("status-update"));
        assertEquals(Optional.of(target), agents.all().getFirst().forward());
    }

    @Test
    void givenEveryForwardFieldWrong_create_namesEachAndStoresNothing() {
        assertEquals(
                List.of("forward.url", "forward.secret", "forward.timeout_ms", "forward.messages[1]"),
                fields(rejection(withForward(new ForwardFields(
                        "ftp://clinic.example.com",
                        "short",
                        Optional.of(20_001L),
                        List.of("status-update", "Status Update"))))));
        assertNothingStoredOrAudited();
    }

    @Test
    void givenAnAssistantModelTheProxyWouldRefuse_create_namesItAndStoresNothing() {
        AssistantConfig assistant =
                AssistantConfig.of(Map.of("model", Map.of("provider", "openai", "model", "gpt-4o")));
        CreateAgentCommand refused = new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                assistant,
                Optional.empty(),
                Optional.of(List.of("o3")),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);
        CreateAgentCommand allowed = new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                assistant,
                Optional.empty(),
                Optional.of(List.of("gpt-4o")),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);

        assertEquals(List.of("assistant.model.model"), fields(rejection(refused)));
        assertNothingStoredOrAudited();
        assertEquals("gpt-4o", service.create(allowed).assistantDefaults().modelName());
    }

    @Test
    void givenAnAssistantModelOtherThanTheUpstreamsAndNoAllowedModels_create_namesIt() {
        AssistantConfig other = AssistantConfig.of(Map.of("model", Map.of("provider", "openai", "model", "gpt-4o")));
        AssistantConfig same =
                AssistantConfig.of(Map.of("model", Map.of("provider", "openai", "model", "gpt-4o-mini")));
        CreateAgentCommand refused = new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                other,
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);
        CreateAgentCommand allowed = new CreateAgentCommand(
                "Front desk",
                "openai:gpt-4o-mini",
                Optional.empty(),
                Optional.empty(),
                same,
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);

        assertEquals(List.of("assistant.model.model"), fields(rejection(refused)));
        assertNothingStoredOrAudited();
        assertEquals("gpt-4o-mini", service.create(allowed).assistantDefaults().modelName());
    }

    @Test
    void givenAnAssistantFieldVapiDoesNotHaveAndABadName_create_reportsBothAsFieldsAndStoresNothing() {
        CreateAgentCommand command = new CreateAgentCommand(
                " ",
                "stub",
                Optional.empty(),
                Optional.empty(),
                AssistantConfig.of(Map.of("firstMesage", "Hello!")),
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID);

        DomainException rejection = rejection(command);

        assertEquals(ErrorCode.VALIDATION_FAILED, rejection.code());
        assertEquals(
                List.of(
                        new FieldProblem("name", "must not be blank"),
                        new FieldProblem(
                                "assistant.firstMesage",
                                "is not a field of Vapi's assistant; did you mean \"firstMessage\"?")),
                rejection.details());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenAnAssistantFieldOfTheWrongType_create_namesItWithTheTypeVapiTakes() {
        assertEquals(
                List.of(new FieldProblem("assistant.firstMessage", "must be a string")),
                rejection(new CreateAgentCommand(
                                "Front desk",
                                "stub",
                                Optional.empty(),
                                Optional.empty(),
                                AssistantConfig.of(Map.of("firstMessage", 42)),
                                Optional.empty(),
                                List.of(),
                                "admin",
                                REQUEST_ID))
                        .details());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenAMissingCallbackUrlAndSecret_create_reportsBoth() {
        assertEquals(
                List.of("config_callback.url", "config_callback.secret"),
                fields(rejection(withCallback(new CallbackFields(null, null, Optional.empty())))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, 4001})
    void givenACallbackTimeoutOutOfRange_create_reportsTheTimeoutField(long millis) {
        assertEquals(
                List.of("config_callback.timeout_ms"),
                fields(rejection(
                        withCallback(new CallbackFields("https://ops.example.com/cb", SECRET, Optional.of(millis))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic:claude-3", "openai:", "gpt-4o-mini", "", "STUB"})
    void givenAnUnknownUpstream_create_rejectsAsUnknownUpstream(String upstream) {
        DomainException thrown = rejection(command("Front desk", upstream));

        assertEquals(ErrorCode.UNKNOWN_UPSTREAM, thrown.code());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenAnUnknownUpstreamAndABadField_create_reportsTheFieldFirst() {
        DomainException thrown = rejection(command("", "anthropic:claude-3"));

        assertEquals(ErrorCode.VALIDATION_FAILED, thrown.code());
        assertEquals(List.of("name"), fields(thrown));
    }

    @Test
    void givenAnUnknownPolicy_create_rejectsAsUnknownPolicy() {
        DomainException thrown = rejection(new CreateAgentCommand(
                "Front desk",
                "stub",
                Optional.empty(),
                Optional.of("pediatrics"),
                ASSISTANT,
                Optional.empty(),
                List.of(),
                "admin",
                REQUEST_ID));

        assertEquals(ErrorCode.UNKNOWN_POLICY, thrown.code());
        assertNothingStoredOrAudited();
    }

    @Test
    void givenNoConfiguredDefaultPolicy_create_rejectsAnAgentRelyingOnItAsUnknownPolicy() {
        CreateAgentService withoutDefault = new CreateAgentService(
                agents, audit, new SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC), Set.of("dental"));

        DomainException thrown =
                assertThrows(DomainException.class, () -> withoutDefault.create(command("Front desk", "stub")));

        assertEquals(ErrorCode.UNKNOWN_POLICY, thrown.code());
    }

    @Test
    void givenANameTakenIgnoringCase_create_propagatesNameTakenAndAuditsNothingMore() {
        service.create(command("Front desk", "stub"));

        DomainException thrown = rejection(command("FRONT DESK", "stub"));

        assertEquals(ErrorCode.NAME_TAKEN, thrown.code());
        assertEquals(1, agents.all().size());
        assertEquals(1, audit.events().size());
    }
}
