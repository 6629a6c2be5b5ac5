package dev.masker.testsupport.ports;

import dev.masker.application.port.out.KeepAdminSessionsPort;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The admin session store in memory, for tests of the services; it counts reads and extensions. */
public final class InMemoryAdminSessions implements KeepAdminSessionsPort {
    private final Map<AdminSessionDigest, AdminSession> sessions = new HashMap<>();
    private int finds;
    private int extensions;

    @Override
    public synchronized void create(AdminSession session) {
        if (sessions.putIfAbsent(session.digest(), session) != null) {
            throw new IllegalStateException("a session with this digest is already stored");
        }
    }

    @Override
    public synchronized Optional<AdminSession> find(AdminSessionDigest digest) {
        finds++;
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public synchronized void extend(AdminSessionDigest digest, Instant lastSeenAt, Instant expiresAt) {
        extensions++;
        sessions.computeIfPresent(
                digest,
                (key, stored) -> stored.revokedAt().isPresent() || !expiresAt.isAfter(stored.expiresAt())
                        ? stored
                        : AdminSession.restore(
                                key, stored.principal(), stored.createdAt(), lastSeenAt, expiresAt, Optional.empty()));
    }

    @Override
    public synchronized void revoke(AdminSessionDigest digest, Instant revokedAt) {
        sessions.computeIfPresent(
                digest,
                (key, stored) -> stored.revokedAt().isPresent()
                        ? stored
                        : AdminSession.restore(
                                key,
                                stored.principal(),
                                stored.createdAt(),
                                stored.lastSeenAt(),
                                stored.expiresAt(),
                                Optional.of(revokedAt)));
    }

    /** Every session stored, by digest. */
    public synchronized Map<AdminSessionDigest, AdminSession> sessions() {
        return Map.copyOf(sessions);
    }

    /** How often a session was looked up. */
    public synchronized int finds() {
        return finds;
    }

    /** How often a session's use was recorded. */
    public synchronized int extensions() {
        return extensions;
    }
}
