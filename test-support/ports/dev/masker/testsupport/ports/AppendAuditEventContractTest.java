package dev.masker.testsupport.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.AppendAuditEventPort.AppendOutcome;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.vapi.CallId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of the audit log ({@link AppendAuditEventPort}), run against the in-memory fake the service tests use
 * ({@link InMemoryAuditLog}) and the PostgreSQL adapter alike. Sequences count from the start of the log, so every test
 * gets a log of its own, empty.
 */
public abstract class AppendAuditEventContractTest {
    /** The log under test, the same one throughout a test; every test gets a log of its own, empty. */
    protected abstract AppendAuditEventPort log();

    /** A log that cannot take events now, as when its store cannot be reached. */
    protected abstract AppendAuditEventPort unavailableLog();

    @Test
    void givenAnEmptyLog_append_recordsEachEventAtTheNextSequence() {
        assertEquals(new AppendOutcome.Appended(1), log().append(SampleEvents.agentCreated()));
        assertEquals(new AppendOutcome.Appended(2), log().append(SampleEvents.agentCreated()));
        assertEquals(new AppendOutcome.Appended(3), log().append(SampleEvents.agentCreated()));
    }

    @Test
    void givenAnEventWithADedupKeyRecorded_appendWithThatKey_isAlreadyRecordedAndAppendsNothing() {
        AgentId agent = SampleEvents.newAgentId();
        CallId call = SampleEvents.newCallId();
        AuditEvent first = SampleEvents.callStarted(agent, call);

        AppendOutcome original = log().append(first);
        AppendOutcome sameEventAgain = log().append(first);
        AppendOutcome sameCallNewEvent = log().append(SampleEvents.callStarted(agent, call));
        AppendOutcome otherCall = log().append(SampleEvents.callStarted(agent, SampleEvents.newCallId()));

        assertEquals(new AppendOutcome.Appended(1), original);
        assertEquals(new AppendOutcome.AlreadyRecorded(), sameEventAgain);
        assertEquals(new AppendOutcome.AlreadyRecorded(), sameCallNewEvent);
        assertEquals(new AppendOutcome.Appended(2), otherCall, "nothing was appended in between");
    }

    @Test
    void givenAnEventQueuedWithoutWaiting_append_findsItRecordedFirst() {
        AgentId agent = SampleEvents.newAgentId();
        CallId call = SampleEvents.newCallId();

        log().appendWithoutWaiting(SampleEvents.callStarted(agent, call));
        AppendOutcome sameCall = log().append(SampleEvents.callStarted(agent, call));
        AppendOutcome next = log().append(SampleEvents.agentCreated());

        assertEquals(new AppendOutcome.AlreadyRecorded(), sameCall);
        assertEquals(new AppendOutcome.Appended(2), next);
    }

    @Test
    void givenConcurrentAppends_append_givesEachEventASequenceOfItsOwn() throws Exception {
        int threads = 8;
        int perThread = 10;
        Queue<Long> sequences = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> results = new ArrayList<>();
        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                results.add(appenders.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(assertInstanceOf(
                                        AppendOutcome.Appended.class, log().append(SampleEvents.agentCreated()))
                                .sequence());
                    }
                    return null;
                }));
            }
            start.countDown();
        }
        for (Future<Void> result : results) {
            result.get(); // rethrows an appender's failure
        }

        List<Long> sorted = sequences.stream().sorted().toList();
        assertEquals(LongStream.rangeClosed(1, threads * perThread).boxed().toList(), sorted, "each sequence once");
    }

    @Test
    void givenConcurrentAppendsOfOneCallsStart_append_appendsExactlyOne() throws Exception {
        AgentId agent = SampleEvents.newAgentId();
        CallId call = SampleEvents.newCallId();
        int attempts = 20;
        Queue<AppendOutcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                appenders.submit(() -> {
                    start.await();
                    outcomes.add(log().append(SampleEvents.callStarted(agent, call)));
                    return null;
                });
            }
            start.countDown();
        }

        assertEquals(attempts, outcomes.size());
        assertEquals(
                1,
                outcomes.stream()
                        .filter(AppendOutcome.Appended.class::isInstance)
                        .count());
        assertEquals(
                attempts - 1,
                outcomes.stream()
                        .filter(AppendOutcome.AlreadyRecorded.class::isInstance)
                        .count());
    }

    @Test
    void givenALogThatCannotTakeEvents_append_failsAsAuditUnavailableWithATimeToRetry() {
        AppendAuditEventPort unavailable = unavailableLog();

        DomainException refused =
                assertThrows(DomainException.class, () -> unavailable.append(SampleEvents.agentCreated()));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        assertTrue(refused.retryAfter().isPresent(), "the caller is told when to retry");
    }
}
