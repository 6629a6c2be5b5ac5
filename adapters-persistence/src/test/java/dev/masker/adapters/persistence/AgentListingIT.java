package dev.masker.adapters.persistence;

import dev.masker.application.port.out.ChangeAgentPort;
import dev.masker.application.port.out.ListAgentsPort;
import dev.masker.application.port.out.SaveAgentPort;
import dev.masker.testsupport.ports.ListAgentsContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The agent list contract, held by {@link JdbcAgentAdapter} on a real PostgreSQL: a fresh schema for every test. */
class AgentListingIT extends ListAgentsContractTest {
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
    protected ListAgentsPort listPort() {
        return agents();
    }

    @Override
    protected SaveAgentPort savePort() {
        return agents();
    }

    @Override
    protected ChangeAgentPort changePort() {
        return agents();
    }
}
