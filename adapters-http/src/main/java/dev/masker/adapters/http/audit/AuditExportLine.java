package dev.masker.adapters.http.audit;

import dev.masker.domain.audit.ChainLink;

/**
 * One line of an export: a stored event exactly as it was hashed ({@code body} is the canonical JSON as text), so that
 * {@code hash = SHA-256(prev_hash + body)} can be recomputed by anyone (docs/AUDIT.md).
 */
public record AuditExportLine(long seq, String prev_hash, String hash, String body) {
    static AuditExportLine of(ChainLink link) {
        return new AuditExportLine(link.sequence(), link.previousHash(), link.hash(), link.body());
    }
}
