package dev.masker.testsupport.ports;

import static dev.masker.testsupport.ports.AgentRepositoryContractTest.agent;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.newId;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ChangeAgentPort.ChangeOutcome;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract of the agent repository's changing side ({@link ChangeAgentPort}), seen through its reading and writing
 * sides, run against the in-memory fake the service tests use ({@link InMemoryAgents}) and the PostgreSQL adapter
 * alike. Every test makes agents with new ids and names: the store is never emptied.
 */
public abstract class ChangeAgentContractTest {
    /** The changing side of the store under test. */
    protected abstract ChangeAgentPort changePort();

    /** The reading side of the same store. */
    protected abstract LoadAgentPort loadPort();

    /** The writing side of the same store. */
    protected abstract SaveAgentPort savePort();

    @Test
    void givenLiveAgent_updateAndDelete_changeItOnceAndThenFindNothing() {
        Agent agent = agent(newId(), uniqueName("Before"));
        savePort().create(agent);
        AgentName renamed = uniqueName("After");

        ChangeOutcome updated = changePort()
                .update(agent.revised(
                        renamed,
                        agent.upstream(),
                        agent.tokenization(),
                        agent.policyName(),
                        agent.assistantDefaults(),
                        agent.configCallback()));
        ChangeOutcome deleted = changePort().delete(agent.id(), Instant.now());
        ChangeOutcome deletedAgain = changePort().delete(agent.id(), Instant.now());

        assertInstanceOf(ChangeOutcome.Changed.class, updated);
        assertInstanceOf(ChangeOutcome.Changed.class, deleted);
        assertInstanceOf(ChangeOutcome.NotFound.class, deletedAgain);
        assertTrue(loadPort().load(agent.id()).isEmpty());
        assertInstanceOf(ChangeOutcome.NotFound.class, changePort().update(agent));
    }

    @Test
    void givenLiveAgent_update_storesItsNewSettings() {
        Agent agent = agent(newId(), uniqueName("Revised"));
        savePort().create(agent);
        AgentName renamed = uniqueName("Renamed");
        Upstream upstream = Upstream.parse("stub").orElseThrow();

        changePort()
                .update(agent.revised(
                        renamed,
                        upstream,
                        agent.tokenization(),
                        "cardiology-strict",
                        agent.assistantDefaults(),
                        agent.configCallback()));

        Agent loaded =
                loadPort().load(agent.id()).orElseThrow(() -> new AssertionError("the updated agent is not found"));
        assertEquals(renamed, loaded.name());
        assertEquals(upstream, loaded.upstream());
        assertEquals("cardiology-strict", loaded.policyName());
        assertEquals(agent.createdAt(), loaded.createdAt());
    }

    @Test
    void givenUnknownId_updateAndDelete_findNothing() {
        Agent unknown = agent(newId(), uniqueName("Never stored"));

        assertInstanceOf(ChangeOutcome.NotFound.class, changePort().update(unknown));
        assertInstanceOf(ChangeOutcome.NotFound.class, changePort().delete(unknown.id(), Instant.now()));
        assertTrue(loadPort().load(unknown.id()).isEmpty());
    }

    @Test
    void givenRenameToATakenName_update_answersNameTaken() {
        Agent taken = agent(newId(), uniqueName("Taken"));
        Agent other = agent(newId(), uniqueName("Other"));
        savePort().create(taken);
        savePort().create(other);

        DomainException e = assertThrows(
                DomainException.class,
                () -> changePort()
                        .update(other.revised(
                                new AgentName(taken.name().value().toUpperCase(Locale.ROOT)),
                                other.upstream(),
                                other.tokenization(),
                                other.policyName(),
                                other.assistantDefaults(),
                                other.configCallback())));

        assertEquals(ErrorCode.NAME_TAKEN, e.code());
    }

    @Test
    void givenRenameToItsOwnNameInOtherCase_update_isChanged() {
        Agent agent = agent(newId(), uniqueName("Own name"));
        savePort().create(agent);
        AgentName shouted = new AgentName(agent.name().value().toUpperCase(Locale.ROOT));

        ChangeOutcome updated = changePort()
                .update(agent.revised(
                        shouted,
                        agent.upstream(),
                        agent.tokenization(),
                        agent.policyName(),
                        agent.assistantDefaults(),
                        agent.configCallback()));

        assertInstanceOf(ChangeOutcome.Changed.class, updated);
        assertEquals(shouted, loadPort().load(agent.id()).orElseThrow().name());
    }
}
