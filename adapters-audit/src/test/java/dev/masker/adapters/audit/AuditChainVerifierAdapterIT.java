package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier against a real log of five events, intact and then tampered with as someone holding the database could:
 * a superuser with the append-only triggers switched off. Every test has its own schema, so its own chain.
 */
class AuditChainVerifierAdapterIT {
    private static final int EVENTS = 5;

    private TestPostgres.Schema schema;
    private AuditChainVerifierAdapter verifier;

    @BeforeEach
    void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
        verifier = new AuditChainVerifierAdapter(schema.db());
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    private void appendEvents() {
        try (ChainedAuditAdapter audit =
                new ChainedAuditAdapter(schema.db(), 10, 10, Duration.ofSeconds(10), size -> {})) {
            for (int i = 0; i < EVENTS; i++) {
                audit.append(SampleEvents.agentCreated());
            }
        }
    }

    @Test
    void givenEmptyLog_verify_isIntactWithNoEvents() {
        assertEquals(new ChainVerification.Intact(0, "0".repeat(64)), verifier.verify());
    }

    @Test
    void givenAppendedEvents_verify_isIntactWithTheirCountAndLastHash() throws SQLException {
        appendEvents();

        assertEquals(new ChainVerification.Intact(EVENTS, column("hash", EVENTS)), verifier.verify());
    }

    @Test
    void givenOneBodyEdited_verify_isBrokenAtThatEvent() throws SQLException {
        appendEvents();

        int edited = schema.executeBypassingTriggers(
                "UPDATE audit_event SET body = replace(body, '\"ops-admin\"', '\"someone-else\"') WHERE seq = 3");

        assertEquals(1, edited);
        assertTrue(column("body", 3).contains("someone-else"), "the tampering took effect");
        assertEquals(
                3,
                assertInstanceOf(ChainVerification.Broken.class, verifier.verify())
                        .atSequence());
    }

    @Test
    void givenEditedBodyWithItsHashRecomputed_verify_isBrokenAtTheNextEvent() throws SQLException {
        appendEvents();
        String forged = column("body", 3).replace("\"ops-admin\"", "\"someone-else\"");
        String forgedHash = ChainHash.of(column("prev_hash", 3), forged);

        try (Connection connection = schema.connect();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE audit_event SET body = ?, hash = ? WHERE seq = 3")) {
            connection.createStatement().execute("SET session_replication_role = replica");
            update.setString(1, forged);
            update.setString(2, forgedHash);
            assertEquals(1, update.executeUpdate());
        }

        assertEquals(
                4,
                assertInstanceOf(ChainVerification.Broken.class, verifier.verify())
                        .atSequence());
    }

    @Test
    void givenMiddleEventDeleted_verify_isBrokenWhereItWas() throws SQLException {
        appendEvents();

        assertEquals(1, schema.executeBypassingTriggers("DELETE FROM audit_event WHERE seq = 3"));

        assertEquals(
                3,
                assertInstanceOf(ChainVerification.Broken.class, verifier.verify())
                        .atSequence());
    }

    @Test
    void givenLastEventDeletedAndHeadLeftAlone_verify_isBroken() throws SQLException {
        appendEvents();

        assertEquals(1, schema.executeBypassingTriggers("DELETE FROM audit_event WHERE seq = " + EVENTS));

        assertEquals(
                EVENTS,
                assertInstanceOf(ChainVerification.Broken.class, verifier.verify())
                        .atSequence());
    }

    @Test
    void givenHeadMovedBackBehindTheLog_verify_isBroken() throws SQLException {
        appendEvents();

        assertEquals(
                1,
                schema.executeBypassingTriggers("UPDATE audit_chain_head SET seq = " + (EVENTS - 1)
                        + ", hash = (SELECT hash FROM audit_event WHERE seq = " + (EVENTS - 1) + ")"));

        assertInstanceOf(ChainVerification.Broken.class, verifier.verify());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "agent_id = 'agt_01M8DZCGH2NKJRA85DGPJDCT3G'",
                "occurred_at = occurred_at + interval '1 hour'",
                "event_id = 'evt_01M8DZCGH2NKJRA85DGPJDCT3G'",
                "type = 'call_started'"
            })
    void givenAColumnEditedButNotTheBody_verify_isBrokenAtThatEvent(String edit) throws SQLException {
        appendEvents();

        assertEquals(1, schema.executeBypassingTriggers("UPDATE audit_event SET " + edit + " WHERE seq = 2"));

        assertEquals(
                2,
                assertInstanceOf(ChainVerification.Broken.class, verifier.verify())
                        .atSequence());
    }

    @Test
    void givenHeadRowDeleted_verify_isBrokenNotUnavailable() throws SQLException {
        appendEvents();

        assertEquals(1, schema.executeBypassingTriggers("DELETE FROM audit_chain_head"));

        assertInstanceOf(ChainVerification.Broken.class, verifier.verify());
    }

    @Test
    void givenAppendsRunningDuringTheCheck_verify_isAlwaysIntact() throws Exception {
        try (ChainedAuditAdapter audit =
                        new ChainedAuditAdapter(schema.db(), 5, 1000, Duration.ofSeconds(10), size -> {});
                ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicBoolean running = new AtomicBoolean(true);
            for (int i = 0; i < 8; i++) {
                writers.submit(() -> {
                    while (running.get()) {
                        audit.append(SampleEvents.agentCreated());
                    }
                    return null;
                });
            }
            try {
                for (int check = 0; check < 30; check++) {
                    assertInstanceOf(ChainVerification.Intact.class, verifier.verify(), "check " + check);
                }
            } finally {
                running.set(false);
            }
        }
        assertInstanceOf(ChainVerification.Intact.class, verifier.verify());
    }

    @Test
    void givenUnreachableDatabase_verify_failsAsAuditUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            DomainException refused =
                    assertThrows(DomainException.class, () -> new AuditChainVerifierAdapter(db).verify());

            assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        }
    }

    private String column(String name, long sequence) throws SQLException {
        try (Connection connection = schema.connect();
                PreparedStatement select =
                        connection.prepareStatement("SELECT " + name + " FROM audit_event WHERE seq = ?")) {
            select.setLong(1, sequence);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "event " + sequence + " exists");
                return row.getString(1);
            }
        }
    }
}
