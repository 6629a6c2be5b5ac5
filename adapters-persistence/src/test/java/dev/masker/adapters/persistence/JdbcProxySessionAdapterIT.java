package dev.masker.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import dev.masker.testsupport.ports.AgentRepositoryContractTest;
import dev.masker.testsupport.ports.ProxySessionContractTest;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy session contract, held by {@link JdbcProxySessionAdapter} on a real PostgreSQL, and the sessions' rows there,
 * shared by several instances ("servers") of the adapter.
 */
class JdbcProxySessionAdapterIT extends ProxySessionContractTest {
    private static TestPostgres.Schema schema;
    private static DbClient secondServer;

    @BeforeAll
    static void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AgentMigrations.migrate(schema.pool(), schema.name());
        secondServer = TestPostgres.dbClient(schema.pool()::getConnection);
    }

    @AfterAll
    static void dropSchema() {
        secondServer.close();
        schema.close();
    }

    @Override
    protected ProxySessionPort sessions() {
        return new JdbcProxySessionAdapter(schema.db());
    }

    /** An agent row: a session names its agent. */
    @Override
    protected AgentId storedAgent() {
        Agent agent = AgentRepositoryContractTest.agent(
                AgentRepositoryContractTest.newId(), AgentRepositoryContractTest.uniqueName("Proxy"));
        new JdbcAgentAdapter(schema.db(), Duration.ZERO, System::nanoTime).create(agent);
        return agent.id();
    }

    private static long rows(AgentId agent, Optional<String> callId) throws SQLException {
        String sql = "SELECT count(*) FROM proxy_session WHERE agent_id = ? AND call_id IS NOT DISTINCT FROM ?";
        try (Connection connection = schema.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, agent.value());
            query.setString(2, callId.orElse(null));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void givenACallsFirstTurn_sessionFor_startsTheFreshSessionAndStoresIt() throws SQLException {
        AgentId agent = storedAgent();
        String call = callId();
        SessionId fresh = fresh();

        SessionId session = new JdbcProxySessionAdapter(schema.db()).sessionFor(agent, Optional.of(call), fresh, NOW);

        assertEquals(fresh, session);
        assertEquals(1, rows(agent, Optional.of(call)));
    }

    @Test
    void givenTheSameCallIdTwice_sessionFor_givesTheFirstTurnsSession() throws SQLException {
        AgentId agent = storedAgent();
        String call = callId();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());

        SessionId first = adapter.sessionFor(agent, Optional.of(call), fresh(), NOW);
        SessionId second = adapter.sessionFor(agent, Optional.of(call), fresh(), NOW.plusSeconds(5));

        assertEquals(first, second);
        assertEquals(1, rows(agent, Optional.of(call)));
    }

    @Test
    void givenACallStartedOnAnotherServer_sessionFor_findsThatServersSession() {
        AgentId agent = storedAgent();
        String call = callId();

        SessionId onFirst = new JdbcProxySessionAdapter(schema.db()).sessionFor(agent, Optional.of(call), fresh(), NOW);
        SessionId onSecond =
                new JdbcProxySessionAdapter(secondServer).sessionFor(agent, Optional.of(call), fresh(), NOW);

        assertEquals(onFirst, onSecond);
    }

    @Test
    void givenTwoServersStartingTheSameCallAtOnce_sessionFor_givesEveryTurnOneSession() throws Exception {
        AgentId agent = storedAgent();
        List<JdbcProxySessionAdapter> servers =
                List.of(new JdbcProxySessionAdapter(schema.db()), new JdbcProxySessionAdapter(secondServer));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String call = callId();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SessionId>> turns = new ArrayList<>();
                Set<SessionId> offered = new HashSet<>();
                for (int t = 0; t < threads; t++) {
                    JdbcProxySessionAdapter server = servers.get(t % 2);
                    SessionId fresh = fresh();
                    offered.add(fresh);
                    turns.add(pool.submit(() -> {
                        start.await();
                        return server.sessionFor(agent, Optional.of(call), fresh, NOW);
                    }));
                }
                start.countDown();
                Set<SessionId> sessions = new HashSet<>();
                for (Future<SessionId> turn : turns) {
                    sessions.add(turn.get(10, TimeUnit.SECONDS));
                }

                assertEquals(1, sessions.size(), "sessions of call " + call);
                assertTrue(offered.containsAll(sessions), "the session is one of the fresh ones offered");
                assertEquals(1, rows(agent, Optional.of(call)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenTwoAgentsWithTheSameCallId_sessionFor_keepsTheirSessionsApart() {
        AgentId one = storedAgent();
        AgentId other = storedAgent();
        String call = callId();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());

        SessionId first = adapter.sessionFor(one, Optional.of(call), fresh(), NOW);
        SessionId second = adapter.sessionFor(other, Optional.of(call), fresh(), NOW);

        assertNotEquals(first, second);
        assertEquals(first, adapter.sessionFor(one, Optional.of(call), fresh(), NOW));
        assertEquals(
                second, new JdbcProxySessionAdapter(secondServer).sessionFor(other, Optional.of(call), fresh(), NOW));
    }

    @Test
    void givenTurnsWithoutACallId_sessionFor_startsAFreshSessionForEach() throws SQLException {
        AgentId agent = storedAgent();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());
        SessionId firstFresh = fresh();
        SessionId secondFresh = fresh();

        SessionId first = adapter.sessionFor(agent, Optional.empty(), firstFresh, NOW);
        SessionId second = adapter.sessionFor(agent, Optional.empty(), secondFresh, NOW);

        assertEquals(firstFresh, first);
        assertEquals(secondFresh, second);
        assertEquals(2, rows(agent, Optional.empty()));
    }

    private static Optional<String> endedReason(AgentId agent, String call) throws SQLException {
        String sql = "SELECT ended_reason, ended_at FROM proxy_session WHERE agent_id = ? AND call_id = ?";
        try (Connection connection = schema.connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, agent.value());
            query.setString(2, call);
            try (ResultSet result = query.executeQuery()) {
                assertTrue(result.next());
                return Optional.ofNullable(result.getString("ended_reason"));
            }
        }
    }

    @Test
    void givenACallWithASession_endCall_endsItOnceAndGivesItsStart() throws SQLException {
        AgentId agent = storedAgent();
        String call = callId();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());
        SessionId session = adapter.sessionFor(agent, Optional.of(call), fresh(), NOW);
        assertEquals(Optional.empty(), endedReason(agent, call));

        Optional<ProxySessionPort.CallSession> ended =
                adapter.endCall(agent, new CallId(call), NOW.plusSeconds(90), "customer-ended-call");
        Optional<ProxySessionPort.CallSession> again = new JdbcProxySessionAdapter(secondServer)
                .endCall(agent, new CallId(call), NOW.plusSeconds(95), "silence-timed-out");

        assertEquals(Optional.of(new ProxySessionPort.CallSession(session, NOW)), ended);
        assertEquals(ended, again);
        assertEquals(Optional.of("customer-ended-call"), endedReason(agent, call), "the first report wins");
    }

    @Test
    void givenACallWithoutSessionOrAnotherAgentsCall_endCall_findsNone() {
        AgentId agent = storedAgent();
        String call = callId();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());
        adapter.sessionFor(storedAgent(), Optional.of(call), fresh(), NOW);

        assertEquals(Optional.empty(), adapter.endCall(agent, new CallId(call), NOW, "customer-ended-call"));
    }

    @Test
    void givenAReasonThatIsNoIdentifier_endCall_isRefusedByTheTableWithoutItsValue() {
        AgentId agent = storedAgent();
        String call = callId();
        JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(schema.db());
        adapter.sessionFor(agent, Optional.of(call), fresh(), NOW);

        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> adapter.endCall(agent, new CallId(call), NOW, "Jane Roe hung up"));

        assertFalse(e.getMessage().contains("Jane"), e.getMessage());
    }

    @Test
    void givenUnreachableDatabase_sessionFor_failsAsUnavailable() {
        try (HikariDataSource dead = TestPostgres.unreachablePool();
                DbClient db = TestPostgres.dbClient(dead::getConnection)) {
            JdbcProxySessionAdapter adapter = new JdbcProxySessionAdapter(db);

            DomainException e = assertThrows(
                    DomainException.class,
                    () -> adapter.sessionFor(AgentRepositoryContractTest.newId(), Optional.of(callId()), fresh(), NOW));

            assertEquals(ErrorCode.UNAVAILABLE, e.code());
            assertTrue(e.retryAfter().isPresent(), "an unavailable store tells the caller when to retry");
        }
    }
}
