package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The agent store's Flyway migrations on a real PostgreSQL. */
class AgentMigrationsIT {

    @Test
    void givenMigratedSchemaWithAgent_migrateAgain_changesNothingAndKeepsTheAgent() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            AgentMigrations.migrate(schema.pool(), schema.name());
            JdbcAgentAdapter agents = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime);
            Agent agent = AgentRepositoryContractTest.agent(
                    AgentRepositoryContractTest.newId(), AgentRepositoryContractTest.uniqueName("Survivor"));
            agents.create(agent);

            String applied =
                    "SELECT count(*) FROM masker_agent_schema_history WHERE version IS NOT NULL AND type = 'SQL'";
            long scripts = count(schema, applied);

            AgentMigrations.migrate(schema.pool(), schema.name());

            assertEquals(
                    1,
                    count(schema, "SELECT count(*) FROM masker_agent_schema_history WHERE version = '1' AND success"));
            assertEquals(scripts, count(schema, applied), "scripts applied by the second run");
            assertEquals(agent.id(), agents.load(agent.id()).orElseThrow().id());
        }
    }

    @Test
    void givenSchemaAlreadyInUse_migrate_stillCreatesTheAgentTable() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            // As when the audit log migrated this schema first: it exists and holds someone else's tables.
            try (Connection connection = TestPostgres.server().connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema.name());
                statement.execute("CREATE TABLE " + schema.name() + ".someone_elses (id int)");
            }

            AgentMigrations.migrate(schema.pool(), schema.name());

            assertEquals(
                    1,
                    count(
                            schema,
                            "SELECT count(*) FROM information_schema.tables"
                                    + " WHERE table_schema = current_schema() AND table_name = 'agent'"));
            assertEquals(
                    1,
                    count(schema, "SELECT count(*) FROM masker_agent_schema_history WHERE version = '1' AND success"),
                    "V1 is applied, not skipped under a baseline");
            assertEquals(
                    1,
                    count(
                            schema,
                            "SELECT count(*) FROM information_schema.tables"
                                    + " WHERE table_schema = current_schema() AND table_name = 'admin_session'"));
        }
    }

    @Test
    void givenModulePath_migrate_findsTheScriptsInTheOpenedPackage() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            AgentMigrations.migrate(schema.pool(), schema.name());

            // On the class path a missing `opens` would go unnoticed: these tests must run inside the named module.
            assertEquals(
                    "dev.masker.adapters.persistence",
                    AgentMigrations.class.getModule().getName());
            assertEquals(AgentMigrations.class.getModule(), getClass().getModule());
            assertEquals(
                    1,
                    count(
                            schema,
                            "SELECT count(*) FROM information_schema.tables"
                                    + " WHERE table_schema = current_schema() AND table_name = 'agent'"));
        }
    }

    @Test
    void givenAnAgentStoredBeforeV6_migrate_givesItAProxyKeyAndNoExtraModels() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            migrateUpTo(schema, "5");
            AgentId id = AgentRepositoryContractTest.newId();
            try (Connection connection = schema.connect();
                    PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO agent (id, name, upstream, tokenization, policy_name, assistant, created_at, updated_at)
                    VALUES (?, 'Before proxies', 'openai:gpt-4o', 'vault-deterministic', 'healthcare-default', '{}',
                            now(), now())""")) {
                insert.setString(1, id.value());
                assertEquals(1, insert.executeUpdate());
            }

            AgentMigrations.migrate(schema.pool(), schema.name());

            try (Connection connection = schema.connect();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT proxy_key, CAST(allowed_models AS text) FROM agent WHERE id = ?")) {
                query.setString(1, id.value());
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next());
                    assertTrue(row.getString(1).matches("mpk_[0-9a-f]{64}"), "a proxy key of the right shape");
                    assertEquals("[]", row.getString(2));
                }
            }
            Agent loaded = new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime)
                    .load(id)
                    .orElseThrow();
            assertTrue(loaded.proxyAccess().key().isPresent());
            assertEquals(List.of(), loaded.proxyAccess().allowedModels());
        }
    }

    @Test
    void givenTwoAgentsStoredBeforeV6_migrate_givesThemDifferentKeys() throws SQLException {
        try (TestPostgres.Schema schema = TestPostgres.freshSchema()) {
            migrateUpTo(schema, "5");
            try (Connection connection = schema.connect();
                    PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO agent (id, name, upstream, tokenization, policy_name, assistant, created_at, updated_at)
                    VALUES (?, ?, 'stub', 'vault-deterministic', 'healthcare-default', '{}', now(), now())""")) {
                for (String name : List.of("First", "Second")) {
                    insert.setString(1, AgentRepositoryContractTest.newId().value());
                    insert.setString(2, name);
                    assertEquals(1, insert.executeUpdate());
                }
            }

            AgentMigrations.migrate(schema.pool(), schema.name());

            assertEquals(2, count(schema, "SELECT count(DISTINCT proxy_key) FROM agent"));
        }
    }

    /** The agent store's migrations as {@link AgentMigrations} runs them, but only up to the given version. */
    private static void migrateUpTo(TestPostgres.Schema schema, String version) {
        Flyway.configure(AgentMigrations.class.getClassLoader())
                .dataSource(schema.pool())
                .schemas(schema.name())
                .defaultSchema(schema.name())
                .table("masker_agent_schema_history")
                .locations("classpath:dev/masker/adapters/persistence/migration")
                .target(version)
                .load()
                .migrate();
    }

    private static long count(TestPostgres.Schema schema, String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
