package dev.masker.application.port.in;

import dev.masker.application.port.out.PurgeVaultPort;

/** Removes token-vault entries older than the retention period, and records that it did (issue 13). */
public interface PurgeVaultUseCase {
    /**
     * Purges and records a {@code vault_purged} audit event; how many vault entries and turn payloads were removed.
     *
     * @throws dev.masker.domain.error.DomainException with {@code unavailable} or {@code audit_unavailable}
     */
    PurgeVaultPort.Purged purge();
}
