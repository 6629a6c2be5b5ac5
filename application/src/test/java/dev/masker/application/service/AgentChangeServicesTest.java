package dev.masker.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.in.AgentPage;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.DeleteAgentCommand;
import dev.masker.application.port.in.ListAgentsQuery;
import dev.masker.application.port.in.UpdateAgentCommand;
import dev.masker.application.port.in.UpdateAgentCommand.CallbackChange;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.audit.AuditEventType;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.page.PageCursors;
import dev.masker.testsupport.ports.InMemoryAgents;
import dev.masker.testsupport.ports.InMemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Update, delete and list: the checks, the audit events and the cursor. */
class AgentChangeServicesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:30:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RequestId REQUEST_ID = new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1R"));
    private static final PageCursors CURSORS = new PageCursors(new byte[32]);

    private final SequentialIds ids = new SequentialIds();
    private final InMemoryAgents agents = new InMemoryAgents();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    private Agent agent(String name, Instant created) {
        Agent agent = Agent.create(
                new AgentId(ids.next()),
                new AgentName(name),
                Upstream.parse("stub").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.of(Map.of("firstMessage", "Hi")),
                Optional.empty(),
                created);
        agents.with(agent);
        return agent;
    }

    private UpdateAgentCommand patch(
            Agent agent, Optional<String> name, Optional<String> upstream, CallbackChange callback) {
        return new UpdateAgentCommand(
                agent.id().value(),
                name,
                upstream,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                callback,
                List.of(),
                "admin-token:abcd1234",
                REQUEST_ID);
    }

    private UpdateAgentService updates() {
        return new UpdateAgentService(agents, agents, audit, ids, CLOCK, Set.of(Agent.DEFAULT_POLICY));
    }

    @Test
    void givenOnlyAnUpstream_update_changesItAndRecordsWhichField() {
        Agent agent = agent("Front desk", NOW);

        Agent updated = updates()
                .update(patch(agent, Optional.empty(), Optional.of("openai:gpt-4o"), new CallbackChange.Keep()));

        assertEquals("openai:gpt-4o", updated.upstream().value());
        assertEquals("Front desk", updated.name().value());
        assertEquals(updated.upstream(), agents.load(agent.id()).orElseThrow().upstream());
        assertEquals(AuditEventType.AGENT_UPDATED, audit.events().get(0).type());
        assertEquals("upstream", audit.events().get(0).data().get("fields"));
    }

    @Test
    void givenBadNameAndBadCallback_update_reportsBothAndChangesNothing() {
        Agent agent = agent("Intake", NOW);

        DomainException e = assertThrows(
                DomainException.class,
                () -> updates()
                        .update(patch(
                                agent,
                                Optional.of(" "),
                                Optional.empty(),
                                new CallbackChange.Replace(new CallbackFields("ftp://x", "short", Optional.empty())))));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                List.of("name", "config_callback.url", "config_callback.secret"),
                e.details().stream().map(problem -> problem.field()).toList());
        assertEquals("Intake", agents.load(agent.id()).orElseThrow().name().value());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void givenAnAssistantWithAFieldVapiDoesNotHave_update_namesItAndChangesNothing() {
        Agent agent = agent("Intake", NOW);
        UpdateAgentCommand command = new UpdateAgentCommand(
                agent.id().value(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(AssistantConfig.of(Map.of("firstMesage", "Hello"))),
                new CallbackChange.Keep(),
                List.of(),
                "admin-token:abcd1234",
                REQUEST_ID);

        DomainException e = assertThrows(DomainException.class, () -> updates().update(command));

        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(
                List.of(new FieldProblem(
                        "assistant.firstMesage", "is not a field of Vapi's assistant; did you mean \"firstMessage\"?")),
                e.details());
        assertEquals(
                agent.assistantDefaults(), agents.load(agent.id()).orElseThrow().assistantDefaults());
        assertTrue(audit.events().isEmpty());
    }

    @Test
    void givenAStoredAssistantVapiWouldRefuse_anUpdateOfAnotherField_succeedsWithoutCheckingItAgain() {
        Agent old = Agent.create(
                new AgentId(ids.next()),
                new AgentName("Old row"),
                Upstream.parse("stub").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.of(Map.of("silenceTimeoutSeconds", 30)),
                Optional.empty(),
                NOW);
        agents.with(old);

        Agent updated =
                updates().update(patch(old, Optional.of("Renamed"), Optional.empty(), new CallbackChange.Keep()));

        assertEquals("Renamed", updated.name().value());
        assertEquals(old.assistantDefaults(), updated.assistantDefaults());
    }

    @Test
    void givenUnknownOrMalformedId_updateAndDelete_answerAgentNotFound() {
        Agent ghost = Agent.create(
                new AgentId(ids.next()),
                new AgentName("Ghost"),
                Upstream.parse("stub").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.empty(),
                Optional.empty(),
                NOW);
        DeleteAgentService deletes = new DeleteAgentService(agents, audit, ids, CLOCK);

        assertEquals(
                ErrorCode.AGENT_NOT_FOUND,
                assertThrows(
                                DomainException.class,
                                () -> updates()
                                        .update(patch(
                                                ghost, Optional.of("x"), Optional.empty(), new CallbackChange.Keep())))
                        .code());
        assertEquals(
                ErrorCode.AGENT_NOT_FOUND,
                assertThrows(
                                DomainException.class,
                                () -> deletes.delete(
                                        new DeleteAgentCommand("agt_bad", "admin-token:abcd1234", REQUEST_ID)))
                        .code());
        assertTrue(agents.all().isEmpty(), "nothing was stored");
        assertTrue(audit.events().isEmpty(), "nothing was audited");
    }

    @Test
    void givenLiveAgent_delete_removesItOnceAndRecordsWho() {
        Agent agent = agent("Billing", NOW);
        DeleteAgentService deletes = new DeleteAgentService(agents, audit, ids, CLOCK);

        deletes.delete(new DeleteAgentCommand(agent.id().value(), "admin-token:abcd1234", REQUEST_ID));

        assertTrue(agents.load(agent.id()).isEmpty());
        assertEquals(AuditEventType.AGENT_DELETED, audit.events().get(0).type());
        assertEquals("admin-token:abcd1234", audit.events().get(0).data().get("principal"));
        assertThrows(
                DomainException.class,
                () -> deletes.delete(new DeleteAgentCommand(agent.id().value(), "admin-token:abcd1234", REQUEST_ID)));
    }

    @Test
    void givenFiveAgents_listInPagesOfTwo_returnsEachOnceNewestFirst() {
        List<AgentId> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, agent("Agent " + i, NOW.plusSeconds(i)).id());
        }
        ListAgentsService lists = new ListAgentsService(agents, CURSORS);

        List<AgentId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            AgentPage page = lists.list(new ListAgentsQuery(Optional.of("2"), cursor, Optional.empty()));
            page.agents().forEach(agent -> seen.add(agent.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(created, seen);
    }

    @Test
    void givenOutOfRangeLimitAndForeignCursor_list_reportsBothFields() {
        ListAgentsService lists = new ListAgentsService(agents, CURSORS);
        byte[] otherKey = new byte[32];
        java.util.Arrays.fill(otherKey, (byte) 7);
        String foreign = new PageCursors(otherKey).encode("agents:1:0:agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1R");

        DomainException e = assertThrows(
                DomainException.class,
                () -> lists.list(new ListAgentsQuery(Optional.of("0"), Optional.of(foreign), Optional.empty())));

        assertEquals(
                List.of("limit", "cursor"),
                e.details().stream().map(problem -> problem.field()).toList());
    }
}
