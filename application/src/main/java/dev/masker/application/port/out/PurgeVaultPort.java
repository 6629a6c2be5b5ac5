package dev.masker.application.port.out;

import java.time.Instant;

/** Driven port: removes token-vault entries and kept turn payloads past their retention. */
public interface PurgeVaultPort {
    /**
     * Removes the vault entries and turn payloads stored before the cutoff whose session's last activity (its end, or
     * its start when it never ended) was before it too, and says how many of each it removed.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the store cannot be reached
     */
    Purged purgeBefore(Instant cutoff);

    /** What one purge removed. */
    record Purged(long vaultEntries, long turnPayloads) {}
}
