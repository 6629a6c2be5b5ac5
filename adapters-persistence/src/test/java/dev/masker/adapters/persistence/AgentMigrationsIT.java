package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.agent.Agent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The agent store's Flyway migrations on a real PostgreSQL. */
class AgentMigrationsIT {

    @Test
    void givenMigratedSchemaWithAgent_migrateAgain_changesNothingAndKeepsTheAgent() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            AgentMigrations.migrate(schema.pool(), schema.name());
            JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
            Agent agent = AgentRepositoryContractTest.agent(AgentRepositoryContractTest.newId(),
                    AgentRepositoryContractTest.uniqueName("Survivor"));
            agents.create(agent);

            String applied = "SELECT count(*) FROM masker_agent_schema_history WHERE version IS NOT NULL AND type = 'SQL'";
            long scripts = count(schema, applied);

            AgentMigrations.migrate(schema.pool(), schema.name());

            assertEquals(1, count(schema, "SELECT count(*) FROM masker_agent_schema_history WHERE version = '1' AND success"));
            assertEquals(scripts, count(schema, applied), "scripts applied by the second run");
            assertEquals(agent.id(), agents.load(agent.id()).orElseThrow().id());
        }
    }

    @Test
    void givenSchemaAlreadyInUse_migrate_stillCreatesTheAgentTable() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            // As when the audit log migrated this schema first: it exists and holds someone else's tables.
            try (Connection connection = TestPostgres.server().connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema.name());
                statement.execute("CREATE TABLE " + schema.name() + ".someone_elses (id int)");
            }

            AgentMigrations.migrate(schema.pool(), schema.name());

            assertEquals(1, count(schema, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name = 'agent'"));
            assertEquals(1, count(schema, "SELECT count(*) FROM masker_agent_schema_history WHERE version = '1' AND success"),
                    "V1 is applied, not skipped under a baseline");
            assertEquals(1, count(schema, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name = 'admin_session'"));
        }
    }

    @Test
    void givenModulePath_migrate_findsTheScriptsInTheOpenedPackage() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            AgentMigrations.migrate(schema.pool(), schema.name());

            // On the class path a missing `opens` would go unnoticed: these tests must run inside the named module.
            assertEquals("dev.masker.adapters.persistence", AgentMigrations.class.getModule().getName());
            assertEquals(AgentMigrations.class.getModule(), getClass().getModule());
            assertEquals(1, count(schema, "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name = 'agent'"));
        }
    }

    private static long count(TestPostgres.Schema schema, String sql) throws SQLException {
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
