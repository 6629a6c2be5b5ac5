package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.audit.ChainVerification;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log's Flyway migrations on a real PostgreSQL: they can run again and leave the chain as it was. */
class AuditMigrationsIT {
    private TestPostgres.Schema schema;

    @BeforeEach
    void freshSchema() {
        schema = TestPostgres.freshSchema();
    }

    private void migrateWithThreeEvents() {
        AuditMigrations.migrate(schema.pool(), schema.name());
        try (ChainedAuditAdapter audit =
                new ChainedAuditAdapter(schema.db(), 10, 10, Duration.ofSeconds(10), size -> {})) {
            for (int i = 0; i < 3; i++) {
                audit.append(SampleEvents.agentCreated());
            }
        }
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Test
    void givenMigratedSchemaWithEvents_migrateAgain_changesNothingAndKeepsTheChain() throws SQLException {
        migrateWithThreeEvents();
        String headBefore = text("SELECT seq || ':' || hash FROM audit_chain_head");

        AuditMigrations.migrate(schema.pool(), schema.name());

        assertEquals(
                0,
                count("SELECT count(*) FROM (SELECT version FROM masker_audit_schema_history"
                        + " WHERE type = 'SQL' GROUP BY version HAVING count(*) > 1) applied_twice"));
        assertEquals(1, count("SELECT count(*) FROM masker_audit_schema_history WHERE version = '1' AND success"));
        assertEquals(1, count("SELECT count(*) FROM audit_chain_head"));
        assertEquals(headBefore, text("SELECT seq || ':' || hash FROM audit_chain_head"));
        assertEquals(3, count("SELECT count(*) FROM audit_event"));
        ChainVerification.Intact intact =
                assertInstanceOf(ChainVerification.Intact.class, new AuditChainVerifierAdapter(schema.db()).verify());
        assertEquals(3, intact.events());
    }

    @Test
    void givenModulePath_migrate_findsTheScriptsInTheOpenedPackage() throws SQLException {
        migrateWithThreeEvents();

        // On the class path a missing `opens` would go unnoticed: these tests must run inside the named module.
        assertEquals(
                "dev.masker.adapters.audit", AuditMigrations.class.getModule().getName());
        assertEquals(AuditMigrations.class.getModule(), getClass().getModule());
        assertEquals(
                2,
                count("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name IN ('audit_event', 'audit_chain_head')"));
    }

    @Test
    void givenSchemaAlreadyInUse_migrate_stillCreatesTheAuditTables() throws SQLException {
        // As when the agent store migrated this schema first: it exists and holds someone else's tables.
        try (Connection connection = TestPostgres.server().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema.name());
            statement.execute("CREATE TABLE " + schema.name() + ".someone_elses (id int)");
        }

        migrateWithThreeEvents();

        assertEquals(
                1,
                count("SELECT count(*) FROM masker_audit_schema_history WHERE version = '1' AND success"),
                "V1 is applied, not skipped under a baseline");
        assertEquals(3, count("SELECT count(*) FROM audit_event"));
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }
}
