package dev.masker.testsupport.ports;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The token vault in memory, keyed by session and token as the real one is. */
public final class InMemoryTokenVault implements KeepVaultEntriesPort {
    private final Map<String, VaultEntry> entries = new ConcurrentHashMap<>();

    @Override
    public void store(VaultEntry entry) {
        entries.putIfAbsent(key(entry.session(), entry.token()), entry);
    }

    @Override
    public Optional<VaultEntry> find(SessionId session, PhiToken token) {
        return Optional.ofNullable(entries.get(key(session, token)));
    }

    /** Every entry stored. */
    public List<VaultEntry> all() {
        return List.copyOf(entries.values());
    }

    private static String key(SessionId session, PhiToken token) {
        return session.value() + " " + token.text();
    }
}
