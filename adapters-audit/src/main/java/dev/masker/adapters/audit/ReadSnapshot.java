package dev.masker.adapters.audit;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs a read of the audit log in one read-only {@code REPEATABLE READ} snapshot, so that appends committed meanwhile
 * are neither seen nor mistaken for tampering, and reports any failure as {@code audit_unavailable}.
 */
final class ReadSnapshot {
    /** What {@code pg_export_snapshot()} returns, e.g. {@code 00000003-0000001B-1}: checked before it is quoted in SQL. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]{1,16}(-[0-9A-F]{1,16}){1,3}");

    private ReadSnapshot() {}

    static <T> T read(DbClient db, Function<DbExecute, T> work) {
        return read(db, Optional.empty(), work);
    }

    /**
     * Runs the work in the snapshot another transaction exported ({@code pg_export_snapshot()}), so that two connections
     * read exactly the same events; the exporting transaction must stay open until this returns.
     */
    static <T> T readIn(DbClient db, String exportedSnapshot, Function<DbExecute, T> work) {
        if (!SNAPSHOT_ID.matcher(exportedSnapshot).matches()) {
            throw new IllegalArgumentException("not a snapshot id PostgreSQL exports");
        }
        return read(db, Optional.of(exportedSnapshot), work);
    }

    /** Exports the snapshot of the transaction, for {@link #readIn} on another connection. */
    static String export(DbExecute snapshot) {
        return snapshot.get("SELECT pg_export_snapshot() AS id")
                .orElseThrow()
                .column("id")
                .get(String.class);
    }

    private static <T> T read(DbClient db, Optional<String> exportedSnapshot, Function<DbExecute, T> work) {
        DbTransaction snapshot = null;
        try {
            snapshot = db.transaction();
            snapshot.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            if (exportedSnapshot.isPresent()) {
                snapshot.dml("SET TRANSACTION SNAPSHOT '" + exportedSnapshot.get() + "'");
            }
            T result = work.apply(snapshot);
            snapshot.commit();
            return result;
        } catch (RuntimeException e) {
            ChainedAuditAdapter.rollbackQuietly(snapshot);
            throw ChainedAuditAdapter.unavailable();
        }
    }
}
