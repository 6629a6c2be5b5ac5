package dev.masker.domain.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser's sign-in to the admin API (SPEC §5): whose it is, and until when it holds. It expires
 * {@link #LIFETIME} after it was last used (a sliding expiry); using it moves the expiry on, though at most once per
 * {@link #EXTENSION_INTERVAL}, so that a busy browser does not write on every request. Revoked (signed out), it never
 * holds again. Times are kept to the millisecond, as the API shows them.
 */
public final class AdminSession {
    /** How long a session holds after its last use. */
    public static final Duration LIFETIME = Duration.ofDays(30);
    /** The least time between two extensions of one session. */
    public static final Duration EXTENSION_INTERVAL = Duration.ofMinutes(1);

    private final AdminSessionDigest digest;
    private final AdminPrincipal principal;
    private final Instant createdAt;
    private final Instant lastSeenAt;
    private final Instant expiresAt;
    private final Instant revokedAt;

    private AdminSession(
            AdminSessionDigest digest,
            AdminPrincipal principal,
            Instant createdAt,
            Instant lastSeenAt,
            Instant expiresAt,
            Instant revokedAt) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSeenAt = Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.revokedAt = revokedAt;
    }

    /** Whether a session holds at a given moment. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /** A session signed in now, for the principal, stored under the digest of its secret. */
    public static AdminSession create(AdminSessionDigest digest, AdminPrincipal principal, Instant now) {
        Instant at = millis(now);
        return new AdminSession(digest, principal, at, at, at.plus(LIFETIME), null);
    }

    /** A session as it was stored. */
    public static AdminSession restore(
            AdminSessionDigest digest,
            AdminPrincipal principal,
            Instant createdAt,
            Instant lastSeenAt,
            Instant expiresAt,
            Optional<Instant> revokedAt) {
        return new AdminSession(digest, principal, createdAt, lastSeenAt, expiresAt, revokedAt.orElse(null));
    }

    /** Whether the session holds at {@code now}: revocation wins over expiry. */
    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }

    /** Whether using the session at {@code now} should move its expiry on (at most once per extension interval). */
    public boolean isDueForExtensionAt(Instant now) {
        return !now.isBefore(lastSeenAt.plus(EXTENSION_INTERVAL));
    }

    /** The session as used at {@code now}: last seen then, expiring a full lifetime later. */
    public AdminSession extendedAt(Instant now) {
        Instant at = millis(now);
        return new AdminSession(digest, principal, createdAt, at, at.plus(LIFETIME), revokedAt);
    }

    public AdminSessionDigest digest() {
        return digest;
    }

    public AdminPrincipal principal() {
        return principal;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    @Override
    public String toString() {
        return "AdminSession[principal=" + principal.value() + ", expiresAt=" + expiresAt
                + (revokedAt == null ? "" : ", revokedAt=" + revokedAt) + "]";
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
