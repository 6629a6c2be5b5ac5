package dev.masker.adapters.audit;

import dev.masker.application.port.out.ReadAuditChainPort;
import dev.masker.domain.audit.ChainLink;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a run of the stored chain for an export: the rows exactly as stored, a page at a time, in one read-only
 * snapshot, so that an export is one consistent piece of the chain however long it takes the client to take it.
 */
public final class AuditChainReaderAdapter implements ReadAuditChainPort {
    private static final int PAGE = 1000;
    // The run is bounded by sequence numbers, not filtered by time: an event whose time is out of chain order (clocks
    // of several instances) is kept inside it, so the export has no gap that would read as a removed event.
    // 0 when there is no such event: sequence numbers start at 1.
    private static final String FIRST_SINCE =
            "SELECT coalesce(min(seq), 0) AS seq FROM audit_event WHERE occurred_at >= ?";
    private static final String LAST_BEFORE =
            "SELECT coalesce(max(seq), 0) AS seq FROM audit_event WHERE occurred_at < ?";
    private static final String LAST = "SELECT coalesce(max(seq), 0) AS seq FROM audit_event";
    private static final String PAGE_QUERY = """
            SELECT seq, prev_hash, hash, body FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?
            """;

    private final DbClient db;

    public AuditChainReaderAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public long read(Period period, Consumer<ChainLink> sink) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(sink, "sink");
        DbTransaction snapshot = null;
        try {
            snapshot = db.transaction();
            snapshot.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long count = read(snapshot, period, sink);
            snapshot.commit();
            return count;
        } catch (SinkFailure e) {
            ChainedAuditAdapter.rollbackQuietly(snapshot);
            throw e.getCause();
        } catch (RuntimeException e) {
            ChainedAuditAdapter.rollbackQuietly(snapshot);
            throw ChainedAuditAdapter.unavailable();
        }
    }

    private static long read(DbExecute db, Period period, Consumer<ChainLink> sink) {
        long first =
                period.since().map(since -> sequence(db, FIRST_SINCE, since)).orElse(1L);
        long last =
                period.until().map(until -> sequence(db, LAST_BEFORE, until)).orElseGet(() -> sequence(db.get(LAST)));
        if (first == 0 || last < first) {
            return 0;
        }
        long after = first - 1;
        long count = 0;
        while (after < last) {
            List<DbRow> rows = db.createQuery(PAGE_QUERY)
                    .params(after, last, PAGE)
                    .execute()
                    .toList();
            for (DbRow row : rows) {
                ChainLink link = new ChainLink(
                        row.column("seq").get(Long.class),
                        row.column("prev_hash").get(String.class),
                        row.column("hash").get(String.class),
                        row.column("body").get(String.class));
                try {
                    sink.accept(link);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
                after = link.sequence();
                count++;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return count;
    }

    private static long sequence(DbExecute db, String query, Instant bound) {
        return sequence(db.get(query, OffsetDateTime.ofInstant(bound, ZoneOffset.UTC)));
    }

    private static long sequence(Optional<DbRow> row) {
        return row.orElseThrow(() -> new IllegalStateException("an aggregate gave no row"))
                .column("seq")
                .get(Long.class);
    }

    /** What the sink threw, carried past the database failure handling to be rethrown as it was. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
