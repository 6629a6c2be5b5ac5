package dev.masker.testsupport.ports;

import static dev.masker.testsupport.ports.AgentRepositoryContractTest.CREATED_AT;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.agent;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.newId;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ListAgentsPort;
import dev.masker.application.port.out.ListAgentsPort.Listing;
import dev.masker.application.port.out.ListAgentsPort.Position;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.agent.AgentName;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.agent.Upstream;
import dev.masker.domain.assistant.AssistantConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of the agent list ({@link ListAgentsPort}): live agents, newest first, by keyset pages, run against the
 * in-memory fake the service tests use ({@link InMemoryAgents}) and the PostgreSQL adapter alike. Unlike the other agent
 * contracts, every test starts from an empty store of its own, since a list shows everything stored.
 */
public abstract class ListAgentsContractTest {
    /** The list of the store under test; every test gets a store of its own, empty. */
    protected abstract ListAgentsPort listPort();

    /** The writing side of the same store. */
    protected abstract SaveAgentPort savePort();

    /** The changing side of the same store. */
    protected abstract ChangeAgentPort changePort();

    private static Listing all(int limit) {
        return new Listing(limit, Optional.empty(), Optional.empty());
    }

    private static Listing named(String text) {
        return new Listing(10, Optional.empty(), Optional.of(text));
    }

    private static List<AgentId> ids(List<Agent> agents) {
        return agents.stream().map(Agent::id).toList();
    }

    @Test
    void givenPagesAndInsertsBetweenThem_list_neverSkipsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            savePort().create(agent(newId(), uniqueName("Paged")));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        Optional<Position> after = Optional.empty();
        while (true) {
            List<Agent> page = listPort().list(new Listing(3, after, Optional.empty()));
            page.forEach(agent -> {
                assertTrue(seen.add(agent.id().value()), "repeated " + agent.id());
                order.add(agent.id().value());
            });
            // Agents created while paging are newer than every cursor: they belong before page one.
            savePort().create(agent(newId(), uniqueName("Inserted meanwhile")));
            if (page.size() < 3) {
                break;
            }
            Agent last = page.get(page.size() - 1);
            after = Optional.of(new Position(last.createdAt(), last.id()));
        }

        assertEquals(7, seen.size());
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, order, "same creation time: newest id first");
    }

    @Test
    void givenAgentsCreatedAtDifferentTimes_list_putsTheNewestFirstWhateverTheirIds() {
        AgentId smallerId = newId();
        AgentId largerId = newId();
        Agent older = createdAt(largerId, CREATED_AT);
        Agent newer = createdAt(smallerId, CREATED_AT.plus(Duration.ofMinutes(1)));
        savePort().create(older);
        savePort().create(newer);

        assertEquals(List.of(newer.id(), older.id()), ids(listPort().list(all(10))));
        assertEquals(
                List.of(older.id()),
                ids(listPort()
                        .list(new Listing(
                                10, Optional.of(new Position(newer.createdAt(), newer.id())), Optional.empty()))));
    }

    @Test
    void givenMoreAgentsThanTheLimit_list_givesTheNewestUpToTheLimit() {
        List<AgentId> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Agent agent = agent(newId(), uniqueName("Limited"));
            savePort().create(agent);
            created.add(agent.id());
        }

        assertEquals(List.of(created.get(3), created.get(2)), ids(listPort().list(all(2))));
    }

    @Test
    void givenLikeWildcardsInTheSearch_list_matchesThemLiterally() {
        savePort().create(agent(newId(), new AgentName("Front desk 100% " + newId().value())));
        savePort().create(agent(newId(), new AgentName("Front desk 1000 " + newId().value())));

        assertEquals(
                1,
                listPort()
                        .list(new Listing(10, Optional.empty(), Optional.of("100%")))
                        .size());
        assertEquals(
                2,
                listPort()
                        .list(new Listing(10, Optional.empty(), Optional.of("FRONT DESK")))
                        .size());
        assertEquals(
                0,
                listPort()
                        .list(new Listing(10, Optional.empty(), Optional.of("desk_1")))
                        .size());
    }

    @Test
    void givenADeletedAgent_list_leavesItOut() {
        Agent kept = agent(newId(), uniqueName("Kept"));
        Agent deleted = agent(newId(), uniqueName("Deleted"));
        savePort().create(kept);
        savePort().create(deleted);

        changePort().delete(deleted.id(), Instant.now());

        assertEquals(List.of(kept.id()), ids(listPort().list(all(10))));
    }

    @Test
    void givenDeletedAgent_createWithItsName_succeeds() {
        AgentName name = uniqueName("Reused");
        Agent first = agent(newId(), name);
        savePort().create(first);
        changePort().delete(first.id(), Instant.now());

        savePort().create(agent(newId(), name));

        assertEquals(1, listPort().list(named(name.value())).size());
    }

    private static Agent createdAt(AgentId id, Instant at) {
        return Agent.create(
                id,
                uniqueName("Timed"),
                Upstream.parse("stub").orElseThrow(),
                Tokenization.VAULT_DETERMINISTIC,
                Agent.DEFAULT_POLICY,
                AssistantConfig.empty(),
                Optional.empty(),
                at);
    }
}
