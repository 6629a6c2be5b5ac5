package dev.masker.application.service;

import dev.masker.application.port.in.PurgeVaultUseCase;
import dev.masker.application.port.out.AppendAuditEventPort;
import dev.masker.application.port.out.IdGeneratorPort;
import dev.masker.application.port.out.PurgeVaultPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.id.EventId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The vault's retention: the originals of a session's tokens (and its kept turn payloads) are kept for
 * {@code retentionDays} after its last activity, then removed; the audit log records each purge with its counts.
 * Sessions and their audit events stay (a session's report still works); its tokens simply no longer open.
 */
public final class PurgeVaultService implements PurgeVaultUseCase {
    private final PurgeVaultPort vault;
    private final AppendAuditEventPort audit;
    private final IdGeneratorPort ids;
    private final Clock clock;
    private final int retentionDays;

    public PurgeVaultService(
            PurgeVaultPort vault, AppendAuditEventPort audit, IdGeneratorPort ids, Clock clock, int retentionDays) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("the retention must be at least one day");
        }
        this.retentionDays = retentionDays;
    }

    @Override
    public PurgeVaultPort.Purged purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(retentionDays));
        PurgeVaultPort.Purged removed = vault.purgeBefore(cutoff);
        audit.append(AuditEvent.vaultPurged(
                new EventId(ids.next()), now, cutoff, retentionDays, removed.vaultEntries(), removed.turnPayloads()));
        return removed;
    }
}
