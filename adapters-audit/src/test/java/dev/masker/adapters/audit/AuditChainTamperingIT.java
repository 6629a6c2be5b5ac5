package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attacker who owns the database turns the append-only triggers off ({@code ALTER TABLE ... DISABLE TRIGGER}, as
 * the table's owner may) and edits, deletes, swaps or renumbers events; the verifier names the first event each
 * change breaks, with the head the database claims. Each test has a schema, so a chain, of its own.
 */
class AuditChainTamperingIT {
    private static final int EVENTS = 6;

    private TestPostgres.Schema schema;
    private AuditChainVerifierAdapter verifier;
    private ChainPosition head;

    @BeforeEach
    void appendSixEvents() throws SQLException {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
        verifier = new AuditChainVerifierAdapter(schema.db());
        try (ChainedAuditAdapter audit =
                new ChainedAuditAdapter(schema.db(), 10, 10, Duration.ofSeconds(10), size -> {})) {
            for (int i = 0; i < EVENTS; i++) {
                audit.append(SampleEvents.agentCreated());
            }
        }
        head = new ChainPosition(EVENTS, text("SELECT hash FROM audit_chain_head"));
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    @Test
    void givenTriggersOn_anEdit_isRefusedByTheDatabase() {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection connection = schema.connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE audit_event SET body = body || ' ' WHERE seq = 3");
            }
        });

        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        assertEquals(new ChainVerification.Intact(EVENTS, head), verifier.verify());
    }

    @Test
    void givenABodyEditedWithTriggersOff_verify_breaksAtThatEvent() throws SQLException {
        assertEquals(
                1, tamper("UPDATE audit_event SET body = replace(body, 'ops-admin', 'someone-else') WHERE seq = 3"));

        assertEquals(
                new ChainVerification.Broken(3, "the body does not hash to the stored hash", 2, Optional.of(head)),
                verifier.verify());
    }

    @Test
    void givenARowDeletedWithTriggersOff_verify_breaksWhereItWas() throws SQLException {
        assertEquals(1, tamper("DELETE FROM audit_event WHERE seq = 4"));

        assertEquals(
                new ChainVerification.Broken(4, "event 4 is missing: event 5 follows event 3", 3, Optional.of(head)),
                verifier.verify());
    }

    @Test
    void givenTwoRowsSwappedWithTriggersOff_verify_breaksAtTheFirstOfThem() throws SQLException {
        // Three steps, as the primary key is checked row by row: 2 -> 1000, 5 -> 2, 1000 -> 5.
        assertEquals(
                3,
                tamper(
                        "UPDATE audit_event SET seq = 1000 WHERE seq = 2",
                        "UPDATE audit_event SET seq = 2 WHERE seq = 5",
                        "UPDATE audit_event SET seq = 5 WHERE seq = 1000"));

        assertEquals(
                new ChainVerification.Broken(2, "prev_hash is not the previous event's hash", 1, Optional.of(head)),
                verifier.verify());
    }

    @Test
    void givenTwoRowsContentsSwappedButTheirSeqKept_verify_breaksAtTheFirstOfThem() throws SQLException {
        // Everything but seq moves: each row now claims the other's place in the chain.
        assertEquals(2, tamper("""
                UPDATE audit_event a SET event_id = b.event_id || '-', type = b.type, agent_id = b.agent_id,
                    occurred_at = b.occurred_at, body = b.body, prev_hash = b.prev_hash, hash = b.hash
                FROM audit_event b WHERE (a.seq, b.seq) IN ((3, 4), (4, 3))
                """));

        ChainVerification.Broken broken = assertInstanceOf(ChainVerification.Broken.class, verifier.verify());

        assertEquals(3, broken.atSequence());
        assertEquals("prev_hash is not the previous event's hash", broken.problem());
    }

    @Test
    void givenARowDeletedAndTheRestRenumbered_verify_breaksWhereItWas() throws SQLException {
        // Renumbered through 1000 and up, as the primary key is checked row by row.
        tamper(
                "DELETE FROM audit_event WHERE seq = 2",
                "UPDATE audit_event SET seq = seq + 1000 WHERE seq > 2",
                "UPDATE audit_event SET seq = seq - 1001 WHERE seq > 1000",
                "UPDATE audit_chain_head SET seq = seq - 1");

        ChainVerification.Broken broken = assertInstanceOf(ChainVerification.Broken.class, verifier.verify());

        assertEquals(2, broken.atSequence());
        assertEquals("prev_hash is not the previous event's hash", broken.problem());
        assertEquals(1, broken.eventsChecked());
    }

    @Test
    void givenTheNewestEventDeletedAndTheHeadLeft_verify_breaksAtTheHead() throws SQLException {
        assertEquals(1, tamper("DELETE FROM audit_event WHERE seq = " + EVENTS));

        assertEquals(
                new ChainVerification.Broken(
                        EVENTS,
                        "the chain head names event 6 but the log ends at event 5",
                        EVENTS - 1,
                        Optional.of(head)),
                verifier.verify());
    }

    /**
     * Removing the newest events and moving the head back with them leaves a shorter chain that holds: only a head
     * kept outside the database (a verify's or an export's printed head hash) shows it. docs/AUDIT.md says so.
     */
    @Test
    void givenTheNewestEventDeletedAndTheHeadMovedBack_verify_isIntactOnlyAShorterChain() throws SQLException {
        String previous = text("SELECT hash FROM audit_event WHERE seq = " + (EVENTS - 1));
        tamper(
                "DELETE FROM audit_event WHERE seq = " + EVENTS,
                "UPDATE audit_chain_head SET seq = " + (EVENTS - 1) + ", hash = '" + previous + "'");

        ChainVerification.Intact intact = assertInstanceOf(ChainVerification.Intact.class, verifier.verify());

        assertEquals(new ChainPosition(EVENTS - 1, previous), intact.head());
        assertNotEquals(head, intact.head(), "the head printed before the deletion tells it");
    }

    /** Runs the statements with every trigger on the audit tables disabled, as their owner can; returns rows changed. */
    private int tamper(String... statements) throws SQLException {
        int changed = 0;
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            statement.execute("ALTER TABLE audit_chain_head DISABLE TRIGGER audit_chain_head_forward_only");
            try {
                for (String sql : statements) {
                    changed += statement.executeUpdate(sql);
                }
            } finally {
                statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
                statement.execute("ALTER TABLE audit_chain_head ENABLE TRIGGER audit_chain_head_forward_only");
            }
        }
        return changed;
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            return result.getString(1);
        }
    }
}
