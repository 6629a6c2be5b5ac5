package dev.masker.adapters.persistence;

import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An in-memory token vault for tests; it keeps the same contract as the PostgreSQL one. */
final class InMemoryTokenVault implements TokenVaultPort {
    private record Key(SessionId session, String token) { }

    private final ConcurrentMap<Key, VaultEntry> entries = new ConcurrentHashMap<>();

    @Override
    public void store(VaultEntry entry) {
        entries.putIfAbsent(new Key(entry.session(), entry.token().text()), entry);
    }

    @Override
    public Optional<VaultEntry> find(SessionId session, PhiToken token) {
        return Optional.ofNullable(entries.get(new Key(session, token.text())));
    }
}
