package dev.masker.application.service;

import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Optional;

/** The in-memory vault, counting the round trips a service makes to it. */
final class CountingTokenVault implements TokenVaultPort {
    private final InMemoryTokenVault entries = new InMemoryTokenVault();
    private int writes;

    @Override
    public void store(VaultEntry entry) {
        writes++;
        entries.store(entry);
    }

    @Override
    public void storeAll(List<VaultEntry> batch) {
        writes++;
        batch.forEach(entries::store);
    }

    @Override
    public Optional<VaultEntry> find(SessionId session, PhiToken token) {
        return entries.find(session, token);
    }

    int writes() {
        return writes;
    }

    List<VaultEntry> all() {
        return entries.all();
    }
}
