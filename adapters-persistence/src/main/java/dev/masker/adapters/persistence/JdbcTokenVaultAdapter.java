package dev.masker.adapters.persistence;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.SealedValue;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The token vault in PostgreSQL through Helidon DbClient: one row per session and token, holding the sealed original
 * (nonce and ciphertext), never the plaintext. Nothing is cached: which values a session already stored is the
 * masker's to remember (it then neither seals nor sends them again).
 */
public final class JdbcTokenVaultAdapter implements KeepVaultEntriesPort {
    // The first row for a session and token wins: a value seen again keeps its original, concurrent stores included.
    private static final String INSERT = """
            INSERT INTO token_vault (session_id, token, kind, kid, nonce, ciphertext, created_at)
            VALUES (:session_id, :token, :kind, :kid, :nonce, :ciphertext, :created_at)
            ON CONFLICT (session_id, token) DO NOTHING
            """;
    private static final String SELECT = """
            SELECT nonce, ciphertext, created_at FROM token_vault WHERE session_id = :session_id AND token = :token
            """;

    private static final String INSERT_MANY_HEAD =
            "INSERT INTO token_vault (session_id, token, kind, kid, nonce, ciphertext, created_at) VALUES ";
    private static final String INSERT_MANY_ROW = "(?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_MANY_TAIL = " ON CONFLICT (session_id, token) DO NOTHING";
    /** Rows per statement: 7 parameters each stays far below PostgreSQL's 32,767 bind parameters. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final DbClient db;

    public JdbcTokenVaultAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void store(VaultEntry entry) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("session_id", entry.session().value());
        params.put("token", entry.token().text());
        params.put("kind", entry.token().kind().name());
        params.put("kid", entry.token().kid().value());
        params.put("nonce", entry.sealed().nonce());
        params.put("ciphertext", entry.sealed().ciphertext());
        params.put("created_at", OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC));
        try {
            db.execute().createInsert(INSERT).params(params).execute();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** One multi-row INSERT per 500 entries: a turn's values reach the vault in one round trip. */
    @Override
    public void storeAll(List<VaultEntry> entries) {
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<VaultEntry> rows = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            StringJoiner sql = new StringJoiner(", ", INSERT_MANY_HEAD, INSERT_MANY_TAIL);
            List<Object> params = new ArrayList<>(rows.size() * 7);
            for (VaultEntry entry : rows) {
                sql.add(INSERT_MANY_ROW);
                params.add(entry.session().value());
                params.add(entry.token().text());
                params.add(entry.token().kind().name());
                params.add(entry.token().kid().value());
                params.add(entry.sealed().nonce());
                params.add(entry.sealed().ciphertext());
                params.add(OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC));
            }
            try {
                db.execute().createInsert(sql.toString()).params(params).execute();
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
    }

    @Override
    public Optional<VaultEntry> find(SessionId session, PhiToken token) {
        try {
            return db.execute()
                    .createGet(SELECT)
                    .addParam("session_id", session.value())
                    .addParam("token", token.text())
                    .execute()
                    .map(row -> entry(session, token, row));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static VaultEntry entry(SessionId session, PhiToken token, DbRow row) {
        SealedValue sealed = new SealedValue(
                row.column("nonce").get(byte[].class), row.column("ciphertext").get(byte[].class));
        return new VaultEntry(
                session,
                token,
                sealed,
                SqlTimes.instant(row.column("created_at").get())
                        .orElseThrow(() -> new IllegalStateException("a vault entry has an unreadable time")));
    }

    private static RuntimeException translate(RuntimeException failure) {
        if (SqlFailures.isUnavailable(failure)) {
            return SqlFailures.unavailable();
        }
        // Never the driver's message: PostgreSQL quotes offending values in it.
        return new IllegalStateException("token vault statement failed with SQL state "
                + SqlFailures.sqlState(failure).orElse("unknown"));
    }
}
