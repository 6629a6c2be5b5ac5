package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database itself keeps the audit log append-only: its triggers refuse every rewrite, even by a superuser. The
 * tests share one schema with three events; each checks that its refused statement left them as they were.
 */
class AuditLogAppendOnlyIT {
    // PostgreSQL's insufficient_privilege, which the schema's triggers raise.
    private static final String REFUSED = "42501";
    private static final String EVERY_ROW =
            "SELECT string_agg(seq || body || coalesce(agent_id, '-'), ',' ORDER BY seq) FROM audit_event";

    private static TestPostgres.Schema schema;
    private static String rowsAsAppended;

    @BeforeAll
    static void migrateFreshSchemaWithThreeEvents() throws SQLException {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
        try (ChainedAuditAdapter audit =
                new ChainedAuditAdapter(schema.db(), 10, 10, Duration.ofSeconds(10), size -> {})) {
            for (int i = 0; i < 3; i++) {
                audit.append(SampleEvents.agentCreated());
            }
        }
        rowsAsAppended = text(EVERY_ROW);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE audit_event SET body = body || ' ' WHERE seq = 2",
                "UPDATE audit_event SET agent_id = NULL",
                "DELETE FROM audit_event WHERE seq = 3",
                "DELETE FROM audit_event",
                "TRUNCATE audit_event"
            })
    void givenAppendedEvents_rewriteOrRemoveThem_isRefusedByTheDatabase(String rewrite) throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> execute(rewrite));

        assertEquals(REFUSED, refused.getSQLState(), refused.getMessage());
        assertEquals(rowsAsAppended, text(EVERY_ROW));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UPDATE audit_chain_head SET seq = seq - 1",
                "UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64)",
                "UPDATE audit_chain_head SET hash = repeat('f', 64)",
                "DELETE FROM audit_chain_head",
                "TRUNCATE audit_chain_head"
            })
    void givenChainHead_moveItBackOrRemoveIt_isRefusedByTheDatabase(String rewrite) throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> execute(rewrite));

        assertEquals(REFUSED, refused.getSQLState(), refused.getMessage());
        assertEquals("3", text("SELECT seq::text FROM audit_chain_head"));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }
}
