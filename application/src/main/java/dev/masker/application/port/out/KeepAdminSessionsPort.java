package dev.masker.application.port.out;

import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the store of browser sign-in sessions to the admin API, keyed by the digest of their secret (the secret
 * itself is never handed to it). Every method throws {@link dev.masker.domain.error.DomainException} with
 * {@code unavailable} when the store cannot be reached.
 */
public interface KeepAdminSessionsPort {
    /** Stores a new session. */
    void create(AdminSession session);

    /** The session stored under the digest, whatever its state (expired and revoked ones too), or empty if none is. */
    Optional<AdminSession> find(AdminSessionDigest digest);

    /**
     * Records a use of the session: last seen at {@code lastSeenAt}, expiring at {@code expiresAt}. A revoked session
     * stays revoked, and an expiry never moves back (two instances extending at once keep the later one).
     */
    void extend(AdminSessionDigest digest, Instant lastSeenAt, Instant expiresAt);

    /** Revokes the session at once; revoking it again keeps the first time. Unknown digests are ignored. */
    void revoke(AdminSessionDigest digest, Instant revokedAt);
}
