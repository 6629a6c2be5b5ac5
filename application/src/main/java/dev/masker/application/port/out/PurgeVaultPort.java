package dev.masker.application.port.out;

import java.time.Instant;

/** Driven port: removes token-vault entries past their retention. */
public interface PurgeVaultPort {
    /**
     * Removes the vault entries stored before the cutoff whose session's last activity (its end, or its start when it
     * never ended) was before it too, and says how many it removed.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
     */
    long purgeBefore(Instant cutoff);
}
