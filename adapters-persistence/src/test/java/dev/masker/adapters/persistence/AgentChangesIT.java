package dev.masker.adapters.persistence;

import static dev.masker.testsupport.ports.AgentRepositoryContractTest.agent;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.newId;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ChangeAgentPort.ChangeOutcome;
import dev.masker.application.port.out.ListAgentsPort.Listing;
import dev.masker.application.port.out.ListAgentsPort.Position;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates, deletes, keyset listing and cross-instance cache invalidation of the agent store, on real PostgreSQL. */
class AgentChangesIT {
    private static final Duration TTL = Duration.ofMinutes(10);

    private TestPostgres.Schema schema;

    @BeforeEach
    void migrate() {
        schema = TestPostgres.freshSchema();
        AgentMigrations.migrate(schema.pool(), schema.name());
    }

    @AfterEach
    void drop() {
        schema.close();
    }

    @Test
    void givenLiveAgent_updateAndDelete_changeItOnceAndThenFindNothing() {
        JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        Agent agent = agent(newId(), uniqueName("Before"));
        agents.create(agent);
        AgentName renamed = uniqueName("After");

        ChangeOutcome updated = agents.update(agent.revised(renamed, agent.upstream(), agent.tokenization(),
                agent.policyName(), agent.assistantDefaults(), agent.configCallback()));
        ChangeOutcome deleted = agents.delete(agent.id(), Instant.now());
        ChangeOutcome deletedAgain = agents.delete(agent.id(), Instant.now());

        assertInstanceOf(ChangeOutcome.Changed.class, updated);
        assertInstanceOf(ChangeOutcome.Changed.class, deleted);
        assertInstanceOf(ChangeOutcome.NotFound.class, deletedAgain);
        assertTrue(agents.load(agent.id()).isEmpty());
        assertInstanceOf(ChangeOutcome.NotFound.class, agents.update(agent));
    }

    @Test
    void givenDeletedAgent_createWithItsName_succeeds() {
        JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        AgentName name = uniqueName("Reused");
        Agent first = agent(newId(), name);
        agents.create(first);
        agents.delete(first.id(), Instant.now());

        agents.create(agent(newId(), name));

        assertEquals(1, agents.list(new Listing(10, Optional.empty(), Optional.of(name.value()))).size());
    }

    @Test
    void givenRenameToATakenName_update_answersNameTaken() {
        JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        Agent taken = agent(newId(), uniqueName("Taken"));
        Agent other = agent(newId(), uniqueName("Other"));
        agents.create(taken);
        agents.create(other);

        DomainException e = assertThrows(DomainException.class, () -> agents.update(other.revised(
                new AgentName(taken.name().value().toUpperCase()), other.upstream(), other.tokenization(),
                other.policyName(), other.assistantDefaults(), other.configCallback())));

        assertEquals(ErrorCode.NAME_TAKEN, e.code());
    }

    @Test
    void givenPagesAndInsertsBetweenThem_list_neverSkipsOrRepeats() {
        JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        for (int i = 0; i < 7; i++) {
            agents.create(agent(newId(), uniqueName("Paged")));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        Optional<Position> after = Optional.empty();
        while (true) {
            List<Agent> page = agents.list(new Listing(3, after, Optional.empty()));
            page.forEach(agent -> {
                assertTrue(seen.add(agent.id().value()), "repeated " + agent.id());
                order.add(agent.id().value());
            });
            // Agents created while paging are newer than every cursor: they belong before page one.
            agents.create(agent(newId(), uniqueName("Inserted meanwhile")));
            if (page.size() < 3) {
                break;
            }
            Agent last = page.get(page.size() - 1);
            after = Optional.of(new Position(last.createdAt(), last.id()));
        }

        assertEquals(7, seen.size());
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, order, "same creation time: newest id first");
    }

    @Test
    void givenLikeWildcardsInTheSearch_list_matchesThemLiterally() {
        JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        agents.create(agent(newId(), new AgentName("Front desk 100% " + newId().value())));
        agents.create(agent(newId(), new AgentName("Front desk 1000 " + newId().value())));

        assertEquals(1, agents.list(new Listing(10, Optional.empty(), Optional.of("100%"))).size());
        assertEquals(2, agents.list(new Listing(10, Optional.empty(), Optional.of("FRONT DESK"))).size());
        assertEquals(0, agents.list(new Listing(10, Optional.empty(), Optional.of("desk_1"))).size());
    }

    @Test
    void givenTwoInstances_deleteOnOne_reachesTheOthersCacheWithinASecond() throws Exception {
        JdbcAgentAdapter first = new JdbcAgentAdapter(schema.db(), TTL, System::nanoTime);
        JdbcAgentAdapter second = new JdbcAgentAdapter(schema.db(), TTL, System::nanoTime);
        try (AgentChangeListener firstListens = new AgentChangeListener(first, schema::connect);
             AgentChangeListener secondListens = new AgentChangeListener(second, schema::connect)) {
            Agent agent = agent(newId(), uniqueName("Shared"));
            first.create(agent);
            awaitTrusted(second, agent);

            first.delete(agent.id(), Instant.now());

            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (second.load(agent.id()).isPresent()) {
                assertTrue(System.nanoTime() < deadline, "the other instance still serves the deleted agent");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void givenNoListener_load_readsTheDatabaseEveryTime() throws Exception {
        JdbcAgentAdapter untrusted = new JdbcAgentAdapter(schema.db(), TTL, System::nanoTime);
        JdbcAgentAdapter writer = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
        Agent agent = agent(newId(), uniqueName("Uncached"));
        writer.create(agent);
        assertTrue(untrusted.load(agent.id()).isPresent());

        writer.delete(agent.id(), Instant.now());

        assertTrue(untrusted.load(agent.id()).isEmpty());
    }

    /** Waits until the listener listens, then loads the agent into the cache. */
    private static void awaitTrusted(JdbcAgentAdapter adapter, Agent agent) throws InterruptedException {
        Thread.sleep(300);
        assertTrue(adapter.load(agent.id()).isPresent());
    }
}
