package dev.masker.application.service;

import dev.masker.application.port.out.AdminSessionStorePort;
import dev.masker.domain.admin.AdminSession;
import dev.masker.domain.admin.AdminSessionDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory session store that counts extensions, for tests of the services. */
final class InMemoryAdminSessions implements AdminSessionStorePort {
    final Map<AdminSessionDigest, AdminSession> sessions = new HashMap<>();
    int finds;
    int extensions;

    @Override
    public void create(AdminSession session) {
        if (sessions.putIfAbsent(session.digest(), session) != null) {
            throw new IllegalStateException("a session with this digest is already stored");
        }
    }

    @Override
    public Optional<AdminSession> find(AdminSessionDigest digest) {
        finds++;
        return Optional.ofNullable(sessions.get(digest));
    }

    @Override
    public void extend(AdminSessionDigest digest, Instant lastSeenAt, Instant expiresAt) {
        extensions++;
        sessions.computeIfPresent(digest, (key, stored) -> stored.revokedAt().isPresent()
                || !expiresAt.isAfter(stored.expiresAt()) ? stored
                : AdminSession.restore(key, stored.principal(), stored.createdAt(), lastSeenAt, expiresAt, Optional.empty()));
    }

    @Override
    public void revoke(AdminSessionDigest digest, Instant revokedAt) {
        sessions.computeIfPresent(digest, (key, stored) -> stored.revokedAt().isPresent() ? stored
                : AdminSession.restore(key, stored.principal(), stored.createdAt(), stored.lastSeenAt(),
                        stored.expiresAt(), Optional.of(revokedAt)));
    }
}
