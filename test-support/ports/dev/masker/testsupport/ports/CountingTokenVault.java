package dev.masker.testsupport.ports;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Optional;

/** The in-memory vault, counting the round trips a service makes to it; its writes can be made to fail. */
public final class CountingTokenVault implements KeepVaultEntriesPort {
    private final InMemoryTokenVault entries = new InMemoryTokenVault();
    private int writes;
    private DomainException writeFailure;

    @Override
    public void store(VaultEntry entry) {
        storeAll(List.of(entry));
    }

    @Override
    public void storeAll(List<VaultEntry> batch) {
        writes++;
        if (writeFailure != null) {
            throw writeFailure;
        }
        batch.forEach(entries::store);
    }

    /** Every write from now on fails with {@code failure}, storing nothing. */
    public void failWrites(DomainException failure) {
        writeFailure = failure;
    }

    @Override
    public Optional<VaultEntry> find(SessionId session, PhiToken token) {
        return entries.find(session, token);
    }

    /** The writes so far: one per {@code store} or {@code storeAll}, failed ones too. */
    public int writes() {
        return writes;
    }

    /** Every entry stored. */
    public List<VaultEntry> all() {
        return entries.all();
    }
}
