package dev.masker.application.port.out;

import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.session.SessionId;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the vault of {@code MSKV1} tokens' originals, sealed, keyed by session and token text. It never sees a
 * plaintext. Every method throws {@link dev.masker.domain.error.DomainException} with {@code unavailable} when the
 * vault cannot be reached.
 */
public interface KeepVaultEntriesPort {
    /** Keeps the entry; storing the same session and token again keeps the entry stored first and does not fail. */
    void store(VaultEntry entry);

    /**
     * Keeps every entry as {@link #store} would; an adapter that can writes them in one round trip (one turn's values).
     */
    default void storeAll(List<VaultEntry> entries) {
        entries.forEach(this::store);
    }

    /** The entry the session stored for the token, or empty: another session's entry for the same token is not found. */
    Optional<VaultEntry> find(SessionId session, PhiToken token);
}
