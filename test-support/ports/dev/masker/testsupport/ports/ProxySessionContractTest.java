package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.ProxySessionPort;
import dev.masker.application.port.out.ProxySessionPort.CallSession;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of the proxy's sessions ({@link ProxySessionPort}), run against the in-memory fake the service tests use
 * ({@link InMemoryProxySessions}) and the PostgreSQL adapter alike. Every test uses new agents and call ids: the store is
 * never emptied.
 */
public abstract class ProxySessionContractTest {
    /** A fixed "now": a store must give back the start it was told. */
    public static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    /** The store under test. */
    protected abstract ProxySessionPort sessions();

    /** An agent the store may start sessions for (the real one wants the agent stored). */
    protected abstract AgentId storedAgent();

    /** A new session id, as the proxy offers for a turn. */
    public static SessionId fresh() {
        return new SessionId(Ulid.generate(NOW, ThreadLocalRandom.current()));
    }

    /** A new call id, as the platform names a call. */
    public static String callId() {
        return "call-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    @Test
    void givenACallsFirstTurn_sessionFor_startsTheFreshSession() {
        SessionId fresh = fresh();

        assertEquals(fresh, sessions().sessionFor(storedAgent(), Optional.of(callId()), fresh, NOW));
    }

    @Test
    void givenALaterTurnOfTheCall_sessionFor_givesTheFirstTurnsSession() {
        AgentId agent = storedAgent();
        String call = callId();

        SessionId first = sessions().sessionFor(agent, Optional.of(call), fresh(), NOW);
        SessionId later = sessions().sessionFor(agent, Optional.of(call), fresh(), NOW.plusSeconds(5));

        assertEquals(first, later);
    }

    @Test
    void givenTwoAgentsWithOneCallId_sessionFor_givesEachItsOwnSession() {
        AgentId one = storedAgent();
        AgentId other = storedAgent();
        String call = callId();

        SessionId first = sessions().sessionFor(one, Optional.of(call), fresh(), NOW);
        SessionId second = sessions().sessionFor(other, Optional.of(call), fresh(), NOW);

        assertNotEquals(first, second);
        assertEquals(first, sessions().sessionFor(one, Optional.of(call), fresh(), NOW));
        assertEquals(second, sessions().sessionFor(other, Optional.of(call), fresh(), NOW));
    }

    @Test
    void givenTurnsWithoutACallId_sessionFor_startsEachOneFresh() {
        AgentId agent = storedAgent();
        SessionId firstFresh = fresh();
        SessionId secondFresh = fresh();

        assertEquals(firstFresh, sessions().sessionFor(agent, Optional.empty(), firstFresh, NOW));
        assertEquals(secondFresh, sessions().sessionFor(agent, Optional.empty(), secondFresh, NOW));
    }

    @Test
    void givenConcurrentFirstTurnsOfOneCall_sessionFor_givesThemAllOneOfTheSessionsOffered() throws Exception {
        AgentId agent = storedAgent();
        String call = callId();
        int turns = 8;
        CountDownLatch start = new CountDownLatch(1);
        Set<SessionId> offered = new HashSet<>();
        List<Future<SessionId>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(turns)) {
            for (int t = 0; t < turns; t++) {
                SessionId fresh = fresh();
                offered.add(fresh);
                answers.add(threads.submit(() -> {
                    start.await();
                    return sessions().sessionFor(agent, Optional.of(call), fresh, NOW);
                }));
            }
            start.countDown();
            Set<SessionId> given = new HashSet<>();
            for (Future<SessionId> answer : answers) {
                given.add(answer.get(10, TimeUnit.SECONDS));
            }

            assertEquals(1, given.size(), "sessions of the call");
            assertTrue(offered.containsAll(given), "the session is one of the fresh ones offered");
        }
    }

    @Test
    void givenACallWithASession_endCall_givesTheSessionAndItsStartAndSoDoesEndingItAgain() {
        AgentId agent = storedAgent();
        String call = callId();
        SessionId session = sessions().sessionFor(agent, Optional.of(call), fresh(), NOW);
        sessions().sessionFor(agent, Optional.of(call), fresh(), NOW.plusSeconds(30));

        Optional<CallSession> ended =
                sessions().endCall(agent, new CallId(call), NOW.plusSeconds(90), "customer-ended-call");
        Optional<CallSession> again =
                sessions().endCall(agent, new CallId(call), NOW.plusSeconds(95), "silence-timed-out");

        assertEquals(Optional.of(new CallSession(session, NOW)), ended);
        assertEquals(ended, again);
    }

    @Test
    void givenNoTurnOfTheCallOrOnlyAnotherAgentsTurns_endCall_findsNoSession() {
        AgentId agent = storedAgent();
        String call = callId();
        sessions().sessionFor(storedAgent(), Optional.of(call), fresh(), NOW);

        assertEquals(Optional.empty(), sessions().endCall(agent, new CallId(call), NOW, "customer-ended-call"));
        assertEquals(Optional.empty(), sessions().endCall(agent, new CallId(callId()), NOW, "customer-ended-call"));
    }
}
