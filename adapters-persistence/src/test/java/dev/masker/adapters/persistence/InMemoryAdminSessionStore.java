package dev.masker.adapters.persistence;

import dev.masker.application.port.out.AdminSessionStorePort;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An in-memory admin session store for tests; it keeps the same contract as the PostgreSQL one. */
final class InMemoryAdminSessionStore implements AdminSessionStorePort {
    private final ConcurrentMap<AdminSessionDigest, AdminSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(AdminSession session) {
        if (sessions.putIfAbsent(session.digest(), session) != null) {
            throw new IllegalStateException("a session with this digest is already stored");
        }
    }

    @Override
    public Optional<AdminSession> find(AdminSessionDigest digest) {
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public void extend(AdminSessionDigest digest, Instant lastSeenAt, Instant expiresAt) {
        sessions.computeIfPresent(digest, (key, stored) -> stored.revokedAt().isPresent()
                || !stored.expiresAt().isBefore(expiresAt) ? stored
                : AdminSession.restore(key, stored.principal(), stored.createdAt(), lastSeenAt, expiresAt, Optional.empty()));
    }

    @Override
    public void revoke(AdminSessionDigest digest, Instant revokedAt) {
        sessions.computeIfPresent(digest, (key, stored) -> stored.revokedAt().isPresent() ? stored
                : AdminSession.restore(key, stored.principal(), stored.createdAt(), stored.lastSeenAt(),
                        stored.expiresAt(), Optional.of(revokedAt)));
    }
}
