package dev.masker.adapters.persistence;

import dev.masker.application.port.out.PurgeVaultPort;
import io.helidon.dbclient.DbClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Removes token-vault rows and kept turn payloads past their retention, a bounded batch per statement so that no purge
 * holds a long transaction or lock over the tables the proxy writes to.
 */
public final class JdbcVaultRetentionAdapter implements PurgeVaultPort {
    private static final int BATCH = 10_000;
    // A row goes when it was stored before the cutoff and its session (if the row has one) was last active before it:
    // ended before it, or, never ended, started before it (a call lasts minutes, not the retention period).
    // Kept turn payloads go by the same rule.
    private static final String PURGE = """
            DELETE FROM %1$s WHERE ctid IN (
                SELECT v.ctid FROM %1$s v
                WHERE v.created_at < ?
                  AND NOT EXISTS (SELECT 1 FROM proxy_session s
                                  WHERE s.id = v.session_id AND coalesce(s.ended_at, s.started_at) >= ?)
                LIMIT ?)
            """;

    private final DbClient db;
    private final int batch;

    public JdbcVaultRetentionAdapter(DbClient db) {
        this(db, BATCH);
    }

    /** Deletes at most {@code batch} rows per statement. */
    JdbcVaultRetentionAdapter(DbClient db, int batch) {
        this.db = Objects.requireNonNull(db, "db");
        this.batch = batch;
    }

    @Override
    public Purged purgeBefore(Instant cutoff) {
        return new Purged(purge("token_vault", cutoff), purge("turn_payload", cutoff));
    }

    private long purge(String table, Instant cutoff) {
        OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        String sql = PURGE.formatted(table);
        long removed = 0;
        try {
            long deleted;
            do {
                deleted = db.execute().createDelete(sql).params(at, at, batch).execute();
                removed += deleted;
            } while (deleted == batch);
        } catch (RuntimeException e) {
            if (SqlFailures.isUnavailable(e)) {
                throw SqlFailures.unavailable();
            }
            throw new IllegalStateException("vault purge failed with SQL state "
                    + SqlFailures.sqlState(e).orElse("unknown"));
        }
        return removed;
    }
}
