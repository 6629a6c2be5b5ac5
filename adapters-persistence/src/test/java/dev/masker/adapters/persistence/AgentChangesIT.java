package dev.masker.adapters.persistence;

import static dev.masker.testsupport.ports.AgentRepositoryContractTest.agent;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.newId;
import static dev.masker.testsupport.ports.AgentRepositoryContractTest.uniqueName;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.LoadAgentPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.domain.agent.Agent;
import dev.masker.testsupport.ports.ChangeAgentContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the agent repository's changing side, held by {@link JdbcAgentAdapter} on a real PostgreSQL, and the
 * invalidation of other instances' caches that a change sends. A fresh schema for every test.
 */
class AgentChangesIT extends ChangeAgentContractTest {
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

    private JdbcAgentAdapter agents() {
        return new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
    }

    @Override
    protected ChangeAgentPort changePort() {
        return agents();
    }

    @Override
    protected LoadAgentPort loadPort() {
        return agents();
    }

    @Override
    protected SaveAgentPort savePort() {
        return agents();
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
