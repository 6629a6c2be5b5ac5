package dev.masker.adapters.audit;

import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * The audit log in PostgreSQL, appended by group commit: callers queue their events and wait; one writer thread takes
 * everything queued (up to a batch size), links it into the hash chain and commits it in one transaction, then
 * releases every waiting caller. An append returns only once its event is committed, and a caller whose event could
 * not be committed in time gets {@code audit_unavailable} — never a silent loss.
 */
public final class ChainedAuditAdapter implements AppendAuditEventPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChainedAuditAdapter.class.getName());
    // Three round trips a batch: lock the head (learning which dedup keys are already recorded), insert the events and
    // move the head in one statement, commit.
    private static final String LOCK_HEAD =
            "SELECT seq, hash, '' AS recorded FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String LOCK_HEAD_AND_FIND_KEYS = """
            SELECT h.seq, h.hash,
                   (SELECT string_agg(e.dedup_key, chr(10)) FROM audit_event e WHERE e.dedup_key IN (%s)) AS recorded
            FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE OF h
            """;
    private static final String INSERT_AND_MOVE_HEAD = """
            WITH appended AS (
                INSERT INTO audit_event (seq, event_id, type, agent_id, occurred_at, body, prev_hash, hash, dedup_key)
                VALUES %s
            )
            UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1
            """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Duration IDLE_POLL = Duration.ofMillis(50);

    private final DbClient db;
    private final int maxBatch;
    private final Duration appendTimeout;
    private final AuditBatchListener batches;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closing;

    private record Pending(AuditEvent event, CompletableFuture<AppendOutcome> outcome) {}

    /**
     * Starts the writer.
     *
     * @param maxBatch the most events committed in one transaction
     * @param queueCapacity the most events waiting; past it appends are refused at once
     * @param appendTimeout how long an append waits for its commit before it answers {@code audit_unavailable}
     * @param batchSizes told the size of every committed batch (for metrics)
     */
    public ChainedAuditAdapter(
            DbClient db, int maxBatch, int queueCapacity, Duration appendTimeout, IntConsumer batchSizes) {
        this(db, maxBatch, queueCapacity, appendTimeout, sizesOnly(batchSizes));
    }

    /**
     * Starts the writer.
     *
     * @param maxBatch the most events committed in one transaction
     * @param queueCapacity the most events waiting; past it appends are refused at once
     * @param appendTimeout how long an append waits for its commit before it answers {@code audit_unavailable}
     * @param batches told the size and the commit time of every committed batch (for metrics)
     */
    public ChainedAuditAdapter(
            DbClient db, int maxBatch, int queueCapacity, Duration appendTimeout, AuditBatchListener batches) {
        this.db = Objects.requireNonNull(db, "db");
        if (maxBatch < 1 || maxBatch > 1000) {
            throw new IllegalArgumentException("the audit batch size must be between 1 and 1000");
        }
        this.maxBatch = maxBatch;
        this.appendTimeout = Objects.requireNonNull(appendTimeout, "appendTimeout");
        this.batches = Objects.requireNonNull(batches, "batches");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer =
                Thread.ofPlatform().name("masker-audit-writer").daemon(false).start(this::writeUntilClosed);
    }

    @Override
    public AppendOutcome append(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (closing || !queue.offer(pending)) {
            throw unavailable();
        }
        try {
            return pending.outcome().get(appendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    /** Queues the event for the writer's next batch and returns at once; {@link #close} still commits it. */
    @Override
    public void appendWithoutWaiting(AuditEvent event) {
        if (closing || !queue.offer(new Pending(event, new CompletableFuture<>()))) {
            throw unavailable();
        }
    }

    /** Stops taking events, commits every event already queued, and stops the writer. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(appendTimeout.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = drain(Integer.MAX_VALUE);
        if (!left.isEmpty()) {
            // Events queued without a waiting caller (appendWithoutWaiting) would otherwise be lost silently.
            LOG.log(
                    Level.WARNING,
                    "{0} audit events were queued as the log closed and were not committed",
                    left.size());
        }
        failAll(left);
    }

    private void writeUntilClosed() {
        while (true) {
            Pending first;
            try {
                first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            List<Pending> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        DbTransaction tx = null;
        List<AppendOutcome> committed;
        int committedRows;
        Duration took;
        try {
            tx = db.transaction();
            List<String> keys = batch.stream()
                    .map(pending -> pending.event().dedupKey())
                    .flatMap(Optional::stream)
                    .distinct()
                    .toList();
            DbRow head = (keys.isEmpty()
                            ? tx.createGet(LOCK_HEAD)
                            : tx.createGet(LOCK_HEAD_AND_FIND_KEYS.formatted(placeholders(keys.size())))
                                    .params(keys))
                    .execute()
                    .orElseThrow(() -> new IllegalStateException("the audit chain head row is missing"));
            long sequence = head.column("seq").get(Long.class);
            String hash = head.column("hash").get(String.class);
            // Dedup keys never hold a line break (call ids refuse control characters), so it separates them.
            String found = head.column("recorded").get(String.class);
            Set<String> recorded =
                    found == null || found.isEmpty() ? new HashSet<>() : new HashSet<>(List.of(found.split("\n")));
            List<Object> params = new ArrayList<>(batch.size() * 9 + 2);
            List<AppendOutcome> outcomes = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                AuditEvent event = pending.event();
                // A key already in the log, or earlier in this batch, is not appended again.
                if (event.dedupKey().isPresent()
                        && !recorded.add(event.dedupKey().get())) {
                    outcomes.add(new AppendOutcome.AlreadyRecorded());
                    continue;
                }
                sequence++;
                String body = CanonicalEvent.body(event, sequence);
                String previous = hash;
                hash = ChainHash.of(previous, body);
                params.add(sequence);
                params.add(event.id().value());
                params.add(event.type().wireName());
                params.add(event.agentId().map(agent -> agent.value()).orElse(null));
                params.add(OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
                params.add(body);
                params.add(previous);
                params.add(hash);
                params.add(event.dedupKey().orElse(null));
                outcomes.add(new AppendOutcome.Appended(sequence));
            }
            int rows = params.size() / 9;
            committed = outcomes;
            committedRows = rows;
            if (rows > 0) {
                params.add(sequence);
                params.add(hash);
                tx.createDmlStatement(INSERT_AND_MOVE_HEAD.formatted(String.join(", ", Collections.nCopies(rows, ROW))))
                        .params(params)
                        .execute();
            }
            tx.commit();
            took = Duration.ofNanos(System.nanoTime() - started);
        } catch (RuntimeException e) {
            rollbackQuietly(tx);
            String state = sqlState(e);
            if (batch.size() > 1 && refusedAnEvent(state)) {
                // One event the database refuses must not fail the innocent ones committed beside it: each is tried
                // alone.
                LOG.log(
                        Level.WARNING,
                        "an audit batch of {0} events was refused (SQL state {1}); committing them one by one",
                        batch.size(),
                        state);
                batch.forEach(pending -> write(List.of(pending)));
                return;
            }
            LOG.log(
                    Level.WARNING,
                    "an audit batch of {0} events was not committed ({1}, SQL state {2})",
                    batch.size(),
                    e.getClass().getSimpleName(),
                    state);
            failAll(batch);
            return;
        }
        // Reported before the callers are released, so that once a caller has its answer the metrics count its event.
        try {
            batches.committed(committedRows, took);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "the audit batch listener failed: {0}",
                    e.getClass().getSimpleName());
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(committed.get(i));
        }
    }

    private static AuditBatchListener sizesOnly(IntConsumer batchSizes) {
        Objects.requireNonNull(batchSizes, "batchSizes");
        return (events, took) -> batchSizes.accept(events);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private List<Pending> drain(int max) {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest, max);
        return rest;
    }

    private static void failAll(List<Pending> batch) {
        DomainException failure = unavailable();
        batch.forEach(pending -> pending.outcome().completeExceptionally(failure));
    }

    /** Rolls back, if there is anything to roll back, ignoring a connection that is already gone. */
    static void rollbackQuietly(DbTransaction tx) {
        if (tx == null) {
            return;
        }
        try {
            tx.rollback();
        } catch (RuntimeException e) {
            // The connection is gone with the transaction; there is nothing left to undo.
        }
    }

    /**
     * Whether the database refused what an event holds (a data exception, class 22, or an integrity violation, class 23)
     * rather than the batch failing as a whole (a lost connection): only then is trying each event alone worth it.
     */
    private static boolean refusedAnEvent(String sqlState) {
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none";
    }

    static DomainException unavailable() {
        // An append that timed out can still be committed by its batch later; a retry then finds it recorded.
        return DomainException.retryable(
                ErrorCode.AUDIT_UNAVAILABLE,
                "The audit log could not confirm this event in time; the request was not completed. Retry shortly.",
                Duration.ofSeconds(2));
    }
}
