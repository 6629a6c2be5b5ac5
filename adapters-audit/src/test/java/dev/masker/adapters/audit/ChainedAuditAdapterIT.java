package dev.masker.adapters.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.AppendAuditEventPort.AppendOutcome;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.assistant.ResolvedAssistant;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.audit.PhoneFingerprint;
import dev.masker.domain.audit.PhoneFingerprinter;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.id.EventId;
import dev.masker.domain.id.RequestId;
import dev.masker.domain.id.Ulid;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.vapi.CallId;
import dev.masker.testsupport.ports.AppendAuditEventContractTest;
import dev.masker.testsupport.ports.SampleEvents;
import dev.masker.testsupport.postgres.TestPostgres;
import io.helidon.dbclient.DbClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log contract and the group-committing, hash-chained log behind it, held by {@link ChainedAuditAdapter} on a
 * real PostgreSQL; every test has a fresh schema, so a fresh chain.
 */
class ChainedAuditAdapterIT extends AppendAuditEventContractTest {
    private static final Duration APPEND_TIMEOUT = Duration.ofSeconds(20);

    private final Queue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TestPostgres.Schema schema;
    private ChainedAuditAdapter log;

    @BeforeEach
    void migrateFreshSchema() {
        schema = TestPostgres.freshSchema();
        AuditMigrations.migrate(schema.pool(), schema.name());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        schema.close();
    }

    /** One log on this test's schema, opened on first use. */
    @Override
    protected synchronized AppendAuditEventPort log() {
        if (log == null) {
            log = open(schema.db(), 100);
        }
        return log;
    }

    /** A log whose pool points at a port nobody listens on: every commit fails once the pool gives up, after 500 ms. */
    @Override
    protected AppendAuditEventPort unavailableLog() {
        HikariDataSource dead = TestPostgres.unreachablePool();
        toClose.add(dead);
        DbClient db = TestPostgres.dbClient(dead::getConnection);
        toClose.add(db);
        return open(db, 100);
    }

    private ChainedAuditAdapter open(DbClient db, int maxBatch) {
        ChainedAuditAdapter audit = new ChainedAuditAdapter(db, maxBatch, 1_000, APPEND_TIMEOUT, batchSizes::add);
        toClose.add(audit);
        return audit;
    }

    @Test
    void givenAppendReturned_readWithPlainJdbc_rowIsCommittedAndLinkedToTheOneBefore() throws SQLException {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        String previousHash = "0".repeat(64);

        for (long expected = 1; expected <= 3; expected++) {
            AuditEvent event = SampleEvents.agentCreated();
            AppendOutcome outcome = audit.append(event);

            assertEquals(new AppendOutcome.Appended(expected), outcome);
            // Another session sees the row as soon as append returns: it was committed, not merely queued.
            try (Connection connection = schema.connect();
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT seq, type, agent_id, body, prev_hash, hash, dedup_key FROM audit_event WHERE event_id = ?")) {
                select.setString(1, event.id().value());
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "the appended event is in the table");
                    assertEquals(expected, row.getLong("seq"));
                    assertEquals("agent_created", row.getString("type"));
                    assertEquals(event.agentId().orElseThrow().value(), row.getString("agent_id"));
                    assertEquals(CanonicalEvent.body(event, expected), row.getString("body"));
                    assertEquals(previousHash, row.getString("prev_hash"));
                    assertEquals(sha256Hex(previousHash + row.getString("body")), row.getString("hash"));
                    assertNull(row.getString("dedup_key"));
                    previousHash = row.getString("hash");
                }
            }
        }
    }

    @Test
    void givenManyConcurrentAppends_verify_chainIsGaplessIntactAndWasBatched() throws Exception {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        int threads = 50;
        int perThread = 40;
        Queue<Long> sequences = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> results = new ArrayList<>();

        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                results.add(appenders.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(assertInstanceOf(
                                        AppendOutcome.Appended.class, audit.append(SampleEvents.agentCreated()))
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
        ChainVerification verification = new AuditChainVerifierAdapter(schema.db()).verify();

        int total = threads * perThread;
        long[] sorted = sequences.stream().mapToLong(Long::longValue).sorted().toArray();
        assertTrue(
                Arrays.equals(LongStream.rangeClosed(1, total).toArray(), sorted),
                "sequences 1.." + total + ", once each");
        assertEquals(new ChainVerification.Intact(total, headHash()), verification);
        assertEquals(total, count("SELECT count(*) FROM audit_event"));
        assertEquals(total, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(
                batchSizes.stream().anyMatch(size -> size > 1), "some commits carried several events: " + batchSizes);
    }

    @Test
    void givenCallStartedAppendedTwice_append_secondIsAlreadyRecordedAndOneRowStays() throws SQLException {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        AgentId agent = SampleEvents.newAgentId();
        CallId call = SampleEvents.newCallId();
        AuditEvent first = SampleEvents.callStarted(agent, call);

        AppendOutcome original = audit.append(first);
        AppendOutcome sameEventAgain = audit.append(first);
        AppendOutcome sameCallNewEvent = audit.append(SampleEvents.callStarted(agent, call));

        assertEquals(new AppendOutcome.Appended(1), original);
        assertEquals(new AppendOutcome.AlreadyRecorded(), sameEventAgain);
        assertEquals(new AppendOutcome.AlreadyRecorded(), sameCallNewEvent);
        assertEquals(1, count("SELECT count(*) FROM audit_event"));
        assertEquals(
                1,
                count("SELECT count(*) FROM audit_event WHERE dedup_key = '" + AuditEvent.callStartedKey(agent, call)
                        + "'"));
    }

    @Test
    void givenCallStartedAppendedConcurrently_append_exactlyOneIsAppended() throws Exception {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        AgentId agent = SampleEvents.newAgentId();
        CallId call = SampleEvents.newCallId();
        int attempts = 20;
        Queue<AppendOutcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);

        try (ExecutorService appenders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                appenders.submit(() -> {
                    start.await();
                    outcomes.add(audit.append(SampleEvents.callStarted(agent, call)));
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
        assertEquals(1, count("SELECT count(*) FROM audit_event"));
        assertEquals(new ChainVerification.Intact(1, headHash()), new AuditChainVerifierAdapter(schema.db()).verify());
    }

    @Test
    void givenUnreachableDatabase_append_failsAsAuditUnavailableWithinBoundedTime() {
        AppendAuditEventPort audit = unavailableLog();
        long started = System.nanoTime();

        DomainException refused = assertThrows(DomainException.class, () -> audit.append(SampleEvents.agentCreated()));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        assertTrue(refused.retryAfter().isPresent(), "the caller is told when to retry");
        // The pool gives up after 500 ms; the caller hears of it then, not at its 20 s append timeout.
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "failed after " + took);
    }

    @Test
    void givenEventsQueuedBehindASlowCommit_close_commitsEveryOneOfThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connectionsAsked = new AtomicInteger();
        ChainedAuditAdapter audit = open(heldBack(release, connectionsAsked), 100);
        int queued = 20;
        Queue<Object> outcomes = new ConcurrentLinkedQueue<>();
        Runnable appendOne = () -> {
            try {
                outcomes.add(audit.append(SampleEvents.agentCreated()));
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        };
        // The first event is taken into a batch whose commit waits for a connection...
        List<Thread> appenders = new ArrayList<>(List.of(Thread.ofVirtual().start(appendOne)));
        awaitTrue(() -> connectionsAsked.get() > 0 && appenders.getFirst().getState() == Thread.State.TIMED_WAITING);
        // ...so these stay in the queue; each appender then waits for its commit (a timed wait).
        for (int i = 1; i < queued; i++) {
            appenders.add(Thread.ofVirtual().start(appendOne));
        }
        awaitTrue(() -> appenders.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
        Thread closer = Thread.ofPlatform().start(audit::close);
        awaitTrue(() -> closer.getState() == Thread.State.TIMED_WAITING);

        release.countDown();
        closer.join(Duration.ofSeconds(30));
        for (Thread appender : appenders) {
            appender.join(Duration.ofSeconds(30));
        }

        assertFalse(closer.isAlive(), "close returned");
        assertEquals(queued, outcomes.size());
        assertTrue(outcomes.stream().allMatch(AppendOutcome.Appended.class::isInstance), "outcomes: " + outcomes);
        assertEquals(queued, count("SELECT count(*) FROM audit_event"));
        assertEquals(queued, batchSizes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void givenOneEventTheDatabaseRefusesInABatch_append_onlyThatEventFailsAndTheOthersAreCommitted() throws Exception {
        AuditEvent recorded = SampleEvents.agentCreated();
        open(schema.db(), 100).append(recorded);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connectionsAsked = new AtomicInteger();
        ChainedAuditAdapter audit = open(heldBack(release, connectionsAsked), 100);
        // The same event id again: a unique violation only the database sees, inside a batch of innocent events.
        AuditEvent refused = new AuditEvent(
                recorded.id(),
                recorded.type(),
                recorded.occurredAt(),
                recorded.agentId(),
                recorded.data(),
                Optional.empty());
        Map<AuditEvent, Object> outcomes = new ConcurrentHashMap<>();
        List<AuditEvent> events = new ArrayList<>(List.of(SampleEvents.agentCreated()));
        List<Thread> appenders = new ArrayList<>();
        Consumer<AuditEvent> appendOne =
                event -> appenders.add(Thread.ofVirtual().start(() -> {
                    try {
                        outcomes.put(event, audit.append(event));
                    } catch (RuntimeException e) {
                        outcomes.put(event, e);
                    }
                }));
        appendOne.accept(events.getFirst());
        awaitTrue(() -> connectionsAsked.get() > 0);
        for (int i = 0; i < 5; i++) {
            events.add(SampleEvents.agentCreated());
        }
        events.add(3, refused);
        events.subList(1, events.size()).forEach(appendOne);
        awaitTrue(() -> appenders.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));

        release.countDown();
        for (Thread appender : appenders) {
            appender.join(Duration.ofSeconds(30));
        }

        assertInstanceOf(DomainException.class, outcomes.get(refused));
        events.stream()
                .filter(event -> event != refused)
                .forEach(
                        event -> assertInstanceOf(AppendOutcome.Appended.class, outcomes.get(event), event.toString()));
        assertEquals(events.size(), count("SELECT count(*) FROM audit_event"));
        assertEquals(events.size(), count("SELECT max(seq) FROM audit_event"));
    }

    @Test
    void givenClosedAdapter_append_failsAsAuditUnavailableAtOnce() {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        audit.close();

        DomainException refused = assertThrows(DomainException.class, () -> audit.append(SampleEvents.agentCreated()));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
    }

    /** A DbClient whose connections wait until the latch is released, so a commit can be held back at will. */
    private DbClient heldBack(CountDownLatch release, AtomicInteger connectionsAsked) {
        DbClient slow = TestPostgres.dbClient(() -> {
            connectionsAsked.incrementAndGet();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new SQLException("the test never released the connection");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            return schema.pool().getConnection();
        });
        toClose.add(slow);
        return slow;
    }

    private static AuditEvent turnProxied() {
        AuditEvent.TurnRecord turn = new AuditEvent.TurnRecord(
                new SessionId(Ulid.generate(SampleEvents.AT, new SecureRandom())),
                "openai",
                "gpt-4o",
                true,
                "ok",
                "healthcare-default",
                1,
                Map.of(PhiKind.SSN, 2),
                2,
                0,
                new AuditEvent.StageTimes(
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofMillis(20),
                        Duration.ofMillis(90),
                        Duration.ofMillis(1),
                        Duration.ofMillis(3),
                        Duration.ZERO,
                        Duration.ofMillis(95)));
        return AuditEvent.turnProxied(
                new EventId(Ulid.generate(SampleEvents.AT, new SecureRandom())),
                SampleEvents.AT,
                SampleEvents.newAgentId(),
                turn,
                new RequestId(Ulid.generate(SampleEvents.AT, new SecureRandom())));
    }

    @Test
    void givenACommitHeldBack_appendWithoutWaiting_returnsAtOnceAndTheEventIsCommittedLater() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connectionsAsked = new AtomicInteger();
        ChainedAuditAdapter audit = open(heldBack(release, connectionsAsked), 100);
        AuditEvent event = turnProxied();

        // Returns although no commit can happen until the latch is released.
        audit.appendWithoutWaiting(event);
        awaitTrue(() -> connectionsAsked.get() > 0);
        long beforeRelease = count("SELECT count(*) FROM audit_event");
        release.countDown();

        assertEquals(0, beforeRelease);
        awaitTrue(() -> countQuietly("SELECT count(*) FROM audit_event WHERE event_id = '"
                        + event.id().value() + "' AND type = 'turn_proxied'")
                == 1);
    }

    @Test
    void givenEventsQueuedWithoutWaiting_close_commitsEveryOneOfThemInOneChain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connectionsAsked = new AtomicInteger();
        ChainedAuditAdapter audit = open(heldBack(release, connectionsAsked), 100);
        int queued = 25;
        for (int i = 0; i < queued; i++) {
            audit.appendWithoutWaiting(turnProxied());
        }
        awaitTrue(() -> connectionsAsked.get() > 0);
        Thread closer = Thread.ofPlatform().start(audit::close);
        awaitTrue(() -> closer.getState() == Thread.State.TIMED_WAITING);

        release.countDown();
        closer.join(Duration.ofSeconds(30));

        assertFalse(closer.isAlive(), "close returned");
        assertEquals(queued, count("SELECT count(*) FROM audit_event"));
        assertEquals(queued, count("SELECT max(seq) FROM audit_event"));
        assertEquals(queued, batchSizes.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void givenClosedAdapter_appendWithoutWaiting_failsAsAuditUnavailableAtOnce() throws SQLException {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        audit.close();

        DomainException refused = assertThrows(DomainException.class, () -> audit.appendWithoutWaiting(turnProxied()));

        assertEquals(ErrorCode.AUDIT_UNAVAILABLE, refused.code());
        assertEquals(0, count("SELECT count(*) FROM audit_event"));
    }

    private long countQuietly(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenCallStartedWithCustomerPhone_append_storedRowHoldsNoRunOfItsDigits() throws SQLException {
        ChainedAuditAdapter audit = open(schema.db(), 100);
        String phone = "+1 (415) 867-5309";
        String digits = "14158675309";
        VaultTokens tokens = new VaultTokens(
                KeyRing.of(Map.of(
                        MaskingPolicy.HEALTHCARE_KID, new KeyRing.Keys(new byte[KeyRing.KEY_BYTES], Optional.empty()))),
                new SecureRandom());
        PhoneFingerprint fingerprint = new PhoneFingerprinter(tokens, MaskingPolicy.HEALTHCARE_KID)
                .fingerprint(phone)
                .orElseThrow();
        // Fixed ids without runs of digits, so that a run found can only have come from the number.
        AuditEvent event = AuditEvent.callStarted(
                new EventId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1B")),
                SampleEvents.AT,
                AgentId.parse("agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A").orElseThrow(),
                new CallId("call-alpha-bravo"),
                Optional.of("asst-charlie"),
                "gpt-4o",
                ResolvedAssistant.fromDefaults(AssistantConfig.empty()),
                new RequestId(new Ulid("01JD8Q2W3E4R5T6Y7V8X9Z0P1C")),
                Optional.of(fingerprint));

        assertEquals(new AppendOutcome.Appended(1), audit.append(event));

        String stored;
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT body, dedup_key, agent_id FROM audit_event WHERE type = 'call_started'")) {
            assertTrue(row.next(), "the call_started row is stored");
            stored = row.getString("body") + "|" + row.getString("dedup_key") + "|" + row.getString("agent_id");
        }
        assertTrue(stored.contains("\"customer_fingerprint\":\"" + fingerprint.value() + "\""), stored);
        for (int i = 0; i + 4 <= digits.length(); i++) {
            String run = digits.substring(i, i + 4);
            assertFalse(stored.contains(run), "the digits " + run + " of the phone number are stored: " + stored);
        }
    }

    @Test
    void givenBatchListener_append_reportsEachCommitWithItsTimeBeforeTheCallerReturns() {
        record Commit(int events, Duration took) {}
        Queue<Commit> commits = new ConcurrentLinkedQueue<>();
        ChainedAuditAdapter audit = new ChainedAuditAdapter(
                schema.db(), 100, 1_000, APPEND_TIMEOUT, (events, took) -> commits.add(new Commit(events, took)));
        toClose.add(audit);

        for (int appended = 1; appended <= 3; appended++) {
            audit.append(SampleEvents.agentCreated());
            // One at a time, so one batch each, and reported before append returned.
            assertEquals(appended, commits.size(), "commits reported: " + commits);
        }

        assertEquals(List.of(1, 1, 1), commits.stream().map(Commit::events).toList());
        assertTrue(
                commits.stream()
                        .allMatch(commit ->
                                commit.took().isPositive() && commit.took().compareTo(APPEND_TIMEOUT) < 0),
                "every commit took some time, less than the append timeout: " + commits);
    }

    @Test
    void givenFailingBatchListener_append_stillCommitsAndAnswers() throws SQLException {
        ChainedAuditAdapter audit = new ChainedAuditAdapter(schema.db(), 100, 1_000, APPEND_TIMEOUT, (events, took) -> {
            throw new IllegalStateException("metrics are broken");
        });
        toClose.add(audit);

        assertEquals(new AppendOutcome.Appended(1), audit.append(SampleEvents.agentCreated()));
        assertEquals(new AppendOutcome.Appended(2), audit.append(SampleEvents.agentCreated()));
        assertEquals(2, count("SELECT count(*) FROM audit_event"));
    }

    private String headHash() throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT hash FROM audit_chain_head WHERE id = 1")) {
            assertTrue(head.next(), "the chain head row exists");
            return head.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = schema.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the condition did not hold within 10 s");
            Thread.sleep(5);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
