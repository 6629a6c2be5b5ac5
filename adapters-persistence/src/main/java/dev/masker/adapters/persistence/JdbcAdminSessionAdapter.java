package dev.masker.adapters.persistence;

import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.domain.admin.AdminPrincipal;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in sessions in PostgreSQL through Helidon DbClient, keyed by the SHA-256 of their secret. Nothing is cached:
 * every request reads its session, so a sign-out holds at once on every instance sharing the database.
 */
public final class JdbcAdminSessionAdapter implements KeepAdminSessionsPort {
    private static final String INSERT = """
            INSERT INTO admin_session (secret_sha256, principal, created_at, last_seen_at, expires_at, revoked_at)
            VALUES (:digest, :principal, :created_at, :last_seen_at, :expires_at, :revoked_at)
            """;
    private static final String SELECT = """
            SELECT secret_sha256, principal, created_at, last_seen_at, expires_at, revoked_at
            FROM admin_session WHERE secret_sha256 = :digest
            """;
    // Never revives a revoked session, never moves an expiry back (two instances extending at once keep the later).
    private static final String EXTEND = """
            UPDATE admin_session SET last_seen_at = :last_seen_at, expires_at = :expires_at
            WHERE secret_sha256 = :digest AND revoked_at IS NULL AND expires_at < :expires_at
            """;
    private static final String REVOKE = """
            UPDATE admin_session SET revoked_at = :revoked_at
            WHERE secret_sha256 = :digest AND revoked_at IS NULL
            """;

    private final DbClient db;

    public JdbcAdminSessionAdapter(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void create(AdminSession session) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("digest", session.digest().hex());
        params.put("principal", session.principal().value());
        params.put("created_at", timestamp(session.createdAt()));
        params.put("last_seen_at", timestamp(session.lastSeenAt()));
        params.put("expires_at", timestamp(session.expiresAt()));
        params.put(
                "revoked_at",
                session.revokedAt().map(JdbcAdminSessionAdapter::timestamp).orElse(null));
        try {
            db.execute().createInsert(INSERT).params(params).execute();
        } catch (RuntimeException e) {
            if (SqlFailures.isUniqueViolation(e)) {
                // 256 random bits do not repeat: this is a bug, not a caller's mistake.
                throw new IllegalStateException("a session with this digest is already stored");
            }
            throw translate(e);
        }
    }

    @Override
    public Optional<AdminSession> find(AdminSessionDigest digest) {
        try {
            return db.execute()
                    .createGet(SELECT)
                    .addParam("digest", digest.hex())
                    .execute()
                    .map(JdbcAdminSessionAdapter::session);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    @Override
    public void extend(AdminSessionDigest digest, Instant lastSeenAt, Instant expiresAt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("digest", digest.hex());
        params.put("last_seen_at", timestamp(lastSeenAt));
        params.put("expires_at", timestamp(expiresAt));
        update(EXTEND, params);
    }

    @Override
    public void revoke(AdminSessionDigest digest, Instant revokedAt) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("digest", digest.hex());
        params.put("revoked_at", timestamp(revokedAt));
        update(REVOKE, params);
    }

    private void update(String statement, Map<String, Object> params) {
        try {
            db.execute().createUpdate(statement).params(params).execute();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static AdminSession session(DbRow row) {
        Optional<Object> revokedAt = row.column("revoked_at").asOptional();
        return AdminSession.restore(
                new AdminSessionDigest(row.column("secret_sha256").get(String.class)),
                new AdminPrincipal(row.column("principal").get(String.class)),
                instant(row.column("created_at").get()),
                instant(row.column("last_seen_at").get()),
                instant(row.column("expires_at").get()),
                revokedAt.map(JdbcAdminSessionAdapter::instant));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime dateTime -> dateTime.toInstant();
            default -> throw new IllegalStateException("a stored session has an unreadable time");
        };
    }

    private static RuntimeException translate(RuntimeException failure) {
        if (SqlFailures.isUnavailable(failure)) {
            return SqlFailures.unavailable();
        }
        // Never the driver's message: PostgreSQL quotes offending values in it.
        return new IllegalStateException("admin session statement failed with SQL state "
                + SqlFailures.sqlState(failure).orElse("unknown"));
    }
}
