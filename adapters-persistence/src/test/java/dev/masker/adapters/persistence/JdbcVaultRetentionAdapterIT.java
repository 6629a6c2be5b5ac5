package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.application.port.out.PurgeVaultPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TurnPayloads;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.ports.KeepVaultEntriesContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vault's retention purge on a real PostgreSQL: what goes, what stays, in batches. */
class JdbcVaultRetentionAdapterIT {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestPostgres.Schema schema;

    @BeforeAll
    static void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AgentMigrations.migrate(schema.pool(), schema.name());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private static AgentId storedAgent() {
        Agent agent = AgentRepositoryContractTest.agent(
                AgentRepositoryContractTest.newId(), AgentRepositoryContractTest.uniqueName("Retention"));
        new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime).create(agent);
        return agent.id();
    }

    /** A call's session started at {@code started}, ended at {@code ended} if given, with two values in its vault. */
    private static SessionId call(AgentId agent, Instant started, Optional<Instant> ended) {
        String call = "call-" + Long.toString(RANDOM.nextLong() >>> 1, 36);
        JdbcProxySessionAdapter sessions = new JdbcProxySessionAdapter(schema.db());
        SessionId session =
                sessions.sessionFor(agent, Optional.of(call), new SessionId(Ulid.generate(started, RANDOM)), started);
        ended.ifPresent(at -> sessions.endCall(agent, new CallId(call), at, "customer-ended-call"));
        store(session, started, "Jane Doe", "jane@example.com");
        return session;
    }

    private static void store(SessionId session, Instant at, String... values) {
        JdbcTokenVaultAdapter vault = new JdbcTokenVaultAdapter(schema.db());
        for (String value : values) {
            PhiToken token =
                    KeepVaultEntriesContractTest.TOKENS.token(PhiKind.NAME, KeepVaultEntriesContractTest.KID, value);
            vault.store(new VaultEntry(
                    session, token, KeepVaultEntriesContractTest.TOKENS.seal(session, token, value), at));
        }
    }

    private static long rowsOf(SessionId session) {
        return schema.db()
                .execute()
                .createGet("SELECT count(*) AS n FROM token_vault WHERE session_id = ?")
                .params(session.value())
                .execute()
                .orElseThrow()
                .column("n")
                .get(Long.class);
    }

    @Test
    void givenSessionsOfEveryAge_purgeBefore_removesOnlyThoseLastActiveBeforeTheCutoff() {
        AgentId agent = storedAgent();
        SessionId endedLongAgo =
                call(agent, NOW.minus(Duration.ofDays(40)), Optional.of(NOW.minus(Duration.ofDays(40))));
        SessionId endedLately = call(agent, NOW.minus(Duration.ofDays(40)), Optional.of(NOW.minus(Duration.ofDays(1))));
        SessionId neverEndedLongAgo = call(agent, NOW.minus(Duration.ofDays(31)), Optional.empty());
        SessionId neverEndedLately = call(agent, NOW.minus(Duration.ofDays(2)), Optional.empty());
        SessionId withoutSessionRow = new SessionId(Ulid.generate(NOW.minus(Duration.ofDays(50)), RANDOM));
        store(withoutSessionRow, NOW.minus(Duration.ofDays(50)), "Old Value");

        long removed = new JdbcVaultRetentionAdapter(schema.db(), 3)
                .purgeBefore(CUTOFF)
                .vaultEntries();

        assertEquals(5, removed, "2 + 2 + 1 rows, over several batches of 3");
        assertEquals(0, rowsOf(endedLongAgo));
        assertEquals(2, rowsOf(endedLately), "a session that ended within the period keeps its tokens");
        assertEquals(0, rowsOf(neverEndedLongAgo));
        assertEquals(2, rowsOf(neverEndedLately));
        assertEquals(0, rowsOf(withoutSessionRow));
        assertEquals(
                0,
                new JdbcVaultRetentionAdapter(schema.db()).purgeBefore(CUTOFF).vaultEntries(),
                "a second purge finds nothing");
    }

    @Test
    void givenKeptTurnPayloads_purgeBefore_removesThemByTheSameRule() {
        AgentId agent = storedAgent();
        SessionId old = call(agent, NOW.minus(Duration.ofDays(40)), Optional.of(NOW.minus(Duration.ofDays(40))));
        SessionId late = call(agent, NOW.minus(Duration.ofDays(40)), Optional.of(NOW.minus(Duration.ofDays(1))));
        KeyRing.Keys keys = new KeyRing.Keys(KeepVaultEntriesContractTest.randomKey(), Optional.empty());
        JdbcTurnPayloadAdapter payloads = new JdbcTurnPayloadAdapter(
                schema.db(), new TurnPayloads(KeyRing.of(Map.of(KeepVaultEntriesContractTest.KID, keys)), RANDOM));
        for (SessionId session : List.of(old, late)) {
            payloads.keep(new KeepTurnPayloadsPort.TurnPayload(
                    session,
                    "req_1",
                    KeepVaultEntriesContractTest.KID,
                    NOW.minus(Duration.ofDays(40)),
                    Map.of("request", Map.of("content", "Jane Doe"))));
        }

        PurgeVaultPort.Purged removed = new JdbcVaultRetentionAdapter(schema.db()).purgeBefore(CUTOFF);

        assertEquals(1, removed.turnPayloads());
        assertEquals(Map.of(), payloads.ofSession(old));
        assertEquals(Map.of("req_1", Map.of("request", Map.of("content", "Jane Doe"))), payloads.ofSession(late));
    }

    @Test
    void givenUnreachableDatabase_purgeBefore_failsAsUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            DomainException failure =
                    assertThrows(DomainException.class, () -> new JdbcVaultRetentionAdapter(db).purgeBefore(CUTOFF));
            assertEquals(ErrorCode.UNAVAILABLE, failure.code());
        }
    }

    @Test
    void givenNothingOld_purgeBefore_removesNothing() {
        SessionId recent =
                call(storedAgent(), NOW.minus(Duration.ofDays(3)), Optional.of(NOW.minus(Duration.ofDays(3))));

        assertEquals(
                0,
                new JdbcVaultRetentionAdapter(schema.db()).purgeBefore(CUTOFF).vaultEntries());
        assertEquals(2, rowsOf(recent));
    }
}
