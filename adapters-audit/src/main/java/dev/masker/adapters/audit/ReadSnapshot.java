package dev.masker.adapters.audit;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.function.Function;

/**
 * Runs a read of the audit log in one read-only {@code REPEATABLE READ} snapshot, so that appends committed meanwhile
 * are neither seen nor mistaken for tampering, and reports any failure as {@code audit_unavailable}.
 */
final class ReadSnapshot {
    private ReadSnapshot() {
    }

    static <T> T read(DbClient db, Function<DbExecute, T> work) {
        DbTransaction snapshot = null;
        try {
            snapshot = db.transaction();
            snapshot.dml("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            T result = work.apply(snapshot);
            snapshot.commit();
            return result;
        } catch (RuntimeException e) {
            ChainedAuditAdapter.rollbackQuietly(snapshot);
            throw ChainedAuditAdapter.unavailable();
        }
    }
}
